import Foundation
import Testing

@testable import MentionConfig

/// `metrics.textfile`: resolved beside the config, and only a `.prom` file (node_exporter reads no other).
struct MetricsConfigTests {
    static let base = "school: { name: X }\nfeeds: [{ id: a, url: \"https://a.example/rss\" }]\n"

    @Test func aTextfileIsResolvedBesideTheConfig() throws {
        let config = try ConfigParser.parse(
            Self.base + "metrics: { textfile: metrics/mw.prom }\n", file: "feeds.yaml", baseDirectory: "/etc/mw")
        #expect(config.metrics.textfile == "/etc/mw/metrics/mw.prom")
        #expect(try ConfigParser.parse(Self.base, file: "feeds.yaml", baseDirectory: "/etc/mw").metrics.textfile == nil)
    }

    @Test(arguments: [
        (
            "metrics: { textfile: /var/lib/node/mw.txt }\n",
            "3:22: metrics.textfile: must name a file ending in .prom (node_exporter reads only those), not '/var/lib/node/mw.txt'"
        ),
        ("metrics: { file: x.prom }\n", "3:12: metrics.file: "),
    ])
    func badSettingsNameTheKey(_ yaml: String, _ expected: String) {
        do {
            _ = try ConfigParser.parse(Self.base + yaml, file: "feeds.yaml", baseDirectory: "/etc/mw")
            Issue.record("accepted \(yaml)")
        } catch {
            #expect(
                error.issues.map(\.description).contains { $0.hasPrefix("feeds.yaml:" + expected) }, "\(error.issues)")
        }
    }
}
