import Foundation
import MentionSchedule

extension Monitor {
    /// Decides anew the polls the last process died in (`RestartSchedule`). Call it only with the
    /// daemon's lock held: another mentionwatch's poll in flight would look the same.
    /// - Returns: each such feed and when it is polled now.
    public func recoverInterruptedPolls() throws -> [(feedID: String, nextPoll: Date)] {
        let restart = RestartSchedule()
        let intervals = Dictionary(config.feeds.map { ($0.id, $0.interval) }, uniquingKeysWith: { first, _ in first })
        return try store.interruptedPolls().map { record in
            let next = restart.nextPoll(
                interval: intervals[record.id] ?? 15 * 60, failures: record.failures + 1, lastError: record.lastError,
                now: now())
            try store.recordInterruption(feedID: record.id, error: RestartSchedule.interruptedError, nextPoll: next)
            return (record.id, next)
        }
    }
}
