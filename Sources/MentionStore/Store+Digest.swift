import Foundation
import MentionRender
import MentionSchedule

extension Store {
    /// The digest's content for items fetched in [from, to).
    public func digestInput(day: String, from: Date, to: Date) throws -> DigestInput {
        let range: [SQLValue] = [.integer(from.unixSeconds), .integer(to.unixSeconds)]
        let entries = try db.query(
            """
            SELECT id, feed_id, title, link, flagged,
                   EXISTS (SELECT 1 FROM reviews r WHERE r.item_id = items.id AND r.decision IS NULL) AS awaiting,
                   EXISTS (SELECT 1 FROM alerts a WHERE a.item_id = items.id AND a.sent_at IS NOT NULL) AS delivered
            FROM items WHERE mentioned = 1 AND fetched_at >= ? AND fetched_at < ? ORDER BY flagged DESC, id
            """, range
        ).map { row in
            let itemID = Int64(try row["id"].int ?? 0)
            let flagged = try row["flagged"].int == 1
            var entry = try DigestInput.Entry(
                feedID: row["feed_id"].string ?? "", title: row["title"].string, link: row["link"].string,
                entities: [], categories: [], flagged: flagged, caseNumber: flagged ? caseNumber(itemID: itemID) : nil)
            entry.awaitingReview = try row["awaiting"].int == 1
            entry.delivered = try row["delivered"].int == 1
            // One unreadable item must not cost the coordinator the whole digest: it is listed with the problem.
            do {
                for mention in try mentions(of: itemID) where !entry.entities.contains(mention.entity) {
                    entry.entities.append(mention.entity)
                }
                entry.categories = try findings(of: itemID)
            } catch {
                entry.unreadable = "\(error)"
            }
            return entry
        }
        let feeds = try db.query(
            """
            SELECT f.id, count(i.id) AS items, coalesce(sum(i.mentioned), 0) AS mentions, coalesce(sum(i.flagged), 0) AS flagged, f.last_error
            FROM feeds f LEFT JOIN items i ON i.feed_id = f.id AND i.fetched_at >= ? AND i.fetched_at < ?
            GROUP BY f.id ORDER BY f.id
            """, range
        ).map { row in
            let feedID = try row["id"].string ?? ""
            let arrivals = try newItemTimes(feedID: feedID).filter { $0 < to }
            let silent = FeedSilence.isSilent(newItemTimes: arrivals, now: to)
            return try DigestInput.FeedLine(
                feedID: feedID, items: row["items"].int ?? 0, mentions: row["mentions"].int ?? 0,
                flagged: row["flagged"].int ?? 0, lastError: row["last_error"].string,
                silentSince: silent ? arrivals.max() : nil)
        }
        let reviews = try openReviews(from: from, to: to).map { item in
            DigestInput.Review(
                id: item.id, feedID: item.feedID, author: item.author, time: item.published ?? item.fetchedAt,
                title: item.title, text: item.text, link: item.link, entities: item.entities, score: item.score,
                words: item.words)
        }
        let openCases = try cases(openOnly: true).map { open in
            DigestInput.OpenCase(
                number: open.number, state: open.state.rawValue, takenBy: open.takenBy, openedAt: open.createdAt,
                entities: open.entities, title: open.title)
        }
        let undelivered = try db.query(
            """
            SELECT a.item_id, i.title, a.created_at, a.attempts, a.last_error
            FROM alerts a JOIN items i ON i.id = a.item_id WHERE a.sent_at IS NULL ORDER BY a.item_id
            """
        ).map { row in
            DigestInput.Undelivered(
                number: caseNumber(itemID: Int64(try row["item_id"].int ?? 0)), title: try row["title"].string,
                since: Date(unixSeconds: try row["created_at"].int ?? 0), attempts: try row["attempts"].int ?? 0,
                lastError: try row["last_error"].string)
        }
        return DigestInput(
            day: day, entries: entries, feeds: feeds, reviews: reviews, openCases: openCases,
            undelivered: undelivered, now: to)
    }

    /// The chart's counts: posts fetched on each day that named someone, and how many of those were flagged.
    /// Retention forgets unflagged mentions after `retention.unflagged`; older days then count only alerts.
    public func dayCounts(_ days: [(day: String, from: Date, to: Date)]) throws -> [DigestInput.DayCount] {
        try days.map { day in
            let row = try db.query(
                """
                SELECT count(*) AS mentions, coalesce(sum(flagged), 0) AS alerts
                FROM items WHERE mentioned = 1 AND fetched_at >= ? AND fetched_at < ?
                """, [.integer(day.from.unixSeconds), .integer(day.to.unixSeconds)]
            ).first
            return DigestInput.DayCount(
                day: day.day, mentions: try row?["mentions"].int ?? 0, alerts: try row?["alerts"].int ?? 0)
        }
    }

    /// Retention (docs/operations.md): unflagged mentions lose their text and mentions after `before`;
    /// the identity row stays so the item is never processed again. A review item waits for its decision
    /// (keeping its evidence until then); a dismissed one goes as an unflagged mention, evidence and all.
    @discardableResult
    public func purgeUnflagged(before: Date) throws -> Int {
        try db.transaction {
            let cutoff: [SQLValue] = [.integer(before.unixSeconds)]
            let expired = """
                SELECT id FROM items WHERE flagged = 0 AND mentioned = 1 AND fetched_at < ?
                    AND id NOT IN (SELECT item_id FROM reviews WHERE decision IS NULL)
                """
            try db.query("DELETE FROM mentions WHERE item_id IN (\(expired))", cutoff)
            try db.query("DELETE FROM findings WHERE item_id IN (\(expired))", cutoff)
            try db.query("DELETE FROM evidence WHERE item_id IN (\(expired))", cutoff)
            try forgetUnusedDocuments()
            try db.query(
                "UPDATE items SET title = NULL, link = NULL, author = NULL, mentioned = 0 WHERE id IN (\(expired))",
                cutoff)
            return try db.query("SELECT changes() AS changed").first?["changed"].int ?? 0
        }
    }
}

extension Store {
    public func isDigestSent(day: String) throws -> Bool {
        try !db.query("SELECT 1 FROM digests WHERE day = ?", [.text(day)]).isEmpty
    }

    /// Called only after the spool accepted the digest.
    public func markDigestSent(day: String, at date: Date) throws {
        try db.query(
            "INSERT INTO digests (day, sent_at) VALUES (?, ?) ON CONFLICT (day) DO NOTHING",
            [.text(day), .integer(date.unixSeconds)])
    }
}
