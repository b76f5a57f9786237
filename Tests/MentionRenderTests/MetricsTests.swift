import Foundation
import TestSupport
import Testing

@testable import MentionRender
@testable import MentionSchedule

/// The metrics file's text: byte for byte as reviewed, and valid to a strict reader of the format.
struct MetricsTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/metrics.prom"
    ).path

    static func rendered() -> String {
        var counters = PollCounters()
        counters.polls = 120
        counters.fetchErrors = ["http": 3, "dns": 1, "parse": 2]
        counters.items = 87
        counters.mentions = 5
        counters.deliveryFailures = 1
        let service = ServiceSnapshot(
            feeds: [
                .init(id: "a", interval: 900, lastAttempt: Date(timeIntervalSince1970: 1_795_000_000)),
                .init(
                    id: "b", interval: 900, lastAttempt: Date(timeIntervalSince1970: 1_795_000_060),
                    lastError: "HTTP 500"),
                .init(id: "c", interval: 900),
            ],
            alerts: .init(pending: 1, failed: 2, sent: 40), daemon: nil)
        return Metrics.text(counters, service)
    }

    /// After an intended change: UPDATE_GOLDEN=1 swift test --filter MetricsTests, then review the diff.
    @Test func rendersLikeTheGoldenFile() throws {
        let rendered = Self.rendered()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: Self.golden))
        }
        #expect(rendered == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    @Test func isValidExpositionFormat() throws {
        let (samples, types) = try PrometheusText.parse(Self.rendered())
        #expect(samples[#"mentionwatch_fetch_errors_total{kind="http"}"#] == 3)
        #expect(samples[#"mentionwatch_fetch_errors_total{kind="tls"}"#] == 0)
        #expect(samples[#"mentionwatch_alerts{state="failed"}"#] == 2)
        #expect(samples["mentionwatch_last_poll_timestamp_seconds"] == 1_795_000_060)
        #expect(samples["mentionwatch_feeds_failing"] == 1)
        #expect(types["mentionwatch_polls_total"] == "counter")
        #expect(types["mentionwatch_alerts"] == "gauge")
    }

    @Test func labelValuesAreEscaped() throws {
        var counters = PollCounters()
        counters.fetchErrors = ["odd \"kind\"\\\n": 1]
        let text = Metrics.text(counters, ServiceSnapshot(feeds: [], alerts: .init(), daemon: nil))
        #expect(text.contains(#"mentionwatch_fetch_errors_total{kind="odd \"kind\"\\\n"} 1"#))
        // every kind and the odd one, 9 other samples; no last poll yet: that family has none
        #expect(try PrometheusText.parse(text).samples.count == Metrics.fetchErrorKinds.count + 1 + 9)
    }

    @Test func theStrictReaderRefusesWhatTheCollectorWould() {
        for bad in [
            "# TYPE x gauge\nx 1\n",  // no HELP
            "# HELP x h\n# TYPE x counter\nx 1\n",  // counter without _total
            "# HELP x h\n# TYPE x gauge\nx 1\nx 2\n",  // a series twice
            "# HELP x h\n# TYPE x gauge\nx 1",  // no final line feed
            "# HELP x h\n# TYPE x gauge\nx{kind=\"a} 1\n",  // broken label
        ] {
            #expect(throws: PrometheusText.Invalid.self) { try PrometheusText.parse(bad) }
        }
    }
}
