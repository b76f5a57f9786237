import Foundation
import MentionConfig

/// What the database and the daemon's lock say about a running mentionwatch: the input of
/// `mentionwatch status` and of the metrics file, read by the adapters, judged here.
public struct ServiceSnapshot: Sendable, Equatable {
    public struct Feed: Sendable, Equatable {
        public var id: String
        public var interval: Seconds
        public var lastAttempt: Date?
        public var nextPoll: Date?
        public var failures: Int
        public var lastError: String?

        public init(
            id: String, interval: Seconds, lastAttempt: Date? = nil, nextPoll: Date? = nil, failures: Int = 0,
            lastError: String? = nil
        ) {
            self.id = id
            self.interval = interval
            self.lastAttempt = lastAttempt
            self.nextPoll = nextPoll
            self.failures = failures
            self.lastError = lastError
        }
    }

    /// Alerts by state: `pending` waits for its first delivery, `failed` waits after a delivery the
    /// spool refused (it is retried), `sent` went out.
    public struct Alerts: Sendable, Equatable {
        public var pending = 0
        public var failed = 0
        public var sent = 0
        /// The error of the oldest failed alert.
        public var lastError: String?

        public init(pending: Int = 0, failed: Int = 0, sent: Int = 0, lastError: String? = nil) {
            (self.pending, self.failed, self.sent, self.lastError) = (pending, failed, sent, lastError)
        }
    }

    /// The daemon holding the lock: its pid and when it started.
    public struct Daemon: Sendable, Equatable {
        public var pid: Int32?
        public var since: Date?

        public init(pid: Int32?, since: Date?) { (self.pid, self.since) = (pid, since) }
    }

    /// Configured feeds only, in config order.
    public var feeds: [Feed]
    public var alerts: Alerts
    public var daemon: Daemon?

    public init(feeds: [Feed], alerts: Alerts, daemon: Daemon?) {
        (self.feeds, self.alerts, self.daemon) = (feeds, alerts, daemon)
    }

    /// When any feed was last polled.
    public var lastPoll: Date? { feeds.compactMap(\.lastAttempt).max() }
    public var failingFeeds: [Feed] { feeds.filter { $0.lastError != nil } }
}

/// The verdict of `mentionwatch status` (docs/operations.md, "Status"). Something is wrong when:
/// no daemon holds the lock; a feed is overdue (its poll was due more than twice its interval ago,
/// and at least `grace` ago: the poller is stuck); an alert waits after a failed delivery; or every
/// feed fails (nothing is being watched). Failing feeds short of all are reported, not wrong: one
/// site being down is not the service's fault.
public struct ServiceStatus: Sendable, Equatable {
    public var problems: [String] = []
    public var ok: Bool { problems.isEmpty }

    /// Politeness (host intervals, the window of polls in flight) may hold a due poll back a little.
    public static let grace: Seconds = 60

    public init(_ snapshot: ServiceSnapshot, now: Date) {
        guard let daemon = snapshot.daemon else {
            problems.append("no daemon runs (start it: systemctl start mentionwatch)")
            judgeAlertsAndFeeds(snapshot)
            return
        }
        for feed in snapshot.feeds {
            // A feed never polled is due since the daemon started.
            guard let due = feed.nextPoll ?? daemon.since else { continue }
            let late = now.timeIntervalSince(due)
            if late > Double(max(2 * feed.interval, Self.grace)) {
                problems.append(
                    "feed \(feed.id) is overdue: its poll was due \(Int(late)) s ago (interval \(feed.interval) s); the poller may be stuck"
                )
            }
        }
        judgeAlertsAndFeeds(snapshot)
    }

    private mutating func judgeAlertsAndFeeds(_ snapshot: ServiceSnapshot) {
        if snapshot.alerts.failed > 0 {
            problems.append(
                "\(snapshot.alerts.failed) alert(s) wait after a failed delivery"
                    + (snapshot.alerts.lastError.map { ": \($0)" } ?? ""))
        }
        if !snapshot.feeds.isEmpty, snapshot.failingFeeds.count == snapshot.feeds.count {
            problems.append("every feed fails: nothing is being watched")
        }
    }
}
