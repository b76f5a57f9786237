import Foundation
import TestSupport
import Testing

/// `mentionwatch status` against a real daemon: exit 0 only while one runs and nothing is wrong.
struct StatusCommandTests {
    static func status(_ config: String, json: Bool = false) throws -> CommandLineTests.Outcome {
        try CommandLineTests.mentionwatch(["status", "--config", config] + (json ? ["--json"] : []))
    }

    static func yaml(feedURL: String, alertSpool: String) -> String {
        """
        school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
        staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
        feeds: [{ id: tag, url: "\(feedURL)", allow_private: true, interval: 1s }]
        alerts: { spool: "\(alertSpool)" }
        digest: { spool: "maildir:coordinator" }
        storage: { database: mw.sqlite }
        """
    }

    @Test func statusFollowsTheDaemonItsAlertsAndItsDeath() async throws {
        let server = try FeedServer.servingDemoTag()
        let folder = Paths.temporaryFolder("status")
        let config = folder + "/feeds.yaml"
        // The MT's Maildir cannot be made: `blocked` is a file. The alerts stay in the outbox.
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder + "/blocked"))
        try Data(Self.yaml(feedURL: server.feedURL("tag.atom"), alertSpool: "maildir:blocked/mt").utf8)
            .write(to: URL(fileURLWithPath: config))

        var outcome = try Self.status(config)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.hasPrefix("mentionwatch: NOT OK\nno database at \(folder)/mw.sqlite"))
        let missing = try Self.status(config, json: true)
        #expect(missing.status == 1)
        let missingObject = try JSONSerialization.jsonObject(with: Data(missing.stdout.utf8)) as? [String: Any]
        #expect(missingObject?["ok"] as? Bool == false)
        #expect(
            (missingObject?["problems"] as? [String])?.first?.hasPrefix("no database at \(folder)/mw.sqlite") == true)

        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        daemon.arguments = ["run", "--config", config]
        daemon.standardError = FileHandle.nullDevice
        daemon.standardOutput = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { daemon.terminate() } }
        // A debug build that loads the lexicon, the word lists and the model on a busy machine may take a
        // few minutes to start and poll: wait by the clock, and stop here if it never did (the second `run` would
        // otherwise take the lock and run forever).
        let started = ContinuousClock.now
        while ContinuousClock.now - started < .seconds(300) {
            outcome = try Self.status(config)
            if outcome.stdout.contains("wait after a failed delivery") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        try #require(daemon.isRunning && outcome.stdout.contains("wait after a failed delivery"), "\(outcome.stdout)")
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "mentionwatch: NOT OK")
        #expect(lines.contains { $0.hasPrefix("daemon: running (pid \(daemon.processIdentifier), since ") })
        #expect(lines.contains { $0.hasPrefix("last poll: 20") })
        // A round stops at the spool's first refusal: the other alert waits its turn.
        #expect(lines.contains("alerts: 1 pending, 1 failed (retried), 0 sent"))
        #expect(lines.contains("feeds: 1, 0 failing"))
        // (the spool's error as delivery words it, the recipient first where it names one)
        #expect(lines.last?.hasPrefix("  - 1 alert(s) wait after a failed delivery: ") == true)
        #expect(lines.last?.hasSuffix("cannot create the Maildir folder \(folder)/blocked/mt: Not a directory") == true)

        // One daemon per database.
        let second = try CommandLineTests.mentionwatch(["run", "--config", config])
        #expect(second.status == 75)
        #expect(
            second.stderr.contains(
                "another mentionwatch (pid \(daemon.processIdentifier)) holds \(folder)/mw.sqlite.lock"))

        // The MT's Maildir fixed and reloaded: the alerts go out on the next round, and all is well.
        try Data(Self.yaml(feedURL: server.feedURL("tag.atom"), alertSpool: "maildir:maildir").utf8)
            .write(to: URL(fileURLWithPath: config))
        kill(daemon.processIdentifier, SIGHUP)
        // Status may say OK between the round's two deliveries (pending is not a problem): wait for both.
        for _ in 0..<200 {
            outcome = try Self.status(config)
            if outcome.status == 0 && outcome.stdout.contains(" 0 pending") { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.hasPrefix("mentionwatch: OK\n"))
        #expect(outcome.stdout.contains("alerts: 0 pending, 0 failed (retried), 2 sent"))
        let json = try Self.status(config, json: true)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["ok"] as? Bool == true)
        #expect((object?["daemon"] as? [String: Any])?["pid"] as? Int == Int(daemon.processIdentifier))
        #expect((object?["alerts"] as? [String: Any])?["sent"] as? Int == 2)

        // Killed without a word: the kernel drops its lock, and status says no daemon runs.
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
        outcome = try Self.status(config)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("daemon: not running\n"))
        #expect(outcome.stdout.hasSuffix("problems:\n  - no daemon runs (start it: systemctl start mentionwatch)\n"))
    }
}
