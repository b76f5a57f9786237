import FeedKit
import Foundation
import MentionRender
import TestSupport
import Testing

@testable import MentionStore

@Suite("Store: outbox, schema constraints, digest and retention")
struct OutboxTests {
    // MARK: - The outbox

    @Test func pendingAlertsCarryEverythingTheAlertMailNeeds() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item(
            "post-1", title: "Juf Marieke", text: "Juf Marieke is een trut en een sukkel, ik maak je af.", media: true)
        let id = try #require(try store.insert(Fixture.new(item, Fixture.flagged)))
        try store.insert(Fixture.new(Fixture.item("open-dag", title: "Open dag", text: "De Zeehoek"), Fixture.neutral))

        let pending = try store.pendingAlerts().map { try $0.get() }
        try #require(pending.count == 1)
        let content = pending[0].content
        #expect(pending[0].itemID == id)
        #expect(content.caseNumber == caseNumber(itemID: id))
        #expect(content.caseNumber == "MW-" + String(repeating: "0", count: 6 - String(id).count) + String(id))
        #expect(content.feedID == "westerveens-dagblad")
        #expect(content.title == "Juf Marieke")
        #expect(content.link == "https://westerveensdagblad.example/post-1")
        #expect(content.author == "Westerveens Dagblad")
        #expect(content.published == item.published)
        #expect(content.fetchedAt == Fixture.day)
        #expect(content.text == item.text)
        #expect(content.hasMedia)
        #expect(content.evidenceSHA256 == SHA256.hex(item.raw))
        // Mentions come back in text order; findings with their severity and the words that triggered them.
        #expect(content.assessment.mentions.map(\.surface) == ["De Zeehoek", "juf Marieke", "Verbeek"])
        #expect(content.assessment.mentions.map(\.rule) == [.alias, .honorific, .surname])
        #expect(content.assessment.mentions[1] == Fixture.mention("staff-01", "juf Marieke", at: 12, rule: .honorific))
        #expect(content.assessment.categories == Fixture.flagged.categories)
        #expect(content.assessment.track == .b)
        #expect(content.assessment.alert)
        #expect(content.assessment.severity == .high)
    }

    @Test func sentAlertsLeaveTheOutboxFailedOnesStay() throws {
        let (store, _) = try Fixture.store()
        let first = try #require(
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        let second = try #require(
            try store.insert(Fixture.new(Fixture.item("p2", title: "b", text: "sukkel"), Fixture.flagged)))
        // Oldest first, so a backlog is worked off in order.
        #expect(try store.pendingAlerts().map { try $0.get().itemID } == [first, second])

        // The spool refused: the alert stays pending, with the attempt and the reason recorded.
        try store.recordAlertFailure(itemID: first, error: "sendmail failed with status 75")
        #expect(try store.pendingAlerts().map { try $0.get().itemID } == [first, second])
        #expect(
            try store.row("SELECT attempts, last_error, sent_at FROM alerts WHERE item_id = ?", [.integer(first)])
                == [.integer(1), .text("sendmail failed with status 75"), .null])

        try store.markAlertSent(itemID: first, at: Fixture.day.addingTimeInterval(30))
        #expect(try store.pendingAlerts().map { try $0.get().itemID } == [second])
        #expect(
            try store.row("SELECT attempts, last_error, sent_at FROM alerts WHERE item_id = ?", [.integer(first)])
                == [.integer(2), .null, .integer(Int64(Fixture.day.timeIntervalSince1970) + 30)])
        let counts = try store.alertCounts()
        #expect(counts.sent == 1 && counts.pending == 1)
    }

    // MARK: - Constraints in the schema

    /// Statements that are valid SQL but break a rule of the schema; each must be refused by SQLite itself.
    static let forbidden: [(String, String)] = [
        (
            "a severity outside the scale",
            "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (ITEM, 'stalking', 'extreme', '[]', '')"
        ),
        (
            "evidence that is not JSON",
            "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (ITEM, 'stalking', 'low', 'trut', '')"
        ),
        (
            "evidence that is no JSON array",
            "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (ITEM, 'stalking', 'low', '{\"text\": \"trut\"}', '')"
        ),
        ("a feed with an empty id", "INSERT INTO feeds (id, url) VALUES ('', 'https://example.org/rss')"),
        ("a negative failure count", "UPDATE feeds SET failures = -1"),
        (
            "an identity that is no SHA-256",
            "INSERT INTO items (feed_id, identity, fetched_at) VALUES ('westerveens-dagblad', 'short', 0)"
        ),
        ("an unknown protocol track", "UPDATE alerts SET track = 'C' WHERE item_id = ITEM"),
        (
            "a mention ending before it starts",
            "INSERT INTO mentions (item_id, entity, surface, start, \"end\", rule) VALUES (ITEM, 'school', 'x', 5, 2, 'name')"
        ),
    ]

    @Test(arguments: forbidden.indices)
    func schemaRefusesInvalidRows(_ index: Int) throws {
        let (label, template) = Self.forbidden[index]
        let (store, _) = try Fixture.store()
        // A real flagged item, so foreign keys hold and only the CHECK can fail.
        let id = try #require(
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        let sql = template.replacingOccurrences(of: "ITEM", with: String(id))
        let error = #expect(throws: SQLiteError.self, "\(label)") { try store.db.query(sql) }
        #expect(error?.message.contains("CHECK constraint failed") == true, "\(label): \(String(describing: error))")
    }

    @Test func theSameRowsWithValidValuesAreAccepted() throws {
        // Control for the test above: the statements fail because of the values, not the SQL.
        let (store, _) = try Fixture.store()
        let id = try #require(
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        try store.db.query(
            "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (?, 'stalking', 'critical', '[]', '')",
            [.integer(id)])
        try store.db.query(
            "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (?, 'discrimination', 'low', '[{\"text\": \"trut\"}]', '')",
            [.integer(id)])
        try store.db.query("INSERT INTO feeds (id, url) VALUES ('x', 'https://example.org/rss')")
        try store.db.query("UPDATE alerts SET track = 'staff' WHERE item_id = ?", [.integer(id)])
        #expect(try store.count("findings", itemID: id) == 4)
    }

    // MARK: - Digest and retention

    @Test func digestInputCountsPerFeedAndListsMentionedItemsOfTheDay() throws {
        let (store, _) = try Fixture.store()
        let from = Fixture.day
        let to = Fixture.day.addingTimeInterval(86_400)
        let neutral = try #require(
            try store.insert(Fixture.new(Fixture.item("n1", title: "Open dag", text: "De Zeehoek"), Fixture.neutral)))
        try store.insert(
            Fixture.new(
                Fixture.item("w1", title: "Het weer", text: "Regen"), Fixture.nothing, at: from.addingTimeInterval(60)))
        let flagged = try #require(
            try store.insert(
                Fixture.new(
                    Fixture.item("f1", title: "Juf Marieke", text: "trut"), Fixture.flagged,
                    feed: "mastodon-prozeehoek", at: to.addingTimeInterval(-1))))
        // Outside [from, to): the day before, and exactly at `to`.
        try store.insert(
            Fixture.new(
                Fixture.item("old", title: "Oud", text: "De Zeehoek"), Fixture.neutral, at: from.addingTimeInterval(-1))
        )
        try store.insert(
            Fixture.new(Fixture.item("next", title: "Morgen", text: "De Zeehoek"), Fixture.neutral, at: to))
        try store.record(
            feedID: "mastodon-prozeehoek", PollRecord(.failed("HTTP 429"), at: to, status: 429, nextPoll: to))

        let digest = try store.digestInput(day: "2026-05-28", from: from, to: to)
        #expect(digest.day == "2026-05-28")
        // Flagged first; unflagged without a case number; entities once each, in text order.
        #expect(digest.entries.map(\.title) == ["Juf Marieke", "Open dag"])
        #expect(digest.entries.map(\.flagged) == [true, false])
        #expect(digest.entries.map(\.caseNumber) == [caseNumber(itemID: flagged), nil])
        #expect(digest.entries[0].entities == ["school", "staff-01"])
        #expect(digest.entries[0].categories.map(\.category) == [.insult, .threat])
        #expect(digest.entries[1].feedID == "westerveens-dagblad")
        #expect(digest.entries[1].link == "https://westerveensdagblad.example/n1")
        #expect(neutral != flagged)

        let feeds = Dictionary(uniqueKeysWithValues: digest.feeds.map { ($0.feedID, $0) })
        #expect(
            feeds["westerveens-dagblad"]
                == DigestInput.FeedLine(
                    feedID: "westerveens-dagblad", items: 2, mentions: 1, flagged: 0, lastError: nil))
        #expect(
            feeds["mastodon-prozeehoek"]
                == DigestInput.FeedLine(
                    feedID: "mastodon-prozeehoek", items: 1, mentions: 1, flagged: 1, lastError: "HTTP 429"))
    }

    @Test func purgeForgetsOldUnflaggedTextButKeepsFlaggedItemsAndEveryIdentity() throws {
        let (store, _) = try Fixture.store()
        let old = Fixture.day
        let cutoff = Fixture.day.addingTimeInterval(30 * 86_400)
        let oldNeutral = Fixture.item("n-old", title: "Open dag", text: "De Zeehoek")
        let oldID = try #require(try store.insert(Fixture.new(oldNeutral, Fixture.neutral, at: old)))
        let flaggedID = try #require(
            try store.insert(
                Fixture.new(Fixture.item("f-old", title: "Juf Marieke", text: "trut"), Fixture.flagged, at: old)))
        let recentID = try #require(
            try store.insert(
                Fixture.new(
                    Fixture.item("n-new", title: "Sportdag", text: "De Zeehoek"),
                    Fixture.neutral, at: cutoff)))

        #expect(try store.purgeUnflagged(before: cutoff) == 1)

        #expect(
            try store.row("SELECT title, link, author, mentioned FROM items WHERE id = ?", [.integer(oldID)])
                == [.null, .null, .null, .integer(0)])
        #expect(try store.count("mentions", itemID: oldID) == 0)
        // The identity stays: the purged item is never processed (or alerted) again.
        #expect(try store.contains(feedID: "westerveens-dagblad", item: oldNeutral))
        #expect(try store.insert(Fixture.new(oldNeutral, Fixture.neutral, at: cutoff)) == nil)
        // Flagged evidence and the item at the cutoff itself are untouched.
        #expect(
            try store.row("SELECT title, mentioned FROM items WHERE id = ?", [.integer(flaggedID)]) == [
                .text("Juf Marieke"), .integer(1),
            ])
        #expect(try store.count("mentions", itemID: flaggedID) == 3)
        #expect(try store.count("evidence", itemID: flaggedID) == 1)
        #expect(try store.row("SELECT title FROM items WHERE id = ?", [.integer(recentID)])?.first == .text("Sportdag"))
        // Purging again finds nothing more.
        #expect(try store.purgeUnflagged(before: cutoff) == 0)
    }
}
