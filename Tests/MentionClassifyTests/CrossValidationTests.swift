import Foundation
import TestSupport
import Testing

@testable import MentionClassify

/// How posts fall into cross-validation folds, and what the choice of thresholds counts (docs/model.md, "Training").
struct CrossValidationTests {
    @Test(arguments: [("ab-0153", "ab"), ("k001", "k"), ("c-0114", "c"), ("0042", "")])
    func aPostsWriterIsTheLettersItsIdStartsWith(id: String, writer: String) {
        #expect(CrossValidation.writer(of: id) == writer)
    }

    @Test func foldsByWriterKeepAWritersPostsTogetherAndFoldsByPostSpreadThem() {
        let ids = (1...200).map { "ab-\($0)" }
        let byWriter = Set(ids.map { CrossValidation.fold(of: CrossValidation.writer(of: $0), folds: 5) })
        let byPost = Set(ids.map { CrossValidation.fold(of: $0, folds: 5) })
        #expect(byWriter.count == 1)
        #expect(byPost.count == 5)
    }

    /// A threat counts twice in the choice of thresholds (`CrossValidation.threatWorth`): with one false
    /// alert in 100 allowed, a threat threshold that finds two threats and one other breach is chosen
    /// over an alert threshold that finds four other breaches. Counted alike, the four would win.
    @Test func aThreatFoundWeighsMoreThanAnotherBreach() throws {
        // (label, belief of "any", belief of the threat head), all linked, no rule hit.
        var cases: [(category: String?, strength: Double, threat: Double)] = [
            ("insult", 0.952, 0), ("insult", 0.952, 0), ("insult", 0.952, 0), ("insult", 0.97, 0),
            ("threat", 0.89, 0.9), ("threat", 0.89, 0.9),
            (nil, 0.95, 0),  // a false alert for an alert threshold of 0.95 or lower
            (nil, 0.93, 0),  // a second one for 0.93 or lower
            (nil, 0.895, 0.9),  // and one for a threat threshold that finds the threats
        ]
        cases += Array(repeating: (nil, 0.1, 0), count: 97)
        let posts = try cases.enumerated().map { index, item in
            let categories = item.category.map { "[\"\($0)\"]" } ?? "[]"
            let line =
                #"{"id": "t-\#(index)", "source": "forum", "author": "@a", "text": "x", "has_media": false, "#
                + #""expect": {"categories": \#(categories), "alert": \#(item.category != nil)}}"#
            return try JSONDecoder().decode(LabelledPost.self, from: Data(line.utf8))
        }
        var validation = CrossValidation(
            posts: posts, rules: Classifier(config: WorldFixture.config, mode: .rules), training: ModelTraining(),
            folds: 5)
        validation.outcomes = cases.map { item in
            CrossValidation.Outcome(
                rules: RulesVerdict(), linked: true, strength: item.strength, expectedAlert: item.category != nil,
                heads: [.threat: item.threat])
        }
        let chosen = validation.chooseThresholds(maxFalseAlertRate: 0.01, reviewRecall: 0.97, reviewFloor: 0.2)
        #expect(chosen.threat <= 0.89, "threat threshold \(chosen.threat), alert \(chosen.alert)")
        #expect(chosen.alert > 0.952)
    }
}
