import Foundation
import MentionSchedule
import Testing

@testable import MentionStore

/// The digest's 14-day chart counts come from a real SQLite store, per local day (issue 14).
struct DigestHistoryStoreTests {
    @Test func countsMentionsAndAlertsPerLocalDay() throws {
        let (store, _) = try Fixture.store()
        let schedule = DigestSchedule(hour: 7, minute: 0, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let days = schedule.days(14, endingWith: "2026-05-28")
        #expect(days.count == 14 && days.first?.day == "2026-05-15" && days.last?.day == "2026-05-28")
        let today = try #require(days.last)
        let yesterday = days[12]
        try store.insert(
            Fixture.new(Fixture.item("n1", title: "Open dag", text: "De Zeehoek"), Fixture.neutral, at: today.from))
        try store.insert(
            Fixture.new(
                Fixture.item("f1", title: "Juf Marieke", text: "trut"), Fixture.flagged,
                at: today.to.addingTimeInterval(-1)))
        try store.insert(
            Fixture.new(
                Fixture.item("n2", title: "Oud", text: "De Zeehoek"), Fixture.neutral,
                at: today.from.addingTimeInterval(-1)))
        // Not a mention at all, and a day after the chart: neither is counted.
        try store.insert(
            Fixture.new(Fixture.item("w1", title: "Het weer", text: "Regen"), Fixture.nothing, at: today.from))
        try store.insert(
            Fixture.new(Fixture.item("next", title: "Morgen", text: "De Zeehoek"), Fixture.neutral, at: today.to))

        let counts = try store.dayCounts(days)
        #expect(counts.map(\.day) == days.map(\.day))
        #expect(counts.last == .init(day: "2026-05-28", mentions: 2, alerts: 1))
        #expect(counts[12] == .init(day: yesterday.day, mentions: 1, alerts: 0))
        #expect(counts.dropLast(2).allSatisfy { $0.mentions == 0 && $0.alerts == 0 })
    }

    @Test func aDaylightSavingDayIsTwentyThreeHours() {
        let schedule = DigestSchedule(hour: 7, minute: 0, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let days = schedule.days(14, endingWith: "2026-04-05")
        let change = days.first { $0.day == "2026-03-29" }
        #expect(change.map { $0.to.timeIntervalSince($0.from) } == TimeInterval(23 * 3_600))
        #expect(zip(days, days.dropFirst()).allSatisfy { $0.to == $1.from })
    }
}
