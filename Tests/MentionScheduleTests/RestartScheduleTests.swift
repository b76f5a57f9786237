import Foundation
import Testing

@testable import MentionSchedule

/// After the process died during a feed's poll: at once the first time, backing off when it happens in a row.
struct RestartScheduleTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    let restart = RestartSchedule()

    func delay(failures: Int, lastError: String?) -> Double {
        restart.nextPoll(interval: 900, failures: failures, lastError: lastError, now: Self.now)
            .timeIntervalSince(Self.now)
    }

    @Test func aFirstInterruptionIsPolledAtOnce() {
        #expect(delay(failures: 1, lastError: nil) == 0)
        // a feed failing for another reason is not held back by a kill from outside either
        #expect(delay(failures: 4, lastError: "HTTP 500") == 0)
    }

    @Test(arguments: [(2, 900.0), (3, 1_800.0), (4, 3_600.0), (30, 86_400.0)])
    func interruptionsInARowBackOffAsFailures(_ failures: Int, _ expected: Double) {
        #expect(delay(failures: failures, lastError: RestartSchedule.interruptedError) == expected)
    }
}
