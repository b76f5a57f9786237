import FeedKit
import Foundation
import MentionSchedule

/// `mentionwatch status` for a person (the text) and for a program (`--json`).
public enum StatusText {
    public static func text(_ snapshot: ServiceSnapshot, _ status: ServiceStatus, now: Date) -> String {
        var lines = [status.ok ? "mentionwatch: OK" : "mentionwatch: NOT OK"]
        if let daemon = snapshot.daemon {
            lines.append(
                "daemon: running (pid \(daemon.pid.map(String.init) ?? "?")"
                    + (daemon.since.map { ", since \(FeedDate.rfc3339($0))" } ?? "") + ")")
        } else {
            lines.append("daemon: not running")
        }
        lines.append(
            "last poll: "
                + (snapshot.lastPoll.map { "\(FeedDate.rfc3339($0)) (\(Int(now.timeIntervalSince($0))) s ago)" }
                    ?? "never"))
        let alerts = snapshot.alerts
        lines.append("alerts: \(alerts.pending) pending, \(alerts.failed) failed (retried), \(alerts.sent) sent")
        let failing = snapshot.failingFeeds
        lines.append("feeds: \(snapshot.feeds.count), \(failing.count) failing")
        for feed in failing {
            lines.append("  \(feed.id): \(feed.lastError ?? "") (\(feed.failures) in a row)")
        }
        if !status.ok {
            lines.append("problems:")
            lines += status.problems.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON: times in RFC 3339 UTC, absent values left out.
    public struct JSON: Encodable {
        struct Daemon: Encodable {
            var pid: Int32?
            var since: String?
        }
        struct Alerts: Encodable {
            var pending, failed, sent: Int
            var lastError: String?
        }
        struct Feed: Encodable {
            var id, error: String
            var failures: Int
        }
        var ok: Bool
        var daemon: Daemon?
        var lastPoll: String?
        var alerts: Alerts
        var feeds: Int
        var failingFeeds: [Feed]
        var problems: [String]

        public init(_ snapshot: ServiceSnapshot, _ status: ServiceStatus) {
            ok = status.ok
            daemon = snapshot.daemon.map { Daemon(pid: $0.pid, since: $0.since.map(FeedDate.rfc3339)) }
            lastPoll = snapshot.lastPoll.map(FeedDate.rfc3339)
            let alerts = snapshot.alerts
            self.alerts = Alerts(
                pending: alerts.pending, failed: alerts.failed, sent: alerts.sent, lastError: alerts.lastError)
            feeds = snapshot.feeds.count
            failingFeeds = snapshot.failingFeeds.map {
                Feed(id: $0.id, error: $0.lastError ?? "", failures: $0.failures)
            }
            problems = status.problems
        }
    }
}
