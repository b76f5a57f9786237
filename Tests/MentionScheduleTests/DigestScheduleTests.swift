import Foundation
import Testing

@testable import FeedKit
@testable import MentionConfig
@testable import MentionSchedule

struct DigestScheduleTests {
    let schedule = DigestSchedule(hour: 7, minute: 30, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)

    func utc(_ text: String) -> Date { FeedDate.parse(text)! }

    @Test func yesterdayIsDueOnceTheSendTimeHasPassed() {
        #expect(schedule.dueDay(at: utc("2026-11-25T06:29:59Z")) == "2026-11-23")  // 07:29:59 in Amsterdam (CET, +1)
        #expect(schedule.dueDay(at: utc("2026-11-25T06:30:00Z")) == "2026-11-24")
    }

    @Test func daysAreLocalAndDSTSafe() throws {
        // 29 March 2026: clocks go from 02:00 to 03:00 in Amsterdam, the day has 23 hours.
        let spring = try #require(schedule.range(of: "2026-03-29"))
        #expect(spring.to.timeIntervalSince(spring.from) == 23 * 3_600)
        #expect(FeedDate.rfc3339(spring.from) == "2026-03-28T23:00:00Z")
        // 25 October 2026: back from 03:00 to 02:00, 25 hours.
        let autumn = try #require(schedule.range(of: "2026-10-25"))
        #expect(autumn.to.timeIntervalSince(autumn.from) == 25 * 3_600)
        // Summer time: 07:30 local is 05:30 UTC.
        #expect(FeedDate.rfc3339(schedule.nextSendTime(after: utc("2026-07-01T05:00:00Z"))) == "2026-07-01T05:30:00Z")
        #expect(FeedDate.rfc3339(schedule.nextSendTime(after: utc("2026-07-01T05:30:00Z"))) == "2026-07-02T05:30:00Z")
    }

    @Test func rejectsImpossibleDays() {
        #expect(schedule.range(of: "2026-02-30") == nil)
        #expect(schedule.range(of: "2026-2-3") == nil)
        #expect(schedule.range(of: "yesterday") == nil)
    }
}
