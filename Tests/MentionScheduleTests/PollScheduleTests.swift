import Foundation
import Testing

@testable import FeedKit
@testable import MentionConfig
@testable import MentionSchedule

/// The scheduling decisions as tables: (interval, outcome, failures in a row) → delay.
struct PollScheduleTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    let schedule = PollSchedule()

    func delay(_ interval: Seconds, _ outcome: PollOutcome, failures: Int = 0, jitter: Double = 0) -> Seconds {
        Int(
            schedule.nextPoll(interval: interval, outcome: outcome, failures: failures, now: Self.now, jitter: jitter)
                .timeIntervalSince(Self.now))
    }

    @Test(arguments: [
        // (interval, outcome, expected delay)
        (900, PollOutcome(.fetched), 900),
        (900, PollOutcome(.notModified), 900),
        (900, PollOutcome(.fetched, cacheMaxAge: 3_600), 3_600),  // max-age is a lower bound
        (900, PollOutcome(.fetched, cacheMaxAge: 60), 900),  // ... never a reason to poll more often
        (900, PollOutcome(.fetched, ttl: 7_200), 7_200),  // RSS <ttl> likewise
        (900, PollOutcome(.fetched, cacheMaxAge: 31_536_000), 86_400),  // a year is capped at a day
    ])
    func successesWaitTheIntervalOrWhatTheHostAsks(_ interval: Int, _ outcome: PollOutcome, _ expected: Int) {
        #expect(delay(interval, outcome) == expected)
    }

    @Test(arguments: [(1, 900), (2, 1_800), (3, 3_600), (4, 7_200), (7, 57_600), (8, 86_400), (50, 86_400)])
    func errorsBackOffExponentiallyWithACap(_ failures: Int, _ expected: Int) {
        #expect(delay(900, PollOutcome(.failed), failures: failures) == expected)
    }

    @Test(arguments: [
        (PollOutcome(.rateLimited, retryAfter: "120"), 1, 900),  // Retry-After below the interval: the interval
        (PollOutcome(.rateLimited, retryAfter: "7200"), 1, 7_200),  // above it: Retry-After
        // an HTTP-date, 3 h ahead
        (PollOutcome(.rateLimited, retryAfter: "Wed, 18 Nov 2026 14:06:40 GMT"), 1, 3_600 * 3),
        (PollOutcome(.rateLimited, retryAfter: "999999999"), 1, 86_400),  // capped
        (PollOutcome(.rateLimited, retryAfter: "soon"), 2, 1_800),  // unreadable: backoff
        (PollOutcome(.rateLimited), 3, 3_600),
    ])
    func rateLimitsRespectRetryAfter(_ outcome: PollOutcome, _ failures: Int, _ expected: Int) {
        #expect(delay(900, outcome, failures: failures) == expected)
    }

    @Test(arguments: [(1, 3_600), (2, 7_200), (3, 14_400), (6, 86_400)])
    func forbiddenBacksOffLongerFromAnHour(_ failures: Int, _ expected: Int) {
        #expect(delay(900, PollOutcome(.forbidden), failures: failures) == expected)
    }

    @Test func jitterAddsUpToATenth() {
        #expect(delay(900, PollOutcome(.fetched), jitter: 0.5) == 945)
        #expect(delay(900, PollOutcome(.fetched), jitter: 0.999) == 989)
        #expect(delay(900, PollOutcome(.fetched), jitter: 7) == 990)  // out-of-range jitter is clamped
    }

    @Test func aLongIntervalIsNotCutByTheCap() {
        #expect(delay(2 * 86_400, PollOutcome(.failed), failures: 3) == 2 * 86_400)
        #expect(delay(2 * 86_400, PollOutcome(.fetched)) == 2 * 86_400)
        #expect(delay(2 * 86_400, PollOutcome(.forbidden), failures: 3) == 2 * 86_400)
        #expect(delay(8 * 3_600, PollOutcome(.forbidden), failures: 1) == 86_400)  // 4 x 8 h is capped
    }

    @Test(
        arguments: [
            ("max-age=300", 300), ("public, max-age=600, must-revalidate", 600), ("MAX-AGE=\"60\"", 60),
            ("no-cache, max-age=600", nil), ("no-store", nil), ("private", nil), ("max-age=-5", 0),
            ("=", nil), ("==", nil), (",,", nil), ("max-age=", nil), ("", nil),
        ] as [(String, Int?)])
    func cacheControlMaxAge(_ header: String, _ expected: Int?) {
        #expect(PollSchedule.maxAge(cacheControl: header) == expected)
    }

    @Test func retryAfterInThePastIsZero() {
        #expect(PollSchedule.retryAfterSeconds("Wed, 01 Jan 2020 00:00:00 GMT", now: Self.now) == 0)
        #expect(PollSchedule.retryAfterSeconds("-3", now: Self.now) == nil)
    }

    @Test func silenceIsMuchLongerThanUsual() {
        let daily = (0..<10).map { Self.now.addingTimeInterval(Double(-$0) * 86_400 - 30 * 86_400) }
        #expect(FeedSilence.isSilent(newItemTimes: daily, now: Self.now))  // 30 days after daily items
        // 5 days after
        #expect(!FeedSilence.isSilent(newItemTimes: daily, now: Self.now.addingTimeInterval(-25 * 86_400)))
        #expect(!FeedSilence.isSilent(newItemTimes: Array(daily.prefix(2)), now: Self.now))  // too little history
    }
}
