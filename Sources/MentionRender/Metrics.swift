import Foundation
import MentionSchedule

/// What the daemon counted since it started (counters restart at 0 with the process, as Prometheus expects).
public struct PollCounters: Sendable, Equatable {
    /// Polls that ended (fetched, 304 or failed; not those cut off by a shutdown).
    public var polls = 0
    /// Failed polls by `Metrics.fetchErrorKinds`.
    public var fetchErrors: [String: Int] = [:]
    /// New items stored, and those among them that mention the school or staff.
    public var items = 0
    public var mentions = 0
    /// Delivery rounds the alert spool refused (a round stops at the first refusal).
    public var deliveryFailures = 0

    public init() {}
}

/// The daemon's metrics in the Prometheus text exposition format 0.0.4, for node_exporter's
/// textfile collector (docs/operations.md, "Metrics").
public enum Metrics {
    /// The kinds of failed polls: the fetcher's errors, then the feed's (`parse`) and ours (`database`).
    /// All are written, 0 when none happened, so a rate over a kind exists before its first error.
    public static let fetchErrorKinds = [
        "dns", "connection_refused", "private_address", "timeout", "connect_timeout", "too_slow", "tls", "http",
        "too_large", "too_many_redirects", "protocol_not_allowed", "incomplete", "other", "parse", "database",
    ]

    public static func text(_ counters: PollCounters, _ service: ServiceSnapshot) -> String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: Int)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { out += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        family(
            "mentionwatch_polls_total", "counter", "Feed polls that ended since the daemon started.",
            [("", counters.polls)])
        let kinds = fetchErrorKinds + counters.fetchErrors.keys.filter { !fetchErrorKinds.contains($0) }.sorted()
        family(
            "mentionwatch_fetch_errors_total", "counter", "Failed feed polls since the daemon started, by kind.",
            kinds.map { (#"{kind="\#(escape($0))"}"#, counters.fetchErrors[$0] ?? 0) })
        family(
            "mentionwatch_items_total", "counter", "New feed items stored since the daemon started.",
            [("", counters.items)])
        family(
            "mentionwatch_mentions_total", "counter",
            "New feed items that mention the school or its staff, since the daemon started.", [("", counters.mentions)])
        let alerts = service.alerts
        family(
            "mentionwatch_alerts", "gauge",
            "Alerts in the database by state: pending (not tried yet), failed (waiting after a refused delivery), sent.",
            [
                (#"{state="pending"}"#, alerts.pending), (#"{state="failed"}"#, alerts.failed),
                (#"{state="sent"}"#, alerts.sent),
            ])
        family(
            "mentionwatch_delivery_failures_total", "counter",
            "Alert delivery rounds the mail spool refused, since the daemon started.", [("", counters.deliveryFailures)]
        )
        family(
            "mentionwatch_last_poll_timestamp_seconds", "gauge", "When a feed was last polled, in Unix seconds.",
            service.lastPoll.map { [("", Int($0.timeIntervalSince1970))] } ?? [])
        family("mentionwatch_feeds", "gauge", "Feeds configured.", [("", service.feeds.count)])
        family(
            "mentionwatch_feeds_failing", "gauge", "Configured feeds whose last poll failed.",
            [("", service.failingFeeds.count)])
        return out
    }

    /// A label value's escapes (backslash, double quote, line feed), as the format requires.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
