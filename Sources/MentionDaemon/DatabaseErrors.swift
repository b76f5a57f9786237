import Foundation
import Logging

/// Database errors the daemon handled itself instead of handing them to a caller: each is logged
/// once, with its feed when there is one, and counted, so `poll --once` and the log can say how many.
/// Owned by `Monitor` and used only on it.
final class DatabaseErrors {
    private let logger: Logger
    private(set) var count = 0

    init(logger: Logger) {
        self.logger = logger
    }

    /// Logs and counts an error met while doing `action` ("record the poll").
    func record(_ error: any Error, while action: String, feedID: String? = nil) {
        count += 1
        if let feedID {
            logger.error("database: cannot \(action) of feed \(feedID): \(error)", metadata: ["feed": "\(feedID)"])
        } else {
            logger.error("database: cannot \(action): \(error)")
        }
    }

    /// Counts an error that its caller logs in its own words.
    func countLoggedElsewhere() {
        count += 1
    }
}
