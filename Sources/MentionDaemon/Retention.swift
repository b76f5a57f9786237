import Foundation
import Logging
import MentionStore

/// Retention (docs/operations.md): unflagged mentions are forgotten after `storage.retention.unflagged`.
struct Retention {
    let store: Store
    let errors: DatabaseErrors
    let logger: Logger

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
