import Foundation
import MentionClassify
import TestSupport
import Testing

@testable import MentionStore

@Suite("Store: the classifier's explanations and the forwarding memory")
struct ClassificationStoreTests {
    /// Migration 2 adds the explanation to a database made by the first version, keeping its findings.
    @Test func aVersionOneDatabaseGainsExplanations() throws {
        let folder = Paths.temporaryFolder("migrate")
        let path = folder + "/mentionwatch.sqlite"
        do {
            let old = try SQLiteDatabase(path: path)
            try old.execute(Migrations.all[0])
            try old.execute("PRAGMA user_version = 1")
            try old.execute("INSERT INTO feeds (id, url) VALUES ('f', 'https://x.example/rss')")
            try old.execute(
                "INSERT INTO items (id, feed_id, identity, fetched_at) VALUES (1, 'f', '\(String(repeating: "a", count: 64))', 0)"
            )
            try old.execute(
                "INSERT INTO findings (item_id, category, severity, evidence) VALUES (1, 'insult', 'medium', 'sukkel')")
        }
        let store = try Store(path: path)
        #expect(try store.schemaVersion == Migrations.all.count)
        #expect(
            try store.findings(of: 1) == [
                CategoryFinding(category: .insult, severity: .medium, evidence: ["sukkel"], explanation: "")
            ])
    }

    @Test func flaggedPostsComeBackNewestFirstWithTheirSeverity() throws {
        let (store, _) = try Fixture.store()
        try store.insert(
            Fixture.new(
                Fixture.item("p1", title: "a", text: "juf Marieke is een trut"), Fixture.flagged, at: Fixture.day))
        try store.insert(
            Fixture.new(
                Fixture.item("p2", title: "b", text: "De Zeehoek"), Fixture.neutral,
                at: Fixture.day.addingTimeInterval(60)))
        try store.insert(
            Fixture.new(
                Fixture.item("p3", title: "c", text: "ik maak je af"), Fixture.flagged,
                at: Fixture.day.addingTimeInterval(120)))
        let posts = try store.recentFlaggedPosts(limit: 10)
        // Only flagged items keep their text: the neutral one is not among them.
        #expect(posts.map(\.post.text) == ["ik maak je af", "juf Marieke is een trut"])
        #expect(posts.map(\.severity) == [.high, .high])
        #expect(posts.first?.post.feedID == "westerveens-dagblad")
        #expect(try store.recentFlaggedPosts(limit: 1).count == 1)
    }
}
