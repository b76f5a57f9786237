import Foundation
import Testing
import TestSupport
@testable import MentionCore

/// An evaluation set written independently of the lexicon (Tests/Support/classification-independent.jsonl,
/// 233 posts in the fictional world, modelled on the functional tests of Multilingual HateCheck):
/// first scored blind, then used to find general gaps, so it is no longer held out. The scores are
/// printed; the floors below sit just under the figures now measured, so a change that makes them worse fails.
struct IndependentSetTests {
    /// A second set (Tests/Support/classification-fresh.jsonl, 150 posts in the style of teenagers and
    /// parents online), written by another helper after the first round of tuning and scored once
    /// blind: alert precision 0.95, recall 0.53, false alerts 2.5 %, macro-F1 0.69. Its misses were then
    /// used like the first set's, so it is not held out either; the floors sit under today's figures.
    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func freshSetScores() throws {
        let scoring = try Self.score("classification-fresh.jsonl")
        print(scoring.report(title: "fresh set"))
        #expect(scoring.posts == 150)
        #expect(scoring.alerts.recall ?? 0 >= 0.80, "alert recall")
        #expect(scoring.falseAlertRate <= 0.02, "false-alert rate")
        #expect(scoring.macroF1 >= 0.88, "category macro-F1")
    }

    /// A third set (Tests/Support/classification-third.jsonl, 100 posts with clear mentions), written
    /// after all other tuning and scored once blind: alert precision 0.87, recall 0.61, false alerts
    /// 10.9 % (5 of 46), macro-F1 0.68. Only its false alarms were then looked at (a denial, a rebuttal,
    /// a school's protocol quoting abuse, "ik was"); its misses were not, so its recall is still a fair estimate.
    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func thirdSetScores() throws {
        let scoring = try Self.score("classification-third.jsonl")
        print(scoring.report(title: "third set"))
        #expect(scoring.posts == 100)
        #expect(scoring.alerts.recall ?? 0 >= 0.58, "alert recall")
        #expect(scoring.falseAlertRate <= 0.03, "false-alert rate")
        #expect(scoring.macroF1 >= 0.65, "category macro-F1")
    }

    static func score(_ file: String) throws -> Scoring {
        let text = try String(contentsOfFile: Paths.support(file), encoding: .utf8)
        let posts = try text.split(separator: "\n").map { try JSONDecoder().decode(LabelledPost.self, from: Data($0.utf8)) }
        return LabelledPost.score(posts, with: Classifier(config: WorldFixture.config))
    }

    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func scores() throws {
        let text = try String(contentsOfFile: Paths.support("classification-independent.jsonl"), encoding: .utf8)
        let posts = try text.split(separator: "\n").map { try JSONDecoder().decode(LabelledPost.self, from: Data($0.utf8)) }
        let scoring = LabelledPost.score(posts, with: Classifier(config: WorldFixture.config)) { post, assessment in
            print("independent set: \(post.id) judged \(assessment.categories.map { "\($0.category.rawValue)/\($0.severity.rawValue)" }) alert \(assessment.alert); labelled \(post.expect.categories) alert \(post.expect.alert): \(post.title ?? "") \(post.text ?? "")")
        }
        print(scoring.report(title: "independent set"))
        #expect(posts.count == 233)
        // Measured 0.96, 0.9 % and 0.97 after tuning on this set (before: 0.67, 6.9 % and 0.68).
        #expect(scoring.alerts.recall ?? 0 >= 0.95, "alert recall")
        #expect(scoring.falseAlertRate <= 0.02, "false-alert rate")
        #expect(scoring.macroF1 >= 0.95, "category macro-F1")
    }
}
