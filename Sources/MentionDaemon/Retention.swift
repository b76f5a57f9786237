import Foundation
import Logging
import MentionConfig
import MentionStore

/// Retention (docs/operations.md): unflagged mentions are forgotten after `storage.retention.unflagged`;
/// closed cases after `closed_cases` (afgehandeld) or `false_alarms` (vals alarm); open cases never.
/// Each recipient's answer to a mail is kept 90 days: long enough for any retry of that mail.
struct Retention {
    static let recipientAnswers: TimeInterval = 90 * 86_400

    let store: Store
    let errors: DatabaseErrors
    let logger: Logger

    func enforce(_ storage: StorageSettings, at now: Date) {
        enforce(retainUnflagged: storage.retainUnflagged, at: now)
        for (state, period) in [
            (CaseState.closed, storage.retainClosedCases), (.falseAlarm, storage.retainFalseAlarms),
        ] {
            do {
                let purged = try store.purgeCases(
                    state, closedBefore: now.addingTimeInterval(-TimeInterval(period)), at: now)
                if !purged.isEmpty {
                    logger.notice(
                        "retention: purged \(purged.count) cases '\(state.rawValue)': \(purged.joined(separator: ", "))"
                    )
                }
            } catch {
                errors.record(
                    error, while: "purge '\(state.rawValue)' cases past the retention period (retried within the hour)")
            }
        }
        do {
            try store.purgeRecipients(before: now.addingTimeInterval(-Self.recipientAnswers))
        } catch {
            errors.record(error, while: "forget recipients' answers older than 90 days (retried within the hour)")
        }
    }

    func enforce(retainUnflagged: Int, at now: Date) {
        let cutoff = now.addingTimeInterval(-TimeInterval(retainUnflagged))
        do {
            let purged = try store.purgeUnflagged(before: cutoff)
            if purged > 0 {
                logger.info("retention: forgot \(purged) unflagged mentions older than the retention period")
            }
        } catch {
            errors.record(error, while: "forget unflagged mentions past the retention period (retried within the hour)")
        }
    }
}
