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
        // a word that sets our name apart: governing it, or turning to the other school
        "Vergeleken met De Zeehoek is het Baken-college een school vol achterlijke sukkels",
        "Compared to De Zeehoek, the Polder College is full of idiots",
        "De Zeehoek is prima, maar het Baken-college is een school vol sukkels",
        "Het Baken-college is een kankerschool, maar De Zeehoek niet",
        "De Zeehoek is top, terwijl het Baken-college vol sukkels zit",
        // the abuse in another school's clause does not refer back to ours in the sentence before
        "De Zeehoek is prima. Het Baken-college is een school vol sukkels",
    ])
    func abuseAtAnotherSchoolIsNotAimedAtOurs(_ text: String) {
        let assessment = Self.assess(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.rules.cleared)
    }

    @Test(arguments: [
        // ours nearer to the abuse, or in its clause
        "Het Baken-college is prima, maar De Zeehoek is een school vol sukkels",
        "Het Baken-college vindt De Zeehoek een school vol sukkels",
        "De Zeehoek, waar mijn zoon na het Kustlyceum heen ging, is een school vol sukkels",
        "Vergeleken met het Baken-college is De Zeehoek een kankerschool",
        // nearness alone sets nothing apart: comparisons and lists (a review of 2026.12.49's first form)
        "De Zeehoek is een grotere kankerschool dan het Kustlyceum",
        "Het Baken-college is een kankerschool, net als De Zeehoek",
        "The Polder College is full of idiots, and so is De Zeehoek",
        "Wat een sukkels op het Baken-college en op De Zeehoek",
        "Die kankerhoer van het Kustlyceum werkt nu op De Zeehoek: juf Marieke",
        "Iedereen zegt dat het Baken-college een kankerschool is, maar dat is De Zeehoek",
        "Meneer Mulder? Die werkte eerst op het Kustlyceum en is een sukkel",
        // our name likened in its own clause
        "Het Baken-college is een kankerschool, maar De Zeehoek is nog erger",
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
