import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Abuse aimed at another school that the post names beside ours is not aimed at ours
/// (`HitContext.nearerToAnotherSchool`, docs/classification.md "Aimed at whom"). Rules alone, so the
/// rows test the aim and not a model's belief.
struct OtherSchoolAimTests {
    static let classifier = Classifier(config: WorldFixture.config)

    static func assess(_ text: String) -> Assessment {
        classifier.assess(Post(id: "t", source: "forum", text: text))
    }

    @Test(arguments: [
        // another school's name nearer to the abuse, in its clause
        "Vergeleken met De Zeehoek is het Baken-college een school vol achterlijke sukkels",
        "De Zeehoek is prima, maar het Baken-college is een school vol sukkels",
        "Compared to De Zeehoek, the Polder College is full of idiots",
        "Op het Kustlyceum werken alleen sukkels, vraag maar aan meneer Mulder van De Zeehoek",
        // ... or in the abuse's sentence with ours in the one before
        "De Zeehoek is prima. Het Baken-college is een school vol sukkels",
    ])
    func abuseAtAnotherSchoolIsNotAimedAtOurs(_ text: String) {
        let assessment = Self.assess(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.rules.cleared)
    }

    @Test(arguments: [
        // ours nearer to the abuse, or in its clause while the other school is not
        "Het Baken-college is prima, maar De Zeehoek is een school vol sukkels",
        "Het Baken-college vindt De Zeehoek een school vol sukkels",
        "De Zeehoek, waar mijn zoon na het Kustlyceum heen ging, is een school vol sukkels",
        "Meneer Mulder, die eerst op het Kustlyceum werkte, is een sukkel",
        // the two as one subject
        "De Zeehoek en het Baken-college zijn allebei scholen vol sukkels",
        // capitals throughout name no other school ("SCHOOL VOOR" is no school called Voor)
        "PRAKTIJKSCHOOL ZEEHOEK HAHAHA SCHOOL VOOR LOSERS",
    ])
    func abuseAtOursStaysAimedAtOurs(_ text: String) {
        let assessment = Self.assess(text)
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
    }
}
