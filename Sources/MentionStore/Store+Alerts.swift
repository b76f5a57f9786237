import FeedKit
import Foundation
import MentionClassify
import MentionMatch
import MentionRender

extension Store {
    /// Alerts not yet accepted by the spool, oldest first. One that cannot be read back comes as an
    /// `UnreadableAlert` in its place: it must not hold up the others.
    public func pendingAlerts() throws -> [Result<PendingAlert, UnreadableAlert>] {
        let rows = try db.query(Self.alertQuery + " WHERE a.sent_at IS NULL ORDER BY a.item_id")
        return try rows.map { row in
            let itemID = Int64(try row["item_id"].int ?? 0)
            do {
                return .success(try pendingAlert(itemID: itemID, row))
            } catch {
                return .failure(
                    UnreadableAlert(
                        itemID: itemID, feedID: try row["feed_id"].string ?? "", error: "\(error)",
                        lastError: try row["last_error"].string))
            }
        }
    }

    static let alertQuery = """
        SELECT a.item_id, i.feed_id, i.title, i.link, i.author, i.published_at, e.fetched_at, e.text, e.has_media, e.sha256, e.raw, a.track, i.identity, a.last_error,
               r.decided_by, r.decided_at, r.note, ci.case_id, fi.identity AS first_identity, fi.feed_id AS first_feed
        FROM alerts a JOIN items i ON i.id = a.item_id JOIN evidence e ON e.item_id = a.item_id
        LEFT JOIN reviews r ON r.item_id = a.item_id AND r.decision = 'promoted'
        LEFT JOIN case_items ci ON ci.item_id = a.item_id LEFT JOIN items fi ON fi.id = ci.case_id
        """

    /// An alert as it is (or was) mailed, sent or not; nil when the item has none.
    public func alertContent(itemID: Int64) throws -> AlertContent? {
        try db.query(Self.alertQuery + " WHERE a.item_id = ?", [.integer(itemID)]).first.map {
            try pendingAlert(itemID: itemID, $0).content
        }
    }

    private func pendingAlert(itemID: Int64, _ row: Row) throws -> PendingAlert {
        let assessment = Assessment(
            mentions: try mentions(of: itemID), categories: try findings(of: itemID),
            track: try row.decode(ProtocolTrack.self, "track", of: "alert of item \(itemID)"), alert: true)
        // The case's number (its first alert's), so every mail of a case names the same case.
        let caseID = try row["case_id"].int.map(Int64.init) ?? itemID
        var content = try AlertContent(
            caseNumber: caseNumber(itemID: caseID), itemKey: row["identity"].string ?? "",
            feedID: row["feed_id"].string ?? "",
            title: row["title"].string, link: row["link"].string, author: row["author"].string,
            published: row["published_at"].int.map(Date.init(unixSeconds:)),
            fetchedAt: Date(unixSeconds: row["fetched_at"].int ?? 0), text: row["text"].string ?? "",
            hasMedia: row["has_media"].int == 1, assessment: assessment, evidenceSHA256: row["sha256"].string ?? "",
            promotion: try row["decided_by"].string.map { person in
                AlertContent.Promotion(
                    by: person, at: Date(unixSeconds: try row["decided_at"].int ?? 0), note: try row["note"].string)
            })
        content.rawEntry = try row["raw"].bytes ?? []
        if caseID != itemID {
            content.threadStart = AlertContent.ThreadStart(
                feedID: try row["first_feed"].string ?? "", itemKey: try row["first_identity"].string ?? "")
        }
        return PendingAlert(itemID: itemID, content: content)
    }

    /// Called only after the spool accepted the message.
    public func markAlertSent(itemID: Int64, at date: Date) throws {
        try db.query(
            "UPDATE alerts SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE item_id = ?",
            [.integer(date.unixSeconds), .integer(itemID)])
    }

    public func recordAlertFailure(itemID: Int64, error: String) throws {
        try db.query(
            "UPDATE alerts SET attempts = attempts + 1, last_error = ? WHERE item_id = ?",
            [.text(error), .integer(itemID)])
    }

