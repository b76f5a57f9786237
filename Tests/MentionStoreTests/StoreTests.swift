import FeedKit
import Foundation
import MentionClassify
import TestSupport
import Testing

@testable import MentionStore

@Suite("Store: database file, feeds and items")
struct StoreTests {
    // MARK: - The database file

    @Test func newDatabaseHasCurrentSchemaWALAndOwnerOnlyMode() throws {
        let folder = Paths.temporaryFolder("store")
        let path = folder + "/nested/state/mentionwatch.sqlite"
        let store = try Store(path: path)

        #expect(try store.schemaVersion == Migrations.all.count)
        #expect(try store.row("PRAGMA journal_mode")?.first?.string == "wal")
        #expect(try store.row("PRAGMA foreign_keys")?.first?.int == 1)
        // The database holds evidence about pupils and staff: owner only (docs/operations.md).
        #expect(fileMode(path) == 0o600)
        #expect(fileMode(folder + "/nested/state") == 0o700)

        // A write creates the WAL file, which must not be more readable than the database.
        try store.register(try Fixture.config(folder: folder).feeds)
        #expect(FileManager.default.fileExists(atPath: path + "-wal"))
        #expect(fileMode(path + "-wal") == 0o600)
    }

    @Test func reopeningKeepsDataAndDoesNotRerunMigrations() throws {
        let folder = Paths.temporaryFolder("store")
        let path = folder + "/mentionwatch.sqlite"
        let itemID: Int64
        do {
            let store = try Store(path: path)
            try store.register(try Fixture.config(folder: folder).feeds)
            try store.record(
                feedID: "westerveens-dagblad",
                PollRecord(
                    .fetched(etag: "\"e1\"", lastModified: nil, newItems: 0),
                    at: Fixture.day, status: 200, nextPoll: Fixture.day))
            itemID = try #require(
                try store.insert(
                    Fixture.new(Fixture.item("a1", title: "Open dag", text: "De Zeehoek opent"), Fixture.neutral)))
        }
        // Re-running migration 1 would fail on CREATE TABLE feeds; reopening must simply work.
        let reopened = try Store(path: path)
        #expect(try reopened.schemaVersion == Migrations.all.count)
        #expect(try reopened.feed("westerveens-dagblad")?.etag == "\"e1\"")
        #expect(try reopened.allFeeds().count == 2)
        #expect(try reopened.contains(feedID: "westerveens-dagblad", item: Fixture.item("a1", title: "", text: "")))
        #expect(
            try reopened.row("SELECT title FROM items WHERE id = ?", [.integer(itemID)])?.first?.string == "Open dag")
    }

    @Test func databaseFromANewerVersionIsRefused() throws {
        let folder = Paths.temporaryFolder("store")
        let path = folder + "/mentionwatch.sqlite"
        do {
            let store = try Store(path: path)
            try store.db.execute("PRAGMA user_version = \(Migrations.all.count + 1)")
        }
        // An older mentionwatch must not write into a schema it does not know.
        #expect(throws: SQLiteError.self) { try Store(path: path) }
    }

    // MARK: - Feeds

    @Test func feedValidatorsAndHealth() throws {
        let (store, folder) = try Fixture.store()
        #expect(try store.allFeeds().map(\.id) == ["mastodon-prozeehoek", "westerveens-dagblad"])
        let id = "westerveens-dagblad"
        let fresh = try #require(try store.feed(id))
        #expect(fresh.url == "https://westerveensdagblad.example/rss")
        #expect(fresh.etag == nil && fresh.failures == 0 && fresh.lastSuccess == nil)

        let t0 = Fixture.day
        try store.record(
            feedID: id,
            PollRecord(
                .fetched(etag: "\"abc\"", lastModified: "Thu, 28 May 2026 20:00:00 GMT", newItems: 3),
                at: t0, status: 200, nextPoll: t0.addingTimeInterval(900)))
        var feed = try #require(try store.feed(id))
        #expect(feed.etag == "\"abc\"")
        #expect(feed.lastModified == "Thu, 28 May 2026 20:00:00 GMT")
        #expect(feed.lastSuccess == t0 && feed.lastAttempt == t0 && feed.lastNewItem == t0)
        #expect(feed.nextPoll == t0.addingTimeInterval(900) && feed.lastStatus == 200)

        // Failures count up and keep the latest error and status; validators survive a failure.
        try store.record(
            feedID: id,
            PollRecord(
                .failed("HTTP 503"), at: t0.addingTimeInterval(60), status: 503, nextPoll: t0.addingTimeInterval(960)))
        try store.record(
            feedID: id,
            PollRecord(
                .failed("timeout after 30s"), at: t0.addingTimeInterval(120), status: nil,
                nextPoll: t0.addingTimeInterval(1_920)))
        feed = try #require(try store.feed(id))
        #expect(feed.failures == 2)
        #expect(feed.lastError == "timeout after 30s")
        #expect(feed.lastStatus == nil)
        #expect(feed.lastAttempt == t0.addingTimeInterval(120))
        #expect(feed.nextPoll == t0.addingTimeInterval(1_920))
        #expect(feed.lastSuccess == t0)
        #expect(feed.etag == "\"abc\"")

        // 304 Not Modified is a success: health resets, validators stay, no new item.
        try store.record(
            feedID: id,
            PollRecord(
                .notModified, at: t0.addingTimeInterval(180), status: 304, nextPoll: t0.addingTimeInterval(1_080)))
        feed = try #require(try store.feed(id))
        #expect(feed.failures == 0 && feed.lastError == nil)
        #expect(feed.lastSuccess == t0.addingTimeInterval(180))
        #expect(feed.lastNewItem == t0)
        #expect(feed.etag == "\"abc\"")

        // A permanent redirect is remembered until the configured URL changes.
        try store.recordMove(feedID: id, to: "https://westerveensdagblad.example/new.xml")
        #expect(try store.feed(id)?.movedTo == "https://westerveensdagblad.example/new.xml")

        // Registering the same URL again keeps the validators; a new URL drops them.
        try store.register(try Fixture.config(folder: folder).feeds)
        #expect(try store.feed(id)?.etag == "\"abc\"")
        let moved = Fixture.yaml.replacingOccurrences(
            of: "https://westerveensdagblad.example/rss", with: "https://westerveensdagblad.example/feed.xml")
        try store.register(try Fixture.config(moved, folder: folder).feeds)
        feed = try #require(try store.feed(id))
        #expect(feed.url == "https://westerveensdagblad.example/feed.xml")
        #expect(feed.etag == nil && feed.lastModified == nil && feed.movedTo == nil)
        #expect(feed.failures == 0 && feed.lastError == nil && feed.nextPoll == nil)  // a fixed URL starts afresh
        #expect(try store.feed("mastodon-prozeehoek")?.url == "https://social.example/tags/dezeehoek.rss")
    }

    // MARK: - Items

    @Test func anItemIsStoredOncePerFeed() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item("weer-1", title: "Het weer", text: "Morgen regen in Westerveen.")
        #expect(try !store.contains(feedID: "westerveens-dagblad", item: item))
        let first = try store.insert(Fixture.new(item, Fixture.nothing))
        #expect(first != nil)
        #expect(try store.contains(feedID: "westerveens-dagblad", item: item))
        // The same identity again (a re-poll) is not processed twice, even if the text changed.
        var edited = item
        edited.summary = "Morgen zon in Westerveen."
        #expect(try store.insert(Fixture.new(edited, Fixture.nothing, at: Fixture.day.addingTimeInterval(900))) == nil)
        #expect(try store.row("SELECT count(*) FROM items")?.first?.int == 1)
        // Identity is per feed: the same GUID in another feed is another item.
        #expect(try store.insert(Fixture.new(item, Fixture.nothing, feed: "mastodon-prozeehoek")) != nil)
    }

    @Test func anItemWithoutMentionsKeepsNoText() throws {
        let (store, _) = try Fixture.store()
        let id = try #require(
            try store.insert(Fixture.new(Fixture.item("weer-2", title: "Het weer", text: "Regen."), Fixture.nothing)))
        let row = try #require(
            try store.row("SELECT title, link, author, mentioned, flagged FROM items WHERE id = ?", [.integer(id)]))
        #expect(row == [.null, .null, .null, .integer(0), .integer(0)])
        #expect(try store.count("mentions", itemID: id) == 0)
        #expect(try store.count("evidence", itemID: id) == 0)
    }

    @Test func anUnflaggedMentionKeepsTitleAndLinkButNoEvidenceOrAlert() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item("open-dag", title: "Open dag bij De Zeehoek", text: "Zaterdag open dag.")
        let id = try #require(try store.insert(Fixture.new(item, Fixture.neutral)))
        let row = try #require(
            try store.row("SELECT title, link, author, mentioned, flagged FROM items WHERE id = ?", [.integer(id)]))
        #expect(
            row == [
                .text("Open dag bij De Zeehoek"), .text("https://westerveensdagblad.example/open-dag"),
                .text("Westerveens Dagblad"), .integer(1), .integer(0),
            ])
        #expect(try store.count("mentions", itemID: id) == 1)
        #expect(try store.count("evidence", itemID: id) == 0)
        #expect(try store.count("alerts", itemID: id) == 0)
        #expect(try store.pendingAlerts().isEmpty)
    }

    @Test func textWithANulByteIsStoredWhole() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item("nul", title: "voor\u{0}na De Zeehoek", text: "x")
        let id = try #require(try store.insert(Fixture.new(item, Fixture.neutral)))
        #expect(
            try store.row("SELECT title FROM items WHERE id = ?", [.integer(id)])?.first
                == .text("voor\u{0}na De Zeehoek"))
        #expect(try store.row("SELECT title FROM items WHERE title = ''", [])?.first == nil)
    }

    @Test func aFlaggedItemKeepsRawEvidenceWithItsHashAndOnePendingAlert() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item(
            "post-77", title: "Juf Marieke", text: "Juf Marieke is een trut, ik maak je af. 😡 Café-praat", media: true)
        let id = try #require(try store.insert(Fixture.new(item, Fixture.flagged)))

        let evidence = try #require(
            try store.row(
                "SELECT url, fetched_at, etag, last_modified, raw, sha256, text, has_media, document_sha256 FROM evidence WHERE item_id = ?",
                [.integer(id)]))
        #expect(evidence[0] == .text("https://westerveensdagblad.example/rss"))
        #expect(evidence[1] == .integer(Int64(Fixture.day.timeIntervalSince1970)))
        #expect(evidence[2] == .text("\"v42\""))
        #expect(evidence[3] == .text("Thu, 28 May 2026 20:00:00 GMT"))
        // The entry byte for byte as fetched (UTF-8 emoji included), and the hash of exactly those bytes.
        #expect(evidence[4] == .blob(item.raw))
        #expect(evidence[5] == .text(SHA256.hex(item.raw)))
        #expect(evidence[6] == .text(item.text))
        #expect(evidence[7] == .integer(1))
        #expect(evidence[8] == .text(Fixture.documentSHA256))

        let alert = try #require(
            try store.row("SELECT track, created_at, sent_at, attempts FROM alerts WHERE item_id = ?", [.integer(id)]))
        #expect(alert == [.text("B"), .integer(Int64(Fixture.day.timeIntervalSince1970)), .null, .integer(0)])
        #expect(try store.row("SELECT count(*) FROM alerts")?.first?.int == 1)
        #expect(try store.row("SELECT flagged FROM items WHERE id = ?", [.integer(id)])?.first == .integer(1))
        #expect(try store.count("findings", itemID: id) == 2)
        #expect(try store.count("mentions", itemID: id) == 3)
    }

    @Test func aFailedInsertLeavesNothingBehind() throws {
        let (store, _) = try Fixture.store()
        let item = Fixture.item("post-88", title: "Meester Youssef", text: "Meester Youssef is een sukkel.")
        // Two findings for one category break the findings primary key halfway through the insert.
        var broken = Fixture.flagged
        broken.categories.append(CategoryFinding(category: .insult, severity: .low, evidence: ["dom"]))
        #expect(throws: SQLiteError.self) { try store.insert(Fixture.new(item, broken)) }
        #expect(try !store.contains(feedID: "westerveens-dagblad", item: item))
        #expect(
            try store.row(
                "SELECT (SELECT count(*) FROM items) + (SELECT count(*) FROM mentions) + (SELECT count(*) FROM alerts)")?
                .first?.int == 0)
        // An unknown feed is refused by the foreign key rather than stored as an orphan.
        #expect(throws: SQLiteError.self) { try store.insert(Fixture.new(item, Fixture.neutral, feed: "unregistered")) }
        // The item is not lost: a later, valid attempt stores it.
        #expect(try store.insert(Fixture.new(item, Fixture.flagged)) != nil)
    }
}
