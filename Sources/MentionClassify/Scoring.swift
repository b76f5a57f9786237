import Foundation
import MentionMatch

/// Scores assessments against labelled posts (the format of `../shared/data/posts-dev.jsonl`):
/// precision and recall per category, for the alert decision, and the false-alert rate.
/// Design §7: a category reported with severity low is not counted as found.
public struct Scoring: Sendable {
    public struct Counts: Sendable, Equatable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double? { ratio(truePositives, truePositives + falsePositives) }
        public var recall: Double? { ratio(truePositives, truePositives + falseNegatives) }
        public var f1: Double? {
            guard let p = precision, let r = recall else {
                return truePositives + falsePositives + falseNegatives == 0 ? nil : 0
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        private func ratio(_ a: Int, _ b: Int) -> Double? { b == 0 ? nil : Double(a) / Double(b) }

        mutating func add(found: Bool, expected: Bool) {
            switch (found, expected) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, true): falseNegatives += 1
            case (false, false): break
            }
        }
    }

    public private(set) var categories: [ProtocolCategory: Counts] = [:]
    public private(set) var alerts = Counts()
    /// The alert decision counted as found when the post went to the MT or to review ("te beoordelen").
    public private(set) var alertsOrReview = Counts()
    /// Posts that went to review, and how many of them are labelled with no alert.
    public private(set) var reviews = 0
    public private(set) var reviewsWithoutAlert = 0
    public private(set) var posts = 0
    public private(set) var postsWithoutAlert = 0
    /// Posts whose categories (severity above low) and alert decision are both exactly as labelled.
    public private(set) var exactlyRight = 0
    /// Ids of posts judged differently from their label, for a closer look.
    public private(set) var misses: [String] = []

    public init() {}

    public mutating func add(id: String, _ assessment: Assessment, expectedCategories: Set<String>, expectedAlert: Bool)
    {
        posts += 1
        if !expectedAlert { postsWithoutAlert += 1 }
        let found = Set(assessment.categories.filter { $0.severity > .low }.map(\.category.rawValue))
        for category in ProtocolCategory.allCases {
            categories[category, default: Counts()].add(
                found: found.contains(category.rawValue), expected: expectedCategories.contains(category.rawValue))
        }
        alerts.add(found: assessment.alert, expected: expectedAlert)
        alertsOrReview.add(found: assessment.tier != .none, expected: expectedAlert)
        if assessment.tier == .review {
            reviews += 1
            if !expectedAlert { reviewsWithoutAlert += 1 }
        }
        if found == expectedCategories && assessment.alert == expectedAlert {
            exactlyRight += 1
        } else {
            misses.append(id)
        }
    }

    /// False alerts among the posts labelled with no alert.
    public var falseAlertRate: Double {
        postsWithoutAlert == 0 ? 0 : Double(alerts.falsePositives) / Double(postsWithoutAlert)
    }

    /// The mean F1 over the categories that are labelled or found at least once.
    public var macroF1: Double {
        let scores = categories.values.compactMap(\.f1)
        return scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
    }

    /// The printed report: a table per category, then the alert figures.
    public func report(title: String) -> String {
        func show(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "  - " }
        var lines = ["\(title): \(posts) posts", "category                 precision  recall    F1   (tp  fp  fn)"]
        for category in ProtocolCategory.allCases {
            let counts = categories[category] ?? Counts()
            let name = category.rawValue.padding(toLength: 24, withPad: " ", startingAt: 0)
            lines.append(
                "\(name)    \(show(counts.precision))     \(show(counts.recall))   \(show(counts.f1))  (\(counts.truePositives)  \(counts.falsePositives)  \(counts.falseNegatives))"
            )
        }
        lines.append(String(format: "category macro-F1 %.2f", macroF1))
        lines.append(
            "alert precision \(show(alerts.precision))  recall \(show(alerts.recall))  false-alert rate "
                + String(format: "%.1f %%", 100 * falseAlertRate)
                + " (\(alerts.falsePositives) of \(postsWithoutAlert) posts without alert)")
        if reviews > 0 || alertsOrReview != alerts {
            lines.append(
                "alert-or-review recall \(show(alertsOrReview.recall)); to review: \(reviews) posts, "
                    + "\(reviewsWithoutAlert) of them labelled without alert")
        }
        lines.append("exactly right: \(exactlyRight) of \(posts) posts")
        return lines.joined(separator: "\n")
    }
}

/// One labelled post: a `mentionwatch match` input line with an `expect` object (posts-dev.jsonl).
public struct LabelledPost: Decodable, Sendable {
    public struct Expect: Decodable, Sendable {
        public var mentions: [String]?
        public var categories: [String]
        public var alert: Bool
    }

    /// The post's fields, as `mentionwatch match` reads them.
    public var line: MatchInputLine
    public var expect: Expect

    private enum CodingKeys: String, CodingKey { case expect }

    public init(from decoder: any Decoder) throws {
        line = try MatchInputLine(from: decoder)
        expect = try decoder.container(keyedBy: CodingKeys.self).decode(Expect.self, forKey: .expect)
    }

    public var id: String { line.id }
    public var post: Post { line.post }

    /// Scores a whole labelled set in order (earlier flagged posts are remembered for `forwarding`).
    public static func score(
        _ posts: [LabelledPost], with classifier: Classifier, onMiss: (LabelledPost, Assessment) -> Void = { _, _ in }
    ) -> Scoring {
        var scoring = Scoring()
        var forwarding = ForwardingMemory()
        for labelled in posts {
            let assessment = classifier.assess(labelled.post, forwarding: forwarding)
            classifier.remember(labelled.post, assessment, in: &forwarding)
            scoring.add(
                id: labelled.id, assessment, expectedCategories: Set(labelled.expect.categories),
                expectedAlert: labelled.expect.alert)
            if scoring.misses.last == labelled.id { onMiss(labelled, assessment) }
        }
        return scoring
    }
}
