import Foundation
import MentionConfig

/// When a feed is polled after the process died during its poll (SIGKILL, the OOM killer, power loss,
/// or a crash the feed itself caused): a pure decision from what the store kept.
///
/// A feed that was not being polled needs nothing here: its stored next poll came from its last
/// finished poll (with every backoff and host signal in it), and a feed never polled has none, so
/// both are due as that says, at once when overdue.
public struct RestartSchedule: Sendable {
    /// The message an interrupted poll leaves as the feed's last error: the next interruption in a
    /// row recognises it.
    public static let interruptedError =
        "interrupted: mentionwatch ended during this poll (killed, crashed or lost power)"

    let schedule: PollSchedule

    public init(schedule: PollSchedule = PollSchedule()) {
        self.schedule = schedule
    }

    /// - Parameters:
    ///   - failures: failures in a row, counting this interruption.
    ///   - lastError: the feed's last error before this interruption.
    /// - Returns: now the first time, since one kill from outside says nothing about the feed; after
    ///   an interruption in a row, the backoff of a failure, so a feed that crashes the process cannot
    ///   keep the other feeds from being polled (systemd restarts the service each time).
    public func nextPoll(interval: Seconds, failures: Int, lastError: String?, now: Date) -> Date {
        guard lastError == Self.interruptedError else { return now }
        return schedule.nextPoll(
            interval: interval, outcome: PollOutcome(.failed), failures: max(1, failures - 1), now: now, jitter: 0)
    }
}
