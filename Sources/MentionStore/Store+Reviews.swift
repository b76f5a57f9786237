import Foundation
import MentionClassify

/// An item in the review tier ("te beoordelen"), as the digest and `mentionwatch review --list` show it.
public struct ReviewItem: Sendable, Equatable {
    public var itemID: Int64
    public var feedID: String
    public var title: String?
    public var link: String?
    public var author: String?
    public var published: Date?
    public var fetchedAt: Date
    public var text: String
    /// The model's belief that decided the tier, 0...1, and the words that weighed most.
    public var score: Double
    public var words: [String]
    public var entities: [String]
    public var decision: ReviewDecision?

    /// What the digest shows and `mentionwatch review` takes: the case number the item gets when promoted.
    public var id: String { caseNumber(itemID: itemID) }
}

/// Someone's decision on a review item.
public struct ReviewDecision: Sendable, Equatable {
    public enum Verdict: String, Sendable {
        /// An alert after all: it goes through the alert outbox, once.
        case promoted
        case dismissed
    }

    public var verdict: Verdict
    public var by: String
    public var at: Date
    public var note: String?

    public init(_ verdict: Verdict, by: String, at: Date, note: String? = nil) {
        self.verdict = verdict
        self.by = by
        self.at = at
        self.note = note
    }
}

/// Why a decision was refused; the command line exits 65 (bad input data) with the description.
public enum ReviewError: Error, Equatable, CustomStringConvertible {
    case unknownItem(String)
    case alreadyDecided(id: String, ReviewDecision)

    public var description: String {
        switch self {
        case .unknownItem(let id):
            return "no item \(id) to review: see mentionwatch review --list or the digest's \"Te beoordelen\""
        case .alreadyDecided(let id, let decision):
            let verdict = decision.verdict == .promoted ? "promoted to an alert" : "dismissed"
            return "\(id) was already decided by \(decision.by) at \(rfc3339(decision.at)): \(verdict)"
        }
    }
}

private func rfc3339(_ date: Date) -> String {
    ISO8601DateFormatter.string(
        from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: .withInternetDateTime)
}

extension Store {
    /// The review row of a new item in the review tier (inside `insert`'s transaction).
    func insertReview(itemID: Int64, _ assessment: Assessment, at date: Date) throws {
        let score = min(1, max(0, assessment.modelStrength ?? assessment.model?.any ?? 0))
        let words = String(decoding: try JSONEncoder().encode(assessment.model?.words ?? []), as: UTF8.self)
        try db.query(
            "INSERT INTO reviews (item_id, score, words, track, created_at) VALUES (?, ?, ?, ?, ?)",
            [
                .integer(itemID), .real(score), .text(words), .text(Self.promotedTrack(assessment).rawValue),
                .integer(date.unixSeconds),
            ])
    }

    /// The track the alert takes when promoted: the classifier's, or, when only the model spoke (the
    /// classifier gives a review item no track), aimed at the staff named, else at the school.
    static func promotedTrack(_ assessment: Assessment) -> ProtocolTrack {
        if assessment.track != .none { return assessment.track }
        return assessment.mentions.contains { $0.entity != "school" && $0.start < $0.end } ? .b : .a
    }

    static let reviewQuery = """
        SELECT r.item_id, i.feed_id, i.title, i.link, i.author, i.published_at, i.fetched_at, e.text, r.score, r.words,
               r.decision, r.decided_by, r.decided_at, r.note
        FROM reviews r JOIN items i ON i.id = r.item_id JOIN evidence e ON e.item_id = r.item_id
        """

    /// Undecided review items, oldest first; with a range, only those fetched in [from, to) (the digest's period).
    public func openReviews(from: Date? = nil, to: Date? = nil) throws -> [ReviewItem] {
        var sql = Self.reviewQuery + " WHERE r.decision IS NULL"
        var arguments: [SQLValue] = []
        if let from, let to {
            sql += " AND i.fetched_at >= ? AND i.fetched_at < ?"
            arguments = [.integer(from.unixSeconds), .integer(to.unixSeconds)]
        }
        return try db.query(sql + " ORDER BY i.fetched_at, r.item_id", arguments).map(reviewItem)
    }

    /// The review item `id` (a case number such as MW-000042, or the bare number), decided or not.
    public func review(_ id: String) throws -> ReviewItem? {
        guard let itemID = Self.itemID(id) else { return nil }
        return try db.query(Self.reviewQuery + " WHERE r.item_id = ?", [.integer(itemID)]).first.map(reviewItem)
    }