    /// How many alerts went out since `date` (for `alerts.max_per_hour`).
    /// Mails, not posts: the posts of one case sent in one round went out as one mail.
    public func alertsSent(since date: Date) throws -> Int {
        try db.query(
            """
            SELECT count(*) AS sent FROM (
                SELECT DISTINCT coalesce(ci.case_id, a.item_id), a.sent_at
                FROM alerts a LEFT JOIN case_items ci ON ci.item_id = a.item_id WHERE a.sent_at >= ?)
            """, [.integer(date.unixSeconds)]
        ).first?["sent"].int ?? 0
    }

    public func alertCounts() throws -> (sent: Int, pending: Int) {
        let row = try db.query("SELECT count(sent_at) AS sent, count(*) - count(sent_at) AS pending FROM alerts").first
        return (try row?["sent"].int ?? 0, try row?["pending"].int ?? 0)
    }

    /// The names found in a stored item of any feed (a reply's thread, RFC 4685: the parent may sit in
    /// another feed than its comments), by the item's `identity`; none when it was not stored or named nobody.
    public func mentions(ofIdentity identity: String) throws -> [Mention] {
        let rows = try db.query(
            "SELECT id FROM items WHERE identity = ? AND mentioned = 1 ORDER BY id LIMIT 1",
            [.text(SHA256.hex(Array(identity.utf8)))])
        guard let itemID = try rows.first?["id"].int else { return [] }
        return try mentions(of: Int64(itemID))
    }

    func mentions(of itemID: Int64) throws -> [Mention] {
        try db.query(
            "SELECT entity, surface, start, \"end\", rule FROM mentions WHERE item_id = ? ORDER BY start, rowid",
            [.integer(itemID)]
        )
        .map { row in
            try Mention(
                entity: row["entity"].string ?? "", surface: row["surface"].string ?? "", start: row["start"].int ?? 0,
                end: row["end"].int ?? 0, rule: row.decode(MentionRule.self, "rule", of: "mention in item \(itemID)"))
        }
    }

    /// An unknown category or severity is an error, not a finding quietly left out of an alert.
    func findings(of itemID: Int64) throws -> [CategoryFinding] {
        let found = try db.query(
            "SELECT category, severity, evidence, explanation FROM findings WHERE item_id = ?", [.integer(itemID)]
        )
        .map { row in
            let category = try row.decode(ProtocolCategory.self, "category", of: "finding of item \(itemID)")
            let context = "\(category.rawValue) finding of item \(itemID)"
            let (evidence, spans) = try StoredEvidence.read(row["evidence"].string ?? "", of: context)
            return try CategoryFinding(
                category: category, severity: row.decode(Severity.self, "severity", of: context),
                evidence: evidence, spans: spans, explanation: row["explanation"].string ?? "")
        }
        // In the classifier's order (the primary key allows one finding a category).
        return ProtocolCategory.allCases.compactMap { category in found.first { $0.category == category } }
    }
}

extension Store {
    /// The most recent flagged items as posts, newest first, with their highest severity: what the
    /// daemon remembers at start to recognise forwarded copies. The post's id is its link, so an
    /// explanation can point at it.
    public func recentFlaggedPosts(limit: Int) throws -> [(post: Post, severity: Severity)] {
        try db.query(
            """
            SELECT coalesce(i.link, i.identity) AS post_id, i.feed_id, coalesce(i.author, '') AS author, coalesce(i.title, '') AS title,
                   e.text, e.has_media,
                   (SELECT max(CASE f.severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
                      FROM findings f WHERE f.item_id = i.id) AS severity
            FROM items i JOIN evidence e ON e.item_id = i.id
            WHERE i.flagged = 1  -- review items have evidence too, but no alert: forwarding them is none
              -- a false alarm, judged so by a person, never alerts again, not even as a copy forwarded
              AND i.id NOT IN (SELECT ci.item_id FROM case_items ci JOIN cases c ON c.id = ci.case_id
                               WHERE c.state = 'vals alarm')
            ORDER BY i.fetched_at DESC, i.id DESC LIMIT ?
            """, [.integer(Int64(limit))]
        ).map { row in
            let post = try Post(
                id: row["post_id"].string ?? "", author: row["author"].string ?? "", title: row["title"].string ?? "",
                text: row["text"].string ?? "", hasMedia: row["has_media"].int == 1, feedID: row["feed_id"].string ?? ""
            )
            let severity: Severity = [.low, .medium, .high, .critical][
                max(0, min(3, Int(try row["severity"].int ?? 0)))]
            return (post, severity)
        }
    }
}
