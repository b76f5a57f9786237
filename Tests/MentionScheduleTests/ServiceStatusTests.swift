import Foundation
import Testing

@testable import MentionSchedule

/// What `mentionwatch status` calls wrong, on a fake clock.
struct ServiceStatusTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let running = ServiceSnapshot.Daemon(pid: 42, since: now.addingTimeInterval(-3_600))

    static func feed(_ id: String, due: Double?, interval: Int = 900, error: String? = nil) -> ServiceSnapshot.Feed {
        ServiceSnapshot.Feed(
            id: id, interval: interval, lastAttempt: now.addingTimeInterval(-100),
            nextPoll: due.map { now.addingTimeInterval($0) }, failures: error == nil ? 0 : 2, lastError: error)
    }

    func problems(_ feeds: [ServiceSnapshot.Feed], alerts: ServiceSnapshot.Alerts = .init(), daemon: Bool = true)
        -> [String]
    {
        ServiceStatus(
            ServiceSnapshot(feeds: feeds, alerts: alerts, daemon: daemon ? Self.running : nil), now: Self.now
        ).problems
    }

    @Test func aRunningDaemonWithFeedsOnScheduleIsOK() {
        #expect(problems([Self.feed("a", due: 300), Self.feed("b", due: -1_700)]).isEmpty)
        // failing feeds short of all are reported but not wrong
        #expect(problems([Self.feed("a", due: 300, error: "HTTP 500"), Self.feed("b", due: 300)]).isEmpty)
        // alerts waiting for their first delivery (or held back by max_per_hour) are not wrong
        #expect(problems([Self.feed("a", due: 300)], alerts: .init(pending: 3, sent: 9)).isEmpty)
    }

    @Test func noDaemonIsWrong() {
        #expect(
            problems([Self.feed("a", due: 300)], daemon: false) == [
                "no daemon runs (start it: systemctl start mentionwatch)"
            ])
    }

    @Test func aFeedDueMoreThanTwiceItsIntervalAgoIsWrong() {
        #expect(problems([Self.feed("a", due: -1_799)]).isEmpty)
        #expect(
            problems([Self.feed("a", due: -1_801)]) == [
                "feed a is overdue: its poll was due 1801 s ago (interval 900 s); the poller may be stuck"
            ])
        // a short interval gets a minute's grace: politeness may hold a poll back a little
        #expect(problems([Self.feed("a", due: -59, interval: 1)]).isEmpty)
        #expect(problems([Self.feed("a", due: -61, interval: 1)]).count == 1)
        // never polled: due since the daemon started, an hour ago
        #expect(problems([Self.feed("a", due: nil, interval: 3_600)]).isEmpty)
        #expect(problems([Self.feed("a", due: nil, interval: 1_000)]).count == 1)
    }

    @Test func alertsWaitingAfterAFailedDeliveryAreWrong() {
        #expect(
            problems([Self.feed("a", due: 300)], alerts: .init(pending: 1, failed: 2, lastError: "spool: disk full"))
                == ["2 alert(s) wait after a failed delivery: spool: disk full"])
    }

    @Test func everyFeedFailingIsWrong() {
        #expect(
            problems([Self.feed("a", due: 300, error: "DNS: x"), Self.feed("b", due: 300, error: "HTTP 404")]) == [
                "every feed fails: nothing is being watched"
            ])
    }
}
