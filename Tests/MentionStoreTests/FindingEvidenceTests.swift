import Foundation
import MentionClassify
import TestSupport
import Testing

@testable import MentionStore

@Suite("Store: findings come back whole, or not at all")
struct FindingEvidenceTests {
    static func flagged(_ categories: [CategoryFinding]) -> Assessment {
        var assessment = Fixture.flagged
        assessment.categories = categories
        return assessment
    }

    @Test func evidenceWithANewlineAndItsSpansRoundTripExactly() throws {
        let (store, _) = try Fixture.store()
        let threat = CategoryFinding(
            category: .threat, severity: .high, evidence: ["Juf Marieke\nik maak je af", "@zeehoek_echt", "trut"],
            spans: [EvidenceSpan(start: 0, end: 26), nil, EvidenceSpan(start: 40, end: 44)],
            explanation: "dreiging gericht aan juf Marieke")
        // Spans shorter than the evidence (a finding built without them) come back just as short.
        let insult = CategoryFinding(category: .insult, severity: .medium, evidence: ["sukkel", "trut"], spans: [nil])
        let item = Fixture.item("p1", title: "Juf Marieke", text: "ik maak je af, trut")
        let id = try #require(try store.insert(Fixture.new(item, Self.flagged([insult, threat]))))

        #expect(try store.findings(of: id) == [insult, threat])
        #expect(try store.pendingAlerts().first?.get().content.assessment.categories == [insult, threat])
        // Stored as one JSON object a piece: null for a place outside the text, no place where none was given.
        #expect(
            try store.row("SELECT evidence FROM findings WHERE item_id = ? AND category = 'threat'", [.integer(id)])
                == [
                    .text(
                        #"[{"end":26,"start":0,"text":"Juf Marieke\nik maak je af"},{"end":null,"start":null,"text":"@zeehoek_echt"},{"end":44,"start":40,"text":"trut"}]"#
                    )
                ])
        #expect(
            try store.row("SELECT evidence FROM findings WHERE item_id = ? AND category = 'insult'", [.integer(id)])
                == [
                    .text(
                        #"[{"end":null,"start":null,"text":"sukkel"},{"text":"trut"}]"#)
                ])
    }

    @Test func moreSpansThanEvidenceAreRefusedAndNothingIsStored() throws {
        let (store, _) = try Fixture.store()
        let finding = CategoryFinding(
            category: .insult, severity: .medium, evidence: ["trut"], spans: [nil, EvidenceSpan(start: 0, end: 4)])
        let error = #expect(throws: StoreError.self) {
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Self.flagged([finding])))
        }
        #expect(error?.message.contains("2 spans for 1 pieces of evidence") == true)
        #expect(try store.row("SELECT count(*) FROM items") == [.integer(0)])
    }

    // MARK: - What cannot be read back is an error

    /// A flagged item whose insult finding was overwritten with raw SQL.
    static func storeWithFinding(set assignment: String) throws -> (Store, Int64) {
        let (store, _) = try Fixture.store()
        let id = try #require(
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        try store.db.query(
            "UPDATE findings SET \(assignment) WHERE item_id = ? AND category = 'insult'", [.integer(id)])
        return (store, id)
    }

    @Test func anUnknownCategoryIsAnErrorNamingTheItemAndTheValue() throws {
        let (store, id) = try Self.storeWithFinding(set: "category = 'bullying'")
        let error = #expect(throws: StoreError.self) { try store.findings(of: id) }
        #expect(error?.message == "finding of item \(id): unknown category \"bullying\"")
        // The outbox holds the alert back rather than send it without that finding, and says why.
        let outbox = try store.pendingAlerts()
        guard case .failure(let unreadable) = try #require(outbox.first) else {
            Issue.record("an alert with an unknown category was read as deliverable")
            return
        }
        #expect(unreadable.itemID == id && unreadable.error == "finding of item \(id): unknown category \"bullying\"")
        // The digest lists the item with the problem instead of leaving it out.
        let digest = try store.digestInput(day: "2026-05-28", from: Fixture.day, to: Fixture.day.addingTimeInterval(1))
        let entry = try #require(digest.entries.first)
        #expect(entry.unreadable == unreadable.error && entry.caseNumber == caseNumber(itemID: id))
    }

    @Test func anUnknownMentionRuleIsAnError() throws {
        let (store, _) = try Fixture.store()
        let id = try #require(
            try store.insert(Fixture.new(Fixture.item("p1", title: "a", text: "trut"), Fixture.flagged)))
        try store.db.query(
            "UPDATE mentions SET rule = 'hunch' WHERE item_id = ? AND surface = 'Verbeek'", [.integer(id)])
        let outbox = try store.pendingAlerts()
        guard case .failure(let unreadable) = try #require(outbox.first) else {
            Issue.record("an alert with an unknown mention rule was read as deliverable")
            return
        }
        #expect(unreadable.error == "mention in item \(id): unknown rule \"hunch\"")
    }

    @Test func evidenceWithHalfAPlaceIsAnErrorNamingTheFinding() throws {
        let (store, id) = try Self.storeWithFinding(set: #"evidence = '[{"text":"trut","start":3}]'"#)
        let error = #expect(throws: StoreError.self) { try store.findings(of: id) }
        #expect(
            error?.message.hasPrefix("insult finding of item \(id): evidence is not a JSON array of {text, start, end}")
                == true)
    }
}
