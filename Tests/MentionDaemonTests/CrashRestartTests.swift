import Foundation
import TestSupport
import Testing

/// `mentionwatch run` killed with SIGKILL during a poll (no graceful shutdown) and started again:
/// the feed it died in is polled again at once, not one interval later; a feed it had finished keeps
/// its schedule.
struct CrashRestartTests {
    /// Its log goes to `log` (appended), to be shown when the test fails.
    static func start(_ config: String, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["run", "--config", config]
        if !FileManager.default.fileExists(atPath: log) {
            _ = FileManager.default.createFile(atPath: log, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        try handle.seekToEnd()
        process.standardError = handle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func aFeedInFlightAtAKillIsPolledAtOnceAfterTheRestart() async throws {
        let server = try FeedServer()
        let atom = try String(
            contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/mastodon-dezeehoek.atom",
            encoding: .utf8)
        try server.write("a.atom", atom)
        let folder = Paths.temporaryFolder("restart")
        let config = folder + "/feeds.yaml"
        // b is the server's /slow: one byte a second, logged as it starts, so the kill comes while its fetch is
        // in flight (the fetcher gives up only after 30 s below 100 bytes a second). Both wait an hour after a poll.
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds:
              - { id: a, url: "\(server.feedURL("a.atom"))", allow_private: true, interval: 1h }
              - { id: b, url: "\(server.url("slow"))", allow_private: true, interval: 1h }
            alerts: { spool: "maildir:maildir" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))

        let first = try Self.start(config, log: folder + "/log")
        defer { if first.isRunning { first.terminate() } }
        var arrivals = try await server.arrivals()
        func fetches(_ prefix: String) -> [Double] { arrivals.filter { $0.path.hasPrefix(prefix) }.map(\.time) }
        for _ in 0..<200 where fetches("/slow").isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            arrivals = try await server.arrivals()
        }
        try #require(fetches("/feeds/a.atom").count == 1 && fetches("/slow").count == 1, "\(arrivals)")
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let killedAt = Date().timeIntervalSince1970

        let second = try Self.start(config, log: folder + "/log")
        defer { if second.isRunning { second.terminate() } }
        let restartedAt = Date().timeIntervalSince1970
        for _ in 0..<150 where fetches("/slow").count < 2 {
            try await Task.sleep(for: .milliseconds(100))
            arrivals = try await server.arrivals()
        }
        let b = fetches("/slow")
        let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        try #require(
            b.count == 2,
            "b fetched \(b.count) times, expected once before the kill and once after; killed at \(killedAt), restarted at \(restartedAt), requests: \(arrivals), log:\n\(log)"
        )
        #expect(killedAt - b[0] < 25, "b's first fetch was still in flight when the daemon was killed")
        #expect(b[1] - restartedAt < 5, "b was polled \(b[1] - restartedAt) s after the restart")
        #expect(log.contains("feed b: mentionwatch ended during its poll; polling it again at"))
        #expect(fetches("/feeds/a.atom").count == 1, "a finished before the kill: its next poll is an hour later")
        kill(second.processIdentifier, SIGTERM)
        second.waitUntilExit()
        #expect(second.terminationStatus == 0)
    }

    /// The same for `poll --once` (from cron, say): with no daemon running, it polls the feed the killed one died in.
    @Test func pollOnceAfterAKillPollsTheFeedInFlight() async throws {
        let server = try FeedServer()
        let folder = Paths.temporaryFolder("restart-once")
        let config = folder + "/feeds.yaml"
        func write(timeout: String) throws {
            try Data(
                """
                school: { name: Praktijkschool De Zeehoek }
                feeds: [{ id: b, url: "\(server.url("slow"))", allow_private: true, interval: 1h }]
                alerts: { spool: "maildir:maildir" }
                digest: { spool: "maildir:coordinator" }
                storage: { database: mw.sqlite }
                fetch: { timeout: \(timeout) }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
        }
        try write(timeout: "60s")
        let daemon = try Self.start(config, log: folder + "/log")
        defer { if daemon.isRunning { daemon.terminate() } }
        for _ in 0..<200 where try await server.arrivals().isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()

        try write(timeout: "1s")  // so the second fetch of /slow ends soon
        let outcome = try CommandLineTests.mentionwatch(["poll", "--once", "--config", config])
        #expect(outcome.stdout.hasPrefix("b: FAILED: timeout"), "\(outcome.stdout)")
        #expect(try await server.arrivals().count == 2)
    }
}
