import Foundation
import MentionCore
@testable import MentionStore
import Testing
import TestSupport

@Suite("Store: what cannot be read back is an error")
struct FindingEvidenceTests {
    /// A flagged item whose insult finding was overwritten with raw SQL.
    static func storeWithFinding(set assignment: String) throws -> (Store, Int64) {
        let (store, _) = try Fixture.store()
        let id = try #require(try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        try store.db.query("UPDATE findings SET \(assignment) WHERE item_id = ? AND category = 'insult'", [.integer(id)])
        return (store, id)
    }

    @Test func anUnknownCategoryIsAnErrorNamingTheItemAndTheValue() throws {
        let (store, id) = try Self.storeWithFinding(set: "category = 'bullying'")
        let error = #expect(throws: StoreError.self) { try store.findings(of: id) }
        #expect(error?.message == "finding of item \(id): unknown category \"bullying\"")
        // The outbox and the digest fail with it rather than send the alert without that finding.
        #expect(throws: StoreError.self) { try store.pendingAlerts() }
        #expect(throws: StoreError.self) { try store.digestInput(day: "2026-05-28", from: Fixture.day, to: Fixture.day.addingTimeInterval(1)) }
    }

    @Test func anUnknownMentionRuleIsAnError() throws {
        let (store, _) = try Fixture.store()
        let id = try #require(try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        try store.db.query("UPDATE mentions SET rule = 'hunch' WHERE item_id = ? AND surface = 'Verbeek'", [.integer(id)])
        let error = #expect(throws: StoreError.self) { try store.pendingAlerts() }
        #expect(error?.message == "mention in item \(id): unknown rule \"hunch\"")
    }
}
