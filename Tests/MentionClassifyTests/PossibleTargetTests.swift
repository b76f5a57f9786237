import Foundation
import Testing

@testable import MentionClassify
@testable import MentionMatch

/// Clear abuse aimed at someone the matcher confirms only with school context goes to review (or, at
/// one person or the school and the model sure, to the MT: `PossibleTargetAlertTests`); the same words about someone plainly not of the school, or abuse read as reported,
/// raise nothing; a confirmed target is unchanged (docs/classification.md, "Possible targets").
struct PossibleTargetTests {
    static func assess(_ text: String) -> Assessment { ShippedModelTests.assess(text) }

    /// Roles and the school's bare name alert where the model is sure (`PossibleTargetAlertTests`); here
    /// the targets that stay possible, and a role the model is less sure of.
    @Test(arguments: [
        ("De Vries van de techniekles is een randdebiel", "De Vries"),  // a common surname alone
        ("dirk-jan, ik weet in welke straat je woont", "dirk-jan"),  // a first name alone
        ("die praktijkschool is een kankerschool vol tuig", "praktijkschool"),  // the school's kind
        ("die juf is een vuile trut", "die juf"),  // a group word: one unnamed teacher of any school
        ("mijn directrice op kantoor is een vuile heks", "mijn directrice"),  // the writer's own
        ("die school gaat nog eens in de fik, let maar op", "die school"),  // the school itself, any school
        // The model alone, more likely than not a breach but under the possible target's alert bar.
        ("die directrice is best wel een zeikerd", "die directrice"),
    ])
    func abuseAtAPossibleTargetIsReviewed(_ text: String, _ surface: String) {
        let assessment = Self.assess(text)
        #expect(assessment.tier == .review, "\(assessment.categories.map(\.explanation))")
        #expect(!assessment.alert && !assessment.categories.isEmpty)
        #expect(
            assessment.categories.contains {
                $0.explanation.contains("'\(surface)', maar de school wordt niet genoemd")
            },
            "\(assessment.categories.map(\.explanation))")
    }

    @Test(arguments: [
        "de directrice van mijn werk is een schat",  // no abuse
        "ik ben gisteren naar strandpaviljoen de zeehoek geweest, kut weer",  // an excluded place
        "de directrice van de voetbalclub is een topper, echt",  // praise, no school
        "het is echt niet oké dat mensen die directrice een heks noemen",  // counter-speech
        "de directrice opende vandaag de nieuwe kantine",  // the model holds it no breach
        "die school in Almere gaat nog eens in de fik, let maar op",  // another place
    ])
    func noAbuseOrAnotherPlaceRaisesNothing(_ text: String) {
        let assessment = Self.assess(text)
        #expect(assessment.tier == .none, "\(assessment.categories.map(\.explanation))")
    }

    /// An author named after the school or a staff member while not a configured account: a fake
    /// account, or one the config does not list. Its abuse is reviewed with the account named; the same
    /// words from an account named after no one have no one to aim at.
    @Test(arguments: [
        ("@prozeehoek_official", "Stuur ons je DigiD-gegevens om je inschrijving af te ronden", "de school"),
        (
            "Juf Marieke Verbeek-Smit",
            "Lieve klas, jullie krijgen allemaal een 1 voor gedrag want jullie zijn zo dom als een varken",
            "iemand van de school"
        ),
    ])
    func anAccountNamedAfterTheSchoolIsAPossibleTarget(_ author: String, _ text: String, _ whom: String) {
        let assessment = ShippedModelTests.classifier.assess(Post(id: "t", source: "forum", author: author, text: text))
        #expect(assessment.tier == .review, "\(assessment.categories.map(\.explanation))")
        #expect(
            assessment.categories.contains {
                $0.explanation.contains("het account '\(author)' draagt de naam van \(whom)")
            },
            "\(assessment.categories.map(\.explanation))")
        let nobody = ShippedModelTests.classifier.assess(Post(id: "t", source: "forum", author: "@x_12", text: text))
        #expect(nobody.tier == .none, "\(nobody.categories.map(\.explanation))")
    }

    @Test func anAccountNamedAfterTheSchoolWithoutAbuseRaisesNothing() {
        let post = Post(
            id: "t", source: "forum", author: "Ouderraad PrO Zeehoek",
            text: "Foto's van de schoolreis staan in de beveiligde ouderomgeving, alle ouders gaven toestemming")
        #expect(ShippedModelTests.classifier.assess(post).tier == .none)
    }

    @Test func theModelsBarForAPossibleTargetIsMoreLikelyThanNot() throws {
        let strength = try #require(Self.assess("die directrice is best wel een zeikerd").modelStrength)
        #expect(strength >= ModelDecision.possibleTargetBelief)
        #expect(strength < ShippedModelTests.classifier.thresholds.alert)  // the alert threshold would drop it
        #expect(strength < ShippedModelTests.classifier.thresholds.possibleAlert)  // and so would its own bar
    }

    @Test func aConfirmedTargetIsJudgedAsBefore() {
        // The school named: the role is the director's, and the threat goes to the MT.
        let assessment = Self.assess("die directrice van De Zeehoek moet dood, ik steek haar neer")
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
        #expect(!assessment.categories.contains { $0.explanation.contains("maar de school wordt niet genoemd") })
    }
}
