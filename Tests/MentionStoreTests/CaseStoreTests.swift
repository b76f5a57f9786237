import FeedKit
import Foundation
import MentionClassify
import MentionRender
import TestSupport
import Testing

@testable import MentionStore

/// Cases (issue 14): one per alert, a state that only moves forward while open, and an append-only
/// history of who changed what, when and why.
struct CaseStoreTests {
    static func storeWithAlert(_ id: String = "a1") throws -> (store: Store, itemID: Int64) {
        let store = try Fixture.store().store
        let item = Fixture.item(id, title: "Juf Marieke", text: "juf Marieke is een trut")
        return (store, try #require(try store.insert(Fixture.new(item, Fixture.flagged))))
    }

    @Test func anAlertOpensACaseWithItsNumber() throws {
        let (store, itemID) = try Self.storeWithAlert()
        let summary = try #require(try store.caseSummary(caseNumber(itemID: itemID)))
        #expect(summary.state == .new)
        #expect(summary.itemIDs == [itemID])
        #expect(summary.entities == ["school", "staff-01"])
        #expect(
            try store.caseHistory(itemID).map { [$0.by, $0.action, $0.state.rawValue] } == [
                ["mentionwatch", "opened", "nieuw"]
            ])
        // A post without an alert opens none.
        let neutral = try #require(
            try store.insert(Fixture.new(Fixture.item("n1", title: "Open dag", text: "De Zeehoek"), Fixture.neutral)))
        #expect(try store.caseSummary(String(neutral)) == nil)
    }

    @Test func aCaseIsTakenThenClosedAndThenTakesNoMore() throws {
        let (store, itemID) = try Self.storeWithAlert()
        let number = caseNumber(itemID: itemID)
        let at = Fixture.day.addingTimeInterval(3_600)
        let taken = try store.act(on: number, .take, by: "Sanne Hoekstra", at: at, note: "ik bel de ouders")
        #expect(taken.state == .inProgress)
        #expect(taken.takenBy == "Sanne Hoekstra")
        let closed = try store.act(on: String(itemID), .close, by: "Ingrid", at: at.addingTimeInterval(60), note: nil)
        #expect(closed.state == .closed)
        #expect(closed.takenBy == "Sanne Hoekstra")  // closing does not change who took it
        #expect(throws: CaseError.closed(number: number, state: .closed, by: "Sanne Hoekstra")) {
            try store.act(on: number, .take, by: "X", at: at, note: nil)
        }
        let history = try store.caseHistory(itemID)
        #expect(history.map(\.action) == ["opened", "take", "close"])
        #expect(history.map(\.by) == ["mentionwatch", "Sanne Hoekstra", "Ingrid"])
        #expect(history[1].note == "ik bel de ouders")
        #expect(history[2].at == at.addingTimeInterval(60))
    }

    @Test func aFalseAlarmKeepsItsReasonAndIsNoLongerForwarded() throws {
        let (store, itemID) = try Self.storeWithAlert()
        #expect(try store.recentFlaggedPosts(limit: 10).count == 1)
        let marked = try store.act(
            on: caseNumber(itemID: itemID), .falseAlarm(.quote), by: "Sanne", at: Fixture.day, note: "citaat")
        #expect(marked.state == .falseAlarm)
        #expect(marked.reason == .quote)
        #expect(try store.caseHistory(itemID).last?.note == "reden: quote; citaat")
        // Judged a false alarm by a person: a copy of it elsewhere is no forwarding alert.
        #expect(try store.recentFlaggedPosts(limit: 10).isEmpty)
    }

    @Test func anUnknownCaseIsAClearError() throws {
        let (store, _) = try Self.storeWithAlert()
        for id in ["MW-999999", "nonsense", "0"] {
            #expect(throws: CaseError.unknown(id)) { try store.act(on: id, .take, by: "X", at: Fixture.day, note: nil) }
        }
    }

    @Test func theHistoryIsAppendOnly() throws {
        let (store, itemID) = try Self.storeWithAlert()
        for sql in ["UPDATE case_events SET by = 'iemand anders'", "DELETE FROM case_events"] {
            let refused = #expect(throws: SQLiteError.self) { try store.db.query(sql) }
            #expect(refused?.message.contains("append-only") == true)
        }
        #expect(try store.caseHistory(itemID).count == 1)
        // The state is checked in the schema too.
        #expect(throws: SQLiteError.self) { try store.db.query("UPDATE cases SET state = 'weg'") }
        #expect(throws: SQLiteError.self) { try store.db.query("UPDATE cases SET state = 'vals alarm'") }  // no reason
    }

    @Test func casesAreListedOpenOrByPerson() throws {
        let (store, first) = try Self.storeWithAlert("a1")
        var other = Fixture.flagged
        other.mentions = [Fixture.mention("staff-03", "meneer El Amrani", at: 0, rule: .honorific)]
        let second = try #require(
            try store.insert(
                Fixture.new(
                    Fixture.item("a2", title: "El Amrani", text: "meneer El Amrani"), other,
                    at: Fixture.day.addingTimeInterval(60))))
        #expect(try store.cases().map(\.id) == [second, first])  // newest first
        #expect(try store.cases(person: "staff-03").map(\.id) == [second])
        try store.act(on: String(second), .close, by: "X", at: Fixture.day, note: nil)
        #expect(try store.cases(openOnly: true).map(\.id) == [first])
    }

    @Test func aPromotedReviewItemOpensACaseByWhoPromotedIt() throws {
        let (store, itemID) = try ReviewStoreTests.storeWithReview()
        #expect(try store.caseSummary(String(itemID)) == nil)
        try store.decide(
            String(itemID), ReviewDecision(.promoted, by: "A. de Vries", at: Fixture.day, note: "wel gericht aan hem"))
        let history = try store.caseHistory(itemID)
        #expect(history.map(\.by) == ["A. de Vries"])
        #expect(history.first?.note == "uit 'te beoordelen' als melding gekozen: wel gericht aan hem")
    }

    /// Alerts stored before cases existed get a case each when the database is upgraded.
    @Test func migrationFiveOpensACaseForEachOldAlert() throws {
        let path = Paths.temporaryFolder("migrate-cases") + "/mentionwatch.sqlite"
        let old = try SQLiteDatabase(path: path)
        for sql in Migrations.all.prefix(4) { try old.execute(sql) }
        try old.execute("PRAGMA user_version = 4")
        try old.execute("INSERT INTO feeds (id, url) VALUES ('f', 'https://x.example/rss')")
        for id in [3, 7] {
            try old.execute(
                "INSERT INTO items (id, feed_id, identity, fetched_at, flagged) VALUES (\(id), 'f', '\(String(repeating: "\(id)", count: 64))', 100, 1)"
            )
            try old.execute("INSERT INTO alerts (item_id, track, created_at) VALUES (\(id), 'B', 100)")
        }
        let store = try Store(path: path)
        #expect(try store.cases().map(\.id).sorted() == [3, 7])
        #expect(try store.caseHistory(7).map(\.action) == ["opened"])
    }

    @Test func retentionPurgesClosedCasesAndKeepsOpenOnesAndAllHistory() throws {
        let (store, closedID) = try Self.storeWithAlert("a1")
        let openID = try #require(
            try store.insert(
                Fixture.new(Fixture.item("a2", title: "Juf Marieke", text: "weer"), Fixture.flagged, at: Fixture.day)))
        try store.act(on: String(closedID), .close, by: "Ingrid", at: Fixture.day, note: nil)
        // Not yet past the period: nothing goes.
        #expect(try store.purgeCases(.closed, closedBefore: Fixture.day, at: Fixture.day).isEmpty)
        let later = Fixture.day.addingTimeInterval(400 * 86_400)
        #expect(try store.purgeCases(.closed, closedBefore: later, at: later) == [caseNumber(itemID: closedID)])
        #expect(try store.purgeCases(.falseAlarm, closedBefore: later, at: later).isEmpty)
        // The closed case and its evidence are gone; the item's identity row stays; its history stays, with a line.
        #expect(try store.caseSummary(String(closedID)) == nil)
        #expect(try store.count("evidence", itemID: closedID) == 0)
        #expect(try store.count("findings", itemID: closedID) == 0)
        #expect(
            try store.row("SELECT title, flagged FROM items WHERE id = ?", [.integer(closedID)]) == [
                .null, .integer(0),
            ])
        #expect(try store.caseHistory(closedID).map(\.action) == ["opened", "close", "purged"])
        // The open case keeps everything.
        #expect(try store.caseSummary(String(openID))?.state == .new)
        #expect(try store.count("evidence", itemID: openID) == 1)
    }

    /// A burst about one person is one case; another person, a post after the window, or a closed case
    /// opens a new one. Every later post's mail follows the first one up in the same thread.
    @Test func aBurstAboutOnePersonIsOneCaseAndOneThread() throws {
        let store = try Fixture.store().store
        func alert(_ id: String, _ assessment: Assessment = Fixture.flagged, at offset: TimeInterval) throws -> Int64 {
            var new = Fixture.new(
                Fixture.item(id, title: "Juf Marieke \(id)", text: "juf Marieke is een trut"), assessment,
                at: Fixture.day.addingTimeInterval(offset))
            new.groupWindow = 3_600
            return try #require(try store.insert(new))
        }
        let first = try alert("b0", at: 0)
        for n in 1..<20 { _ = try alert("b\(n)", at: TimeInterval(n * 60)) }
        let cases = try store.cases()
        #expect(cases.count == 1)
        #expect(cases.first?.id == first && cases.first?.itemIDs.count == 20)
        #expect(try store.caseHistory(first).map(\.action) == ["opened"] + Array(repeating: "added", count: 19))

        var other = Fixture.flagged
        other.mentions = [Fixture.mention("staff-03", "meneer El Amrani", at: 0, rule: .honorific)]
        let elsewhere = try alert("c1", other, at: 1_300)
        let later = try alert("d1", at: 19 * 60 + 3_601)  // an hour after the burst's last post
        #expect(Set(try store.cases().map(\.id)) == [first, elsewhere, later])

        // The mails: every later post of the burst names the case and follows its first mail up.
        let pending = try store.pendingAlerts().map { try $0.get().content }
        let burst = pending.filter { $0.caseNumber == caseNumber(itemID: first) }
        #expect(burst.count == 20)
        #expect(burst.filter { $0.threadStart == nil }.count == 1)
        let mail = AlertMail(config: try Fixture.config(folder: "/tmp"), timeZone: .gmt)
        let opening = try #require(burst.first { $0.threadStart == nil })
        let followUp = try #require(burst.first { $0.threadStart != nil })
        let rendered = mail.render(followUp, date: Fixture.day)
        #expect(rendered.contains("In-Reply-To: \(mail.messageID(for: opening))\r\n"))
        #expect(rendered.contains("References: \(mail.messageID(for: opening))\r\n"))
        #expect(!mail.render(opening, date: Fixture.day).contains("In-Reply-To:"))

        // A closed case takes no new posts.
        try store.act(on: String(later), .close, by: "X", at: Fixture.day, note: nil)
        let afterClosing = try alert("d2", at: 19 * 60 + 3_700)
        #expect(try store.caseSummary(String(afterClosing))?.itemIDs == [afterClosing])
    }
}
