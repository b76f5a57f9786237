import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig

/// The alert score (`AlertScore`, docs/model.md): its fit, its place in the decision, its choice.
struct AlertScoreTests {
    static let threat: [ProtocolCategory: Double] = [.threat: 0.99]

    @Test func theFeaturesHaveTheirCount() {
        let features = AlertScore.features(rules: RulesVerdict(found: [.insult]), strength: 0.5, heads: Self.threat)
        #expect(features.count == AlertScore.featureCount)
        #expect(features.last == AlertScore.logit(0.99))  // the surest head
    }

    @Test func solvesALinearSystem() throws {
        let x = try #require(AlertScore.solve([[2, 1, 0], [1, 3, 1], [0, 1, 4]], [3, 5, 5]))
        for (value, expected) in zip(x, [1.0, 1, 1]) { #expect(abs(value - expected) < 1e-9) }
        #expect(AlertScore.solve([[1, 2], [2, 4]], [1, 2]) == nil)
    }

    /// A feature that tells the labels apart gets the weight: the fit is no constant.
    @Test func theFitLearnsWhatSeparates() {
        let positive = AlertScore.features(rules: RulesVerdict(), strength: 0.9, heads: Self.threat)
        let negative = AlertScore.features(rules: RulesVerdict(), strength: 0.1, heads: [:])
        let rows = Array(repeating: positive, count: 20) + Array(repeating: negative, count: 20)
        let labels = Array(repeating: true, count: 20) + Array(repeating: false, count: 20)
        let weights = AlertScore.fit(rows, labels: labels, worth: Array(repeating: 1, count: 40))
        let score = AlertScore(weights: weights, threshold: 0.5)
        #expect(score.probability(rules: RulesVerdict(), strength: 0.9, heads: Self.threat) > 0.9)
        #expect(score.probability(rules: RulesVerdict(), strength: 0.1, heads: [:]) < 0.1)
    }

    /// A score that weighs only the intercept: every post gets the same probability.
    static func constant(_ probability: Double, threshold: Double) -> ModelThresholds {
        var weights = [Double](repeating: 0, count: AlertScore.featureCount)
        weights[0] = log(probability / (1 - probability))
        var thresholds = ModelThresholds(alert: 0.95, review: 0.2, veto: 0.2)
        thresholds.alertScore = AlertScore(weights: weights, threshold: threshold)
        return thresholds
    }

    @Test func theScoreDecidesAPostAimedAtATarget() {
        let below = Self.constant(0.5, threshold: 0.9)
        let above = Self.constant(0.95, threshold: 0.9)
        func tier(_ rules: RulesVerdict, linked: Bool = true, strength: Double = 0.5, _ thresholds: ModelThresholds)
            -> Tier
        {
            ModelDecision.tier(
                mode: .combined, rules: rules, linked: linked, strength: strength, thresholds: thresholds)
        }
        #expect(tier(RulesVerdict(), above) == .alert)
        #expect(tier(RulesVerdict(), below) == .review)  // from the review threshold
        #expect(tier(RulesVerdict(), strength: 0.1, below) == .none)
        #expect(tier(RulesVerdict(), strength: 0.1, above) == .none)  // never under the review threshold
        #expect(tier(RulesVerdict(), linked: false, above) == .none)
        // A rule's alert stands unless the model vouches against it below the veto, whatever the score.
        #expect(tier(RulesVerdict(alert: true), below) == .alert)
        #expect(tier(RulesVerdict(alert: true), strength: 0.1, above) == .review)
        #expect(tier(RulesVerdict(alert: true, critical: true), strength: 0.1, below) == .alert)
        #expect(tier(RulesVerdict(alert: true, brief: true), strength: 0.1, below) == .alert)
        // Abuse the rules read as negated or reported: the score alone does not alarm the MT.
        #expect(tier(RulesVerdict(cleared: true), above) == .review)
        // Without a score, the thresholds decide as before.
        #expect(tier(RulesVerdict(), strength: 0.96, ModelThresholds(alert: 0.95, review: 0.2)) == .alert)
    }

    /// The threshold chosen is the lowest within the false-alert budget, each fold scored by weights
    /// fitted on the others: with 1 false alert in 100 allowed, it alerts the breaches the model is sure
    /// of and not the harmless posts it is as sure of beyond the budget.
    @Test func theThresholdKeepsTheBudget() throws {
        var cases: [(alert: Bool, strength: Double)] = Array(repeating: (true, 0.97), count: 30)
        cases += Array(repeating: (false, 0.05), count: 95)
        cases += Array(repeating: (false, 0.9), count: 5)
        let validation = try Self.crossValidation(cases.map { ($0.alert, $0.strength, true, false) })
        let choice = validation.chooseAlertScore(maxFalseAlertRate: 0.01, veto: 0.2, review: 0.2)
        #expect(choice.falseAlerts <= 1)
        #expect(choice.alerts == 30)
        #expect(choice.score.weights.count == AlertScore.featureCount)
    }

    /// `classification.alert_score` sets the score's threshold; `alert_threshold` or `veto_threshold`
    /// asks for the thresholds on the belief, so the score is left out.
    @Test func theConfigSetsOrLeavesTheScore() throws {
        let shipped = try #require(ShippedModelTests.classifier.model)
        var header = shipped.header
        header.alertScore = AlertScore(weights: Array(repeating: 0, count: AlertScore.featureCount), threshold: 0.9)
        let model = LinearModel(header: header, scales: shipped.scales, bias: shipped.bias, weights: shipped.weights)
        func thresholds(_ set: (inout ClassificationSettings) -> Void) -> ModelThresholds? {
            var config = WorldFixture.config
            config.classification.model = model
            set(&config.classification)
            return Classifier(config: config).thresholds
        }
        #expect(thresholds { _ in }?.alertScore?.threshold == 0.9)
        #expect(thresholds { $0.alertScore = 0.8 }?.alertScore?.threshold == 0.8)
        #expect(thresholds { $0.alertThreshold = 0.9 }?.alertScore == nil)
        #expect(thresholds { $0.vetoThreshold = 0.1 }?.alertScore == nil)
        #expect(thresholds { $0.reviewThreshold = 0.3 }?.alertScore?.threshold == 0.9)
    }

    /// Cross-validation outcomes of posts made up for a test (no model is trained): each case a breach or
    /// not, the model's belief, whether a target is linked, and whether its possible target points at one.
    static func crossValidation(_ cases: [(alert: Bool, strength: Double, linked: Bool, pointsAtOne: Bool)]) throws
        -> CrossValidation
    {
        let posts = try cases.enumerated().map { index, item in
            let line =
                #"{"id": "t-\#(index)", "source": "forum", "author": "@a", "text": "x", "has_media": false, "#
                + #""expect": {"categories": \#(item.alert ? "[\"insult\"]" : "[]"), "alert": \#(item.alert)}}"#
            return try JSONDecoder().decode(LabelledPost.self, from: Data(line.utf8))
        }
        var validation = CrossValidation(
            posts: posts, rules: Classifier(config: WorldFixture.config, mode: .rules), training: ModelTraining(),
            folds: 5)
        validation.outcomes = cases.map {
            CrossValidation.Outcome(
                rules: RulesVerdict(), linked: $0.linked, strength: $0.strength, expectedAlert: $0.alert,
                heads: [.insult: $0.strength], pointsAtOne: $0.pointsAtOne)
        }
        validation.foldOf = cases.indices.map { $0 % 5 }
        return validation
    }
}
