import Foundation
import Logging
import MentionConfig
import MentionFetch
import TestSupport
import Testing

@testable import MentionDaemon

/// Politeness seen from the host's side: a real loopback server logs when each request arrives,
/// while the daemon's poller or `poll --once`'s path polls feeds that share that host.
struct HostPolitenessPollTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let timeout = 2.0
    static let interval = 1.0

    /// Three feeds on 127.0.0.1, one of them holding its request for the whole timeout.
    static func monitor(_ server: FeedServer) throws -> Monitor {
        try server.write("a.xml", "<rss version=\"2.0\"><channel><title>a</title></channel></rss>")
        try server.write("b.xml", "<rss version=\"2.0\"><channel><title>b</title></channel></rss>")
        let yaml = """
            school: { name: Praktijkschool De Zeehoek }
            feeds:
              - { id: slow, url: "\(server.url("slow"))", allow_private: true }
              - { id: a, url: "\(server.feedURL("a.xml"))", allow_private: true }
              - { id: b, url: "\(server.feedURL("b.xml"))", allow_private: true }
            storage: { database: mw.sqlite }
            alerts: { spool: "maildir:mt" }
            digest: { spool: "maildir:coordinator" }
            fetch: { concurrency: 8, per_host: 1, host_interval: \(Int(interval))s, timeout: \(Int(timeout))s }
            """
        let config = try ConfigParser.parse(yaml, file: "t.yaml", baseDirectory: Paths.temporaryFolder("politeness"))
        return try Monitor(config: config, logger: quiet)
    }

    /// per_host 1: each request starts only after the one before has ended (the slow one ends at the
    /// timeout), and never sooner than host_interval after the one before started.
    static func expectOneAtATimeAndSpaced(_ arrivals: [(path: String, time: Double)]) {
        #expect(arrivals.count == 3, "\(arrivals)")
        for (previous, next) in zip(arrivals, arrivals.dropFirst()) {
            let ended = previous.time + (previous.path.hasPrefix("/slow") ? timeout : 0)
            #expect(next.time >= ended - 0.1, "\(next.path) started while \(previous.path) ran: \(arrivals)")
            #expect(
                next.time - previous.time >= interval - 0.05,
                "\(next.path) came within host_interval of \(previous.path): \(arrivals)")
        }
    }

    @Test func pollOnceNeverOverlapsTwoFeedsOfOneHostAndKeepsTheInterval() async throws {
        let server = try FeedServer()
        let summaries = try await Self.monitor(server).pollAll()
        #expect(summaries.map(\.feedID) == ["slow", "a", "b"])
        #expect(
            summaries[0].error == "timeout (no complete answer within 2 s)" && summaries[1].error == nil
                && summaries[2].error == nil)
        Self.expectOneAtATimeAndSpaced(try await server.arrivals())
    }

    @Test func theDaemonsPollerNeverOverlapsTwoFeedsOfOneHostAndKeepsTheInterval() async throws {
        let server = try FeedServer()
        let monitor = try Self.monitor(server)
        let poller = Task { try await PollerService(monitor: monitor, logger: Self.quiet).run() }
        // All three are due at once; wait until the server has seen each (or give up after 15 s).
        for _ in 0..<150 where try await server.arrivals().count < 3 {
            try await Task.sleep(for: .milliseconds(100))
        }
        poller.cancel()
        _ = try? await poller.value
        Self.expectOneAtATimeAndSpaced(try await server.arrivals())
    }

    @Test func aRoundAfterShutdownEndsAtOnceWithEveryFeedStopped() async throws {
        let server = try FeedServer()
        let monitor = try Self.monitor(server)
        await monitor.stopFetching()
        let summaries = await monitor.pollAll()
        #expect(summaries.map(\.feedID) == ["slow", "a", "b"])
        #expect(summaries.allSatisfy { $0.error == "stopped before it finished (shutdown)" }, "\(summaries)")
        #expect(try await server.arrivals().isEmpty)
    }
}
