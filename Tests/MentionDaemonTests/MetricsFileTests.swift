import Foundation
import TestSupport
import Testing

/// The metrics file the daemon writes for node_exporter, read back as the collector would.
struct MetricsFileTests {
    @Test func theDaemonWritesValidMetricsAfterItsPolls() async throws {
        let server = try FeedServer.servingDemoTag()
        let folder = Paths.temporaryFolder("metrics")
        try FileManager.default.createDirectory(atPath: folder + "/textfile", withIntermediateDirectories: true)
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
            feeds:
              - { id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, interval: 1h }
              - { id: broken, url: "\(server.url("status/500"))", allow_private: true, interval: 1h }
            alerts: { spool: "maildir:maildir" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            metrics: { textfile: textfile/mentionwatch.prom }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        let started = Date().timeIntervalSince1970

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        daemon.arguments = ["run", "--config", config]
        daemon.standardError = FileHandle.nullDevice
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { daemon.terminate() } }

        let path = folder + "/textfile/mentionwatch.prom"
        var samples: [String: Double] = [:]
        var types: [String: String] = [:]
        for _ in 0..<600 {
            if let text = try? String(contentsOfFile: path, encoding: .utf8) {
                (samples, types) = try PrometheusText.parse(text)  // never half-written: it is renamed into place
                if samples["mentionwatch_polls_total"] == 2, samples[#"mentionwatch_alerts{state="sent"}"#] == 2 {
                    break
                }
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(samples["mentionwatch_polls_total"] == 2)
        #expect(samples[#"mentionwatch_fetch_errors_total{kind="http"}"#] == 1)
        #expect(samples[#"mentionwatch_fetch_errors_total{kind="dns"}"#] == 0)
        #expect((samples["mentionwatch_items_total"] ?? 0) >= 2)
        #expect((samples["mentionwatch_mentions_total"] ?? 0) >= 2)
        #expect(samples[#"mentionwatch_alerts{state="sent"}"#] == 2)
        #expect(samples[#"mentionwatch_alerts{state="pending"}"#] == 0)
        #expect(samples["mentionwatch_delivery_failures_total"] == 0)
        #expect(samples["mentionwatch_feeds"] == 2)
        #expect(samples["mentionwatch_feeds_failing"] == 1)
        let lastPoll = samples["mentionwatch_last_poll_timestamp_seconds"] ?? 0
        #expect(lastPoll >= started.rounded(.down) && lastPoll <= Date().timeIntervalSince1970)
        #expect(types["mentionwatch_items_total"] == "counter")
        #expect(types["mentionwatch_last_poll_timestamp_seconds"] == "gauge")
        // Readable by node_exporter's user, and no temporary file left beside it.
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/textfile") == ["mentionwatch.prom"])

        kill(daemon.processIdentifier, SIGTERM)
        daemon.waitUntilExit()
        #expect(daemon.terminationStatus == 0)
    }

    @Test func checkRefusesAMetricsFolderThatIsNotThere() throws {
        let config = try CommandLineTests.writeConfig(
            """
            school: { name: X }
            feeds: [{ id: a, url: "https://a.example/rss" }]
            storage: { database: mw.sqlite }
            alerts: { spool: "maildir:mt" }
            digest: { spool: "maildir:coordinator" }
            metrics: { textfile: missing/mentionwatch.prom }
            """)
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        let folder = (config as NSString).deletingLastPathComponent
        #expect(outcome.status == 78)
        #expect(
            outcome.stderr.contains(
                "\(config): metrics.textfile: folder \(folder)/missing does not exist or is not writable"))
    }
}
