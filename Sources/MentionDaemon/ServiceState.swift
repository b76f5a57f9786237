import Foundation
import MentionConfig
import MentionSchedule
import MentionStore

/// Reads a `ServiceSnapshot` from the database and the daemon's lock (`mentionwatch status`, metrics).
public enum ServiceState {
    public struct NoDatabase: Error, CustomStringConvertible {
        public var path: String
        public var description: String { "no database at \(path): the daemon has never run with this configuration" }
    }

    /// For `status`, from outside the daemon: never creates the database, never registers feeds.
    public static func read(_ config: Config) throws -> ServiceSnapshot {
        let path = config.storage.database
        guard FileManager.default.fileExists(atPath: path) else { throw NoDatabase(path: path) }
        let holder = try DaemonLock.holder(path: DaemonLock.path(forDatabase: path))
        return try snapshot(
            config, store: Store(path: path),
            daemon: holder.map { ServiceSnapshot.Daemon(pid: $0.pid, since: $0.since) })
    }

    static func snapshot(_ config: Config, store: Store, daemon: ServiceSnapshot.Daemon?) throws -> ServiceSnapshot {
        let records = Dictionary(uniqueKeysWithValues: try store.allFeeds().map { ($0.id, $0) })
        let feeds = config.feeds.map { feed in
            let record = records[feed.id]
            return ServiceSnapshot.Feed(
                id: feed.id, interval: feed.interval, lastAttempt: record?.lastAttempt, nextPoll: record?.nextPoll,
                failures: record?.failures ?? 0, lastError: record?.lastError)
        }
        let alerts = try store.alertStates()
        return ServiceSnapshot(
            feeds: feeds,
            alerts: .init(
                pending: alerts.pending, failed: alerts.failed, sent: alerts.sent, lastError: alerts.lastError),
            daemon: daemon)
    }
}
