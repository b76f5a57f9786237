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
        // b is the server's /hang: headers, then nothing, so its fetch is in flight whenever the kill comes
        // (timeouts of 10 minutes; the test may be slow to get there on a busy machine). Both wait an hour after a poll.
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds:
              - { id: a, url: "\(server.feedURL("a.atom"))", allow_private: true, interval: 1h }
              - { id: b, url: "\(server.url("hang"))", allow_private: true, interval: 1h }
            alerts: { spool: "maildir:maildir" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            fetch: { timeout: 10m, low_speed_time: 10m }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))

        let first = try Self.start(config, log: folder + "/log")
        defer { if first.isRunning { first.terminate() } }
        var arrivals = try await server.arrivals()
        func fetches(_ prefix: String) -> [Double] { arrivals.filter { $0.path.hasPrefix(prefix) }.map(\.time) }
        // a's two alerts in the Maildir: its poll is recorded (delivery follows it).
        func delivered() -> Int {
            (try? FileManager.default.contentsOfDirectory(atPath: folder + "/maildir/new"))?.count ?? 0
        }
        for _ in 0..<600 where fetches("/hang").isEmpty || delivered() < 2 {
            try await Task.sleep(for: .milliseconds(100))
            arrivals = try await server.arrivals()
        }
        try #require(fetches("/feeds/a.atom").count == 1 && fetches("/hang").count == 1, "\(arrivals)")
        try #require(delivered() == 2)
        kill(first.processIdentifier, SIGKILL)
        first.waitUntilExit()
        let killedAt = Date().timeIntervalSince1970

        let second = try Self.start(config, log: folder + "/log")
        defer { if second.isRunning { second.terminate() } }
        let restartedAt = Date().timeIntervalSince1970
        for _ in 0..<300 where fetches("/hang").count < 2 {
            try await Task.sleep(for: .milliseconds(100))
            arrivals = try await server.arrivals()
        }
        let b = fetches("/hang")
        let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        try #require(
            b.count == 2,
            "b fetched \(b.count) times, expected once before the kill and once after; killed at \(killedAt), restarted at \(restartedAt), requests: \(arrivals), log:\n\(log)"
        )
        #expect(b[0] < killedAt)
        // At once: within seconds, however busy the machine (it would be an hour, b's interval, otherwise).
        #expect(b[1] - restartedAt < 30, "b was polled \(b[1] - restartedAt) s after the restart")
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
                feeds: [{ id: b, url: "\(server.url("hang"))", allow_private: true, interval: 1h }]
                alerts: { spool: "maildir:maildir" }
                digest: { spool: "maildir:coordinator" }
                storage: { database: mw.sqlite }
                fetch: { timeout: \(timeout), low_speed_time: 10m }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
        }
        try write(timeout: "10m")
        let daemon = try Self.start(config, log: folder + "/log")
        defer { if daemon.isRunning { daemon.terminate() } }
        for _ in 0..<600 where try await server.arrivals().isEmpty { try await Task.sleep(for: .milliseconds(100)) }
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()

        try write(timeout: "1s")  // so the second fetch of /hang ends soon
        let outcome = try CommandLineTests.mentionwatch(["poll", "--once", "--config", config])
        #expect(outcome.stdout.hasPrefix("b: FAILED: timeout"), "\(outcome.stdout)")
        #expect(try await server.arrivals().count == 2)
    }
}
