import Foundation
import MentionClassify
import MentionMatch
import MentionRender

extension Store {
    /// Alerts not yet accepted by the spool, oldest first.
    public func pendingAlerts() throws -> [PendingAlert] {
        let rows = try db.query("""
            SELECT a.item_id, i.feed_id, i.title, i.link, i.author, i.published_at, e.fetched_at, e.text, e.has_media, e.sha256, a.track, i.identity
            FROM alerts a JOIN items i ON i.id = a.item_id JOIN evidence e ON e.item_id = a.item_id
            WHERE a.sent_at IS NULL ORDER BY a.item_id
            """)
        return try rows.map { row in
            let itemID = Int64(row[0].int ?? 0)
            let assessment = Assessment(mentions: try mentions(of: itemID), categories: try findings(of: itemID),
                                        track: ProtocolTrack(rawValue: row[10].string ?? "") ?? .none, alert: true)
            let content = AlertContent(caseNumber: caseNumber(itemID: itemID), itemKey: row[11].string ?? "", feedID: row[1].string ?? "", title: row[2].string,
                                       link: row[3].string, author: row[4].string, published: row[5].int.map(Date.init(unixSeconds:)),
                                       fetchedAt: Date(unixSeconds: row[6].int ?? 0), text: row[7].string ?? "",
                                       hasMedia: row[8].int == 1, assessment: assessment, evidenceSHA256: row[9].string ?? "")
            return PendingAlert(itemID: itemID, content: content)
        }
    }

    /// Called only after the spool accepted the message.
    public func markAlertSent(itemID: Int64, at date: Date) throws {
        try db.query("UPDATE alerts SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE item_id = ?",
                     [.integer(date.unixSeconds), .integer(itemID)])
    }

    public func recordAlertFailure(itemID: Int64, error: String) throws {
        try db.query("UPDATE alerts SET attempts = attempts + 1, last_error = ? WHERE item_id = ?", [.text(error), .integer(itemID)])
    }

    /// How many alerts went out since `date` (for `alerts.max_per_hour`).
    public func alertsSent(since date: Date) throws -> Int {
        try db.query("SELECT count(*) FROM alerts WHERE sent_at >= ?", [.integer(date.unixSeconds)]).first?.first?.int ?? 0
    }

    public func alertCounts() throws -> (sent: Int, pending: Int) {
        let row = try db.query("SELECT count(sent_at), count(*) - count(sent_at) FROM alerts").first
        return (row?[0].int ?? 0, row?[1].int ?? 0)
    }

    func mentions(of itemID: Int64) throws -> [Mention] {
        try db.query("SELECT entity, surface, start, \"end\", rule FROM mentions WHERE item_id = ? ORDER BY start, rowid", [.integer(itemID)])
            .map { Mention(entity: $0[0].string ?? "", surface: $0[1].string ?? "", start: $0[2].int ?? 0, end: $0[3].int ?? 0,
                           rule: MentionRule(rawValue: $0[4].string ?? "") ?? .name) }
    }

    func findings(of itemID: Int64) throws -> [CategoryFinding] {
        let found = try db.query("SELECT category, severity, evidence, explanation FROM findings WHERE item_id = ?", [.integer(itemID)])
            .compactMap { row -> CategoryFinding? in
                guard let category = ProtocolCategory(rawValue: row[0].string ?? ""), let severity = Severity(rawValue: row[1].string ?? "") else { return nil }
                return CategoryFinding(category: category, severity: severity, evidence: (row[2].string ?? "").split(separator: "\n").map(String.init),
                                       explanation: row[3].string ?? "")
            }
        return ProtocolCategory.allCases.compactMap { category in found.first { $0.category == category } }
    }
}

extension Store {
    /// The most recent flagged items as posts, newest first, with their highest severity: what the
    /// daemon remembers at start to recognise forwarded copies. The post's id is its link, so an
    /// explanation can point at it.
    public func recentFlaggedPosts(limit: Int) throws -> [(post: Post, severity: Severity)] {
        try db.query("""
            SELECT coalesce(i.link, i.identity), i.feed_id, coalesce(i.author, ''), coalesce(i.title, ''), e.text, e.has_media,
                   (SELECT max(CASE f.severity WHEN 'critical' THEN 3 WHEN 'high' THEN 2 WHEN 'medium' THEN 1 ELSE 0 END)
                      FROM findings f WHERE f.item_id = i.id)
            FROM items i JOIN evidence e ON e.item_id = i.id
            ORDER BY i.fetched_at DESC, i.id DESC LIMIT ?
            """, [.integer(Int64(limit))]).map { row in
            let post = Post(id: row[0].string ?? "", author: row[2].string ?? "", title: row[3].string ?? "", text: row[4].string ?? "",
                            hasMedia: row[5].int == 1, feedID: row[1].string ?? "")
            let severity: Severity = [.low, .medium, .high, .critical][max(0, min(3, Int(row[6].int ?? 0)))]
            return (post, severity)
        }
    }
}
