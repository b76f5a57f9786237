import Foundation

/// The alert score (docs/model.md, "The alert score"): a second, small logistic regression that
/// weighs what the rules concluded and what the model believes together, fitted on the training
/// corpus's cross-validated judgements. The hand-set rules of the decision (an alert threshold on
/// "any", a lower one for likely threats, a bar per category, a veto) each look at one belief;
/// this looks at all of them at once: how sure the surest category head is, which categories the
/// rules found or read as harmless. A post aimed at a target without a rule's alert alerts when its
/// score reaches `threshold`, chosen for the same false-alert rate as the others.
public struct AlertScore: Codable, Sendable, Equatable {
    /// One weight per feature (`features`), the first the intercept.
    public var weights: [Double]
    /// The probability from which a post aimed at a target alerts.
    public var threshold: Double

    public init(weights: [Double], threshold: Double) {
        self.weights = weights
        self.threshold = threshold
    }

    /// The number of features: intercept, "any", cleared, a head each, the rules' categories found and
    /// counted, the surest head. Not the rules' alert, critical or brief: the score decides only posts
    /// without a rule's alert (`ModelDecision.scored`), where those are always false.
    public static let featureCount = 3 + 3 * ProtocolCategory.allCases.count + 1

    /// A belief as log-odds, held within 10⁻⁴ of 0 and 1 so that one head's certainty cannot outweigh
    /// the rest (the cross-validated beliefs it was fitted on are written with four decimals).
    static func logit(_ probability: Double) -> Double {
        let p = min(max(probability, 1e-4), 1 - 1e-4)
        return log(p / (1 - p))
    }

    /// What the score reads of a post. The surest head matters most: in cross-validation on 26,625
    /// posts (rule alerts decided as before), the score without it found 7,041 breaches at 218 false
    /// alerts, fewer than the thresholds (7,360); with it 7,642 (docs/model.md, "The alert score").
    public static func features(rules: RulesVerdict, strength: Double, heads: [ProtocolCategory: Double]) -> [Double] {
        let flag = { (value: Bool) in value ? 1.0 : 0.0 }
        var out = [1, logit(strength), flag(rules.cleared)]
        let headLogits = ProtocolCategory.allCases.map { logit(heads[$0] ?? 0) }
        out += headLogits
        out += ProtocolCategory.allCases.map { flag(rules.found.contains($0)) }
        out += ProtocolCategory.allCases.map { flag(rules.counted.contains($0)) }
        out.append(headLogits.max() ?? 0)
        return out
    }

    /// The score as log-odds.
    public func logOdds(_ features: [Double]) -> Double {
        zip(weights, features).reduce(0) { $0 + $1.0 * $1.1 }
    }

    public func probability(rules: RulesVerdict, strength: Double, heads: [ProtocolCategory: Double]) -> Double {
        1 / (1 + exp(-logOdds(Self.features(rules: rules, strength: strength, heads: heads))))
    }

    /// Logistic regression by Newton's method with an L2 penalty (`l2`, not on the intercept), each
    /// example weighed (`worth`: a threat counts more). Few features, so each step solves the
    /// features × features system directly.
    public static func fit(_ rows: [[Double]], labels: [Bool], worth: [Double], l2: Double = 0.01, steps: Int = 25)
        -> [Double]
    {
        let count = rows.first?.count ?? featureCount
        var weights = [Double](repeating: 0, count: count)
        for _ in 0..<steps {
            var gradient = [Double](repeating: 0, count: count)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
            for (index, row) in rows.enumerated() {
                let z = max(-30, min(30, zip(weights, row).reduce(0) { $0 + $1.0 * $1.1 }))
                let p = 1 / (1 + exp(-z))
                let residual = worth[index] * (p - (labels[index] ? 1 : 0))
                let curvature = worth[index] * p * (1 - p)
                for a in 0..<count where row[a] != 0 {
                    gradient[a] += residual * row[a]
                    for b in a..<count where row[b] != 0 { hessian[a][b] += curvature * row[a] * row[b] }
                }
            }
            for a in 0..<count {
                for b in 0..<a { hessian[a][b] = hessian[b][a] }
                let penalty = a == 0 ? 1e-6 : l2
                gradient[a] += penalty * weights[a]
                hessian[a][a] += penalty
            }
            guard let step = solve(hessian, gradient) else { break }
            for a in 0..<count { weights[a] -= step[a] }
            if step.map(abs).max() ?? 0 < 1e-9 { break }
        }
        return weights
    }

    /// Solves `matrix · x = vector` by Gaussian elimination with partial pivoting; nil when singular.
    static func solve(_ matrix: [[Double]], _ vector: [Double]) -> [Double]? {
        var a = matrix
        var b = vector
        let n = b.count
        for column in 0..<n {
            guard let pivot = (column..<n).max(by: { abs(a[$0][column]) < abs(a[$1][column]) }),
                abs(a[pivot][column]) > 1e-12
            else { return nil }
            a.swapAt(column, pivot)
            b.swapAt(column, pivot)
            for row in (column + 1)..<n where a[row][column] != 0 {
                let factor = a[row][column] / a[column][column]
                for k in column..<n { a[row][k] -= factor * a[column][k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            let rest = ((row + 1)..<n).reduce(0) { $0 + a[row][$1] * x[$1] }
            x[row] = (b[row] - rest) / a[row][row]
        }
        return x
    }
}
