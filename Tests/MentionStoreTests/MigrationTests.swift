import FeedKit
import Foundation
import MentionClassify
import TestSupport
import Testing

@testable import MentionStore

@Suite("Store: migrations stay frozen and carry old rows forward")
struct MigrationTests {
    /// SHA-256 of each migration's SQL as shipped. A migration never changes once shipped (docs/architecture.md):
    /// a database that ran the old text would silently differ from a new one. Add a migration instead;
    /// a new one gets its checksum here when it ships.
    static let checksums = [
        "becd3d860a99154786a0c5477834a917607c42ef4d16fbad619721b42d703e24",  // 1: the walking skeleton's schema
        "f5e5fef08e82c14bccd1a183560147fc473bfac0107aae72b3d0e131e49f7c79",  // 2: findings.explanation
        "bebbec562b6f65adaaae947f97e388f513d9c4fe71bccec243d95525c0976341",  // 3: findings.evidence as JSON
        "db49fc2b47dad9318385fb6b80615d817aa9c059ebb2311f9694b09e4b0f2f22",  // 4: items.tier, reviews
        "04c7bbc66790a98be840596c9579afdd8f9b81a9b85d0293e77189f76cde1aff",  // 5: cases, case_items, case_events
        "5544abed0312b63a9ea6870e93ee140dfc27bbdf53c0a1f751aaa4ac3b454f31",  // 6: documents
        "c307c532a00af8d23935cd2b2c9c95111bfe2b8a57929a7b0dd38cce2f1bf3fb",  // 7: mail_recipients
        "ffdd9387879440c4f05c63c6b9ec71b32e219ed83c0755e2301168e63824e434",  // 8: feeds.poll_started
    ]

    @Test func shippedMigrationsAreUnchanged() {
        #expect(Migrations.all.count == Self.checksums.count, "every migration needs its checksum here")
        for (index, (sql, checksum)) in zip(Migrations.all, Self.checksums).enumerated() {
            #expect(
                SHA256.hex(Array(sql.utf8)) == checksum,
                "migration \(index + 1) changed after it shipped: add a new migration instead")
        }
    }

    /// A database as migration 2 left it, with findings written the old way: evidence one piece a line.
    static func versionTwoDatabase(findings: [(category: String, evidence: String, explanation: String)]) throws
        -> String
    {
        let path = Paths.temporaryFolder("migrate") + "/mentionwatch.sqlite"
        let old = try SQLiteDatabase(path: path)
        try old.execute(Migrations.all[0])
        try old.execute(Migrations.all[1])
        try old.execute("PRAGMA user_version = 2")
        try old.execute("INSERT INTO feeds (id, url) VALUES ('f', 'https://x.example/rss')")
        try old.execute(
            "INSERT INTO items (id, feed_id, identity, fetched_at) VALUES (1, 'f', '\(String(repeating: "a", count: 64))', 0)"
        )
        for finding in findings {
            try old.query(
                "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (1, ?, 'medium', ?, ?)",
                [.text(finding.category), .text(finding.evidence), .text(finding.explanation)])
        }
        return path
    }

    @Test func findingsFromVersionTwoReadBackAsTheyDidBefore() throws {
        let path = try Self.versionTwoDatabase(findings: [
            ("insult", "trut\nsukkel", "scheldwoord 'trut' gericht aan juf Marieke"),
            ("threat", "maak je af", ""),
            // The old reader skipped empty lines; a piece with quotes and a backslash stays as it was.
            ("gossip_accusation", "\nzegt \"men\" \\n\n\n", ""),
            ("forwarding", "", ""),
        ])
        let store = try Store(path: path)
        #expect(try store.schemaVersion == Migrations.all.count)
        // No places were stored before migration 3: the spans stay empty, as the old code read them.
        #expect(
            try store.findings(of: 1) == [
                CategoryFinding(
                    category: .insult, severity: .medium, evidence: ["trut", "sukkel"],
                    explanation: "scheldwoord 'trut' gericht aan juf Marieke"),
                CategoryFinding(category: .gossipAccusation, severity: .medium, evidence: ["zegt \"men\" \\n"]),
                CategoryFinding(category: .threat, severity: .medium, evidence: ["maak je af"]),
                CategoryFinding(category: .forwarding, severity: .medium, evidence: []),
            ])
        #expect(
            try store.row("SELECT evidence FROM findings WHERE category = 'insult'") == [
                .text(#"[{"text":"trut"},{"text":"sukkel"}]"#)
            ])
    }

    @Test func theRebuiltFindingsTableKeepsItsConstraints() throws {
        let store = try Store(path: try Self.versionTwoDatabase(findings: [("insult", "trut", "")]))
        let duplicate = #expect(throws: SQLiteError.self) {
            try store.db.query(
                "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (1, 'insult', 'low', '[]', '')"
            )
        }
        #expect(duplicate?.message.contains("UNIQUE constraint failed") == true)
        // The foreign key to items still cascades: no finding outlives its item.
        try store.db.query("DELETE FROM items WHERE id = 1")
        #expect(try store.count("findings", itemID: 1) == 0)
    }
}