    /// Records a decision, once. Promoting puts the item in the alert outbox (the MT's mail follows in the
    /// daemon's next round); the alerts table's primary key is a second guard against a second alert.
    /// - Throws: `ReviewError` for an unknown item or one decided before.
    @discardableResult
    public func decide(_ id: String, _ decision: ReviewDecision) throws -> ReviewItem {
        try db.transaction {
            guard let item = try review(id) else { throw ReviewError.unknownItem(id) }
            if let earlier = item.decision { throw ReviewError.alreadyDecided(id: item.id, earlier) }
            try db.query(
                """
                UPDATE reviews SET decision = ?, decided_by = ?, decided_at = ?, note = ?
                WHERE item_id = ? AND decision IS NULL
                """,
                [
                    .text(decision.verdict.rawValue), .text(decision.by), .integer(decision.at.unixSeconds),
                    decision.note.map(SQLValue.text) ?? .null, .integer(item.itemID),
                ])
            guard try db.query("SELECT changes() AS changed").first?["changed"].int == 1 else {
                throw StoreError("review \(item.id) changed while it was decided")
            }
            if decision.verdict == .promoted {
                try db.query(
                    "INSERT INTO alerts (item_id, track, created_at) SELECT item_id, track, ? FROM reviews WHERE item_id = ?",
                    [.integer(decision.at.unixSeconds), .integer(item.itemID)])
                try db.query("UPDATE items SET flagged = 1 WHERE id = ?", [.integer(item.itemID)])
                try openCase(
                    itemID: item.itemID, at: decision.at, by: decision.by,
                    note: ["uit 'te beoordelen' als melding gekozen", decision.note].compactMap { $0 }.joined(
                        separator: ": "))
                // The model's findings were kept low ("te beoordelen"); a person has now judged the post a
                // breach, so they weigh as a model alert would (Classifier.modelSeverity) and say who decided.
                try db.query(
                    """
                    UPDATE findings
                    SET severity = CASE WHEN category IN ('threat', 'discrimination') THEN 'high' ELSE 'medium' END,
                        explanation = replace(
                            replace(explanation, '; te beoordelen, geen melding aan het MT', ''),
                            '; welke categorie is onzeker', '') || '; als melding beoordeeld door ' || ?
                    WHERE item_id = ? AND severity = 'low' AND explanation LIKE 'alleen het model%'
                    """, [.text(decision.by), .integer(item.itemID)])
            }
            var decided = item
            decided.decision = decision
            return decided
        }
    }

    /// "MW-000042", "mw-42" or "42".
    static func itemID(_ id: String) -> Int64? {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.uppercased().hasPrefix("MW-") ? String(trimmed.dropFirst(3)) : trimmed
        guard let number = Int64(digits), number > 0 else { return nil }
        return number
    }

    private func reviewItem(_ row: Row) throws -> ReviewItem {
        let itemID = Int64(try row["item_id"].int ?? 0)
        let words: [String]
        do {
            words = try JSONDecoder().decode([String].self, from: Data((try row["words"].string ?? "[]").utf8))
        } catch {
            throw StoreError("review of item \(itemID): words are not a JSON array of strings: \(error)")
        }
        var decision: ReviewDecision?
        if let verdict = try row["decision"].string {
            guard let parsed = ReviewDecision.Verdict(rawValue: verdict) else {
                throw StoreError("review of item \(itemID): unknown decision '\(verdict)'")
            }
            decision = ReviewDecision(
                parsed, by: try row["decided_by"].string ?? "", at: Date(unixSeconds: try row["decided_at"].int ?? 0),
                note: try row["note"].string)
        }
        var entities: [String] = []
        for mention in try mentions(of: itemID) where !entities.contains(mention.entity) {
            entities.append(mention.entity)
        }
        return ReviewItem(
            itemID: itemID, feedID: try row["feed_id"].string ?? "", title: try row["title"].string,
            link: try row["link"].string, author: try row["author"].string,
            published: try row["published_at"].int.map(Date.init(unixSeconds:)),
            fetchedAt: Date(unixSeconds: try row["fetched_at"].int ?? 0), text: try row["text"].string ?? "",
            score: try row["score"].double ?? 0, words: words, entities: entities, decision: decision)
    }
}
