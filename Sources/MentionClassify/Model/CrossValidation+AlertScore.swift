import Foundation

extension CrossValidation {
    /// What the alert score found in cross-validation: each post judged by a score fitted without its
    /// fold (the folds of the model), at the threshold chosen.
    public struct AlertScoreChoice: Sendable {
        public var score: AlertScore
        public var alerts: Int
        public var falseAlerts: Int
        public var threats: Int
        /// The bar chosen for a possible target that points at one (`ModelThresholds.possibleAlert`).
        public var possibleAlert = 1.0
        /// The best choice without that bar (never), for comparing.
        public var withoutPossibleAlert: (alerts: Int, falseAlerts: Int, threats: Int) = (0, 0, 0)
    }

    /// The bars tried for a possible target that points at one: never, then from near-sure down to
    /// more likely than not (below that such a post does not even go to review).
    public static let possibleAlertBars: [Double] = [1, 0.99, 0.98, 0.97, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5]

    /// Fits the alert score on the cross-validated judgements and chooses its threshold: the lowest
    /// (the most alerts) whose false alerts, the rules' own with them, stay within `maxFalseAlertRate`
    /// of the posts without one, each post scored by the weights fitted on the other folds. A threat
    /// weighs `threatWorth` in the fit. The weights written are fitted on every post. The score decides
    /// the posts aimed at a target without a rule's alert (`ModelDecision.scored`); it is fitted on
    /// those. `veto`: below it the model vouches against a rule's alert; `review`: below it no alert.
    public func chooseAlertScore(maxFalseAlertRate: Double, veto: Double, review: Double) -> AlertScoreChoice {
        let rows = outcomes.map { AlertScore.features(rules: $0.rules, strength: $0.strength, heads: $0.heads) }
        let labels = outcomes.map(\.expectedAlert)
        let isThreat = posts.map { $0.expect.alert && $0.expect.categories.contains(ProtocolCategory.threat.rawValue) }
        let worth = isThreat.map { $0 ? Self.threatWorth : 1 }
        let aimed = outcomes.indices.filter { outcomes[$0].linked && !outcomes[$0].rules.alert }
        func fit(_ indices: [Int]) -> [Double] {
            AlertScore.fit(
                indices.map { rows[$0] }, labels: indices.map { labels[$0] }, worth: indices.map { worth[$0] })
        }
        var heldOut = [Double](repeating: 0, count: outcomes.count)
        for fold in Set(foldOf).sorted() {
            let weights = fit(aimed.filter { foldOf[$0] != fold })
            let score = AlertScore(weights: weights, threshold: 1)
            for index in aimed where foldOf[index] == fold {
                heldOut[index] = 1 / (1 + exp(-score.logOdds(rows[index])))
            }
        }
        var thresholds = ModelThresholds(alert: 1, review: review, veto: veto)
        func tier(_ index: Int, _ threshold: Double) -> Tier {
            let outcome = outcomes[index]
            return ModelDecision.scored(
                { heldOut[index] }, threshold: threshold, rules: outcome.rules, linked: outcome.linked,
                strength: outcome.strength, thresholds: thresholds, pointsAtOne: outcome.pointsAtOne)
        }
        let negatives = labels.filter { !$0 }.count
        let budget = Int((maxFalseAlertRate * Double(negatives)).rounded(.down))
        var best = AlertScoreChoice(score: AlertScore(weights: [], threshold: 1), alerts: 0, falseAlerts: 0, threats: 0)
        var withoutPossible = (alerts: 0, falseAlerts: 0, threats: 0)
        func worthOf(_ choice: AlertScoreChoice) -> Double {
            Double(choice.alerts - choice.threats) + Double(choice.threats) * Self.threatWorth
        }
        // The bar for a possible target that points at one (`ModelDecision.alertsAtPossibleTarget`) is
        // chosen with the score's threshold, under the same budget: never (1), or a belief from 0.5 up.
        for possibleAlert in Self.possibleAlertBars {
            thresholds.possibleAlert = possibleAlert
            for step in stride(from: 999, through: 500, by: -1) {
                let threshold = Double(step) / 1000
                var choice = AlertScoreChoice(
                    score: AlertScore(weights: [], threshold: threshold), alerts: 0, falseAlerts: 0, threats: 0,
                    possibleAlert: possibleAlert)
                for index in outcomes.indices where tier(index, threshold) == .alert {
                    if labels[index] {
                        choice.alerts += 1
                        if isThreat[index] { choice.threats += 1 }
                    } else {
                        choice.falseAlerts += 1
                    }
                }
                guard choice.falseAlerts <= budget else { break }
                if possibleAlert == 1 { withoutPossible = (choice.alerts, choice.falseAlerts, choice.threats) }
                if worthOf(choice) > worthOf(best)
                    || (worthOf(choice) == worthOf(best) && choice.falseAlerts < best.falseAlerts)
                {
                    best = choice
                }
            }
        }
        best.withoutPossibleAlert = withoutPossible
        best.score.weights = fit(aimed)
        return best
    }
}
