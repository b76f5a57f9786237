import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// The shipped model (model/classifier.mwm) with the rules, on shapes it once got wrong: praise and
/// news in the shape of an insult must not alarm the MT, and a plain insult the rules find must not
/// be vetoed. A guard against a release that learned the surface again (docs/model.md).
struct ShippedModelTests {
    static let classifier: Classifier = {
        var config = WorldFixture.config
        do {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: Paths.repositoryRoot + "/model/classifier.mwm"))
            config.classification.model = try LinearModel(fileBytes: [UInt8](bytes))
        } catch {
            fatalError("model/classifier.mwm cannot be read: \(error)")
        }
        return Classifier(config: config)
    }()

    static func assess(_ text: String, source: String = "forum") -> Assessment {
        classifier.assess(Post(id: "t", source: source, author: "x", text: text))
    }

    @Test(arguments: [
        "Juf Marieke is een topper",  // 2026.12.1 scored it 0.99 as an insult
        "Meneer Mulder is echt een held",
        "meester Youssef is een beest in de gymzaal",
        "Oud-leerlingen van De Zeehoek houden reünie in de aula",  // scheme 1 was sure of a breach
    ])
    func praiseAndNewsRaiseNoAlert(_ text: String) {
        let assessment = Self.assess(text)
        #expect(assessment.tier != .alert, "\(assessment.categories.map(\.explanation))")
    }

    @Test(arguments: [
        "juf marieke is echt een kankerwijf, altijd zeiken over mn telefoon",  // 2026.12.1 vetoed it
        "Ik ga meneer Oosterhuis na school in elkaar slaan",
        "Juf Marieke is walgelijk.",  // a post of a few words: 2026.12.8 vetoed it at 0.12
        "Meneer El Amrani is walgelijk",
    ])
    func aPlainBreachTheRulesFindIsAnAlert(_ text: String) {
        let assessment = Self.assess(text)
        #expect(
            assessment.alert, "\(assessment.categories.map(\.explanation)), model \(assessment.modelStrength ?? -1)")
    }

    // The rules find the insult; that the post passes someone's story on, the model reads: its
    // forwarding joins the rules' alert. Not where the model does not see a re-share.
    @Test func theModelsForwardingJoinsARulesAlert() {
        let passedOn = Self.assess(
            "voor wie het gemist heeft, dit stond gisteren in de story van Daan: meneer Mulder is een kankerlijer")
        #expect(passedOn.alert)
        #expect(passedOn.categories.contains { $0.category == .forwarding && $0.severity >= .medium })
        #expect(passedOn.categories.contains { $0.category == .insult })
        let ownWords = Self.assess("ik ben het zat: meneer Mulder is een kankerlijer")
        #expect(ownWords.alert)
        #expect(!ownWords.categories.contains { $0.category == .forwarding })
    }

    // A post aimed at no one names what it commits when the model is sure (corpus/LABELS.md: the
    // categories a post commits, whoever it is aimed at), as the rules name theirs; it goes nowhere.
    @Test func aPostAimedAtNoOneNamesWhatTheModelIsSureOf() {
        let wish = Self.assess("Die scheidsrechter van zaterdag mag wat mij betreft doodvallen.")
        #expect(wish.tier == .none && !wish.alert)
        #expect(wish.categories.contains { $0.category == .threat && $0.severity > .low })
        #expect(wish.categories.allSatisfy { $0.explanation.contains("niet gericht aan de school") })
        let outing = Self.assess("We gingen zaterdag met de klas naar het strand, heerlijk weer.")
        #expect(outing.tier == .none && outing.categories.isEmpty)
    }

    // A review item's category below every bar is the nearest one, named as a guess: low, so `score`
    // does not count it, and said to be unsure. At or above its bar it weighs as in an alert.
    @Test func aReviewItemsGuessedCategoryIsLow() throws {
        let base = Self.classifier
        func judged(bar: Double) -> Assessment {
            var thresholds = base.thresholds
            thresholds.categories = CategoryThresholds(
                naming: Dictionary(uniqueKeysWithValues: ProtocolCategory.allCases.map { ($0.rawValue, bar) }),
                joining: [:])
            let classifier = Classifier(
                matcher: base.matcher, lexicon: base.lexicon, minSeverity: base.minSeverity, model: base.model,
                thresholds: thresholds, spelling: base.spelling)
            return classifier.assess(
                Post(id: "t", source: "forum", author: "x", text: "Ken jij een dommere school dan De Zeehoek? Ik niet.")
            )
        }
        let unsure = judged(bar: 1.01)
        try #require(unsure.tier == .review, "model \(unsure.modelStrength ?? -1)")
        #expect(unsure.categories.count == 1)
        #expect(unsure.categories.allSatisfy { $0.severity == .low && $0.explanation.contains("categorie is onzeker") })
        let sure = judged(bar: 0)
        #expect(sure.tier == .review)
        #expect(!sure.categories.isEmpty && sure.categories.allSatisfy { $0.severity >= .medium })
    }
}
