import Foundation
import MentionStore
import TestSupport
import Testing

/// `mentionwatch run` (and `poll --once`) stopped while its sendmail hangs: the stop is prompt, no
/// process is left, and the alert is still pending for the next start.
struct SendmailShutdownTests {
    /// A config whose alerts go to a sendmail that never ends and ignores SIGTERM (so does the `sleep`
    /// it starts): only SIGKILL helps. The script writes its pid (its process group's id) to `pid`.
    struct Setup {
        let server: FeedServer
        let folder: String
        let config: String
        var sendmail: String { folder + "/sendmail" }
        var pidFile: String { folder + "/pid" }

        init() throws {
            server = try FeedServer()
            try server.write(
                "tag.atom",
                try String(
                    contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/mastodon-dezeehoek.atom",
                    encoding: .utf8))
            folder = Paths.temporaryFolder("sendmail-stop")
            config = folder + "/feeds.yaml"
            try run(
                "/bin/sh", ["-c", "cat > \"$0\" && chmod 700 \"$0\"", folder + "/sendmail"],
                stdin: "#!/bin/sh\ntrap '' TERM\necho $$ > '\(folder)/pid'\ncat > /dev/null\nsleep 1000\n")
            try Data(
                """
                school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
                staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
                feeds: [{ id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, interval: 1s }]
                alerts: { spool: "sendmail:\(folder)/sendmail" }
                digest: { spool: "maildir:coordinator" }
                storage: { database: mw.sqlite }
                """.utf8
            ).write(to: URL(fileURLWithPath: config))
        }

        /// The process group of a hung sendmail of the daemon while it runs (the script and its child).
        /// On a loaded machine the first may have met its 20 s limit before this looks; the daemon's
        /// next round starts another after the pause that follows a failed delivery, so this waits
        /// up to 100 s.
        /// It looks from a thread of its own and stops `process` from there as soon as it finds one:
        /// the test pool's threads may all be held by other suites' long synchronous work, and the
        /// daemon's 20 s limit does not wait for them. Returns the group, its live processes then, and
        /// how long the stop took.
        func stopWhileSendmailHangs(_ process: Process) async throws -> (pgid: pid_t, live: Int, took: Double) {
            let pidFile = pidFile
            let found: (pid_t, Int, Double)? = await withCheckedContinuation { continuation in
                Thread {
                    for _ in 0..<1_000 {
                        if let text = try? String(contentsOfFile: pidFile, encoding: .utf8),
                            let pgid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)),
                            case let live = ProcessGroups.live(pgid).count, live == 2
                        {
                            continuation.resume(returning: (pgid, live, Self.stopNow(process)))
                            return
                        }
                        usleep(100_000)
                    }
                    continuation.resume(returning: nil)
                }.start()
            }
            guard let found else {
                Issue.record("no hung sendmail ran within 100 s")
                throw CancellationError()
            }
            return found
        }

        /// Sends SIGTERM and waits up to 5 s, blocking; how long the process took to end, killing it after.
        static func stopNow(_ process: Process) -> Double {
            let stopping = Date()
            kill(process.processIdentifier, SIGTERM)
            for _ in 0..<100 where process.isRunning { usleep(50_000) }
            let took = Date().timeIntervalSince(stopping)
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            return took
        }

        /// Nothing was marked sent: the alerts wait for the next start.
        func expectAlertsPending() throws {
            let store = try Store(path: folder + "/mw.sqlite")
            #expect(try store.alertsSent(since: .distantPast) == 0)
            #expect(try store.pendingAlerts().count >= 1)
        }
    }

    static func start(_ arguments: [String]) throws -> (Process, Pipe) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        return (process, errors)
    }

    @Test func aStopWithAHungSendmailTakesUnderFiveSecondsAndLeavesNoProcess() async throws {
        let setup = try Setup()
        let (process, errors) = try Self.start(["run", "--config", setup.config])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let (pgid, live, took) = try await setup.stopWhileSendmailHangs(process)
        // Whatever happens below, nothing of this test outlives it.
        defer { kill(-pgid, SIGKILL) }
        #expect(live == 2, "the script and its sleep")
        #expect(took < 5, "the stop took \(took) s")
        #expect(process.terminationStatus == 0)
        #expect(ProcessGroups.awaitGone(pgid, seconds: 0.5) == [], "sendmail's processes outlived the daemon")
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(
            log.contains("not delivered, will retry: \(setup.sendmail) stopped with SIGTERM, then SIGKILL"), "\(log)")
        #expect(log.contains("<5>mentionwatch stopped"))
        try setup.expectAlertsPending()
    }

    @Test func aOneShotPollStoppedWhileSendmailHangsLeavesNoProcess() async throws {
        let setup = try Setup()
        let (process, _) = try Self.start(["poll", "--once", "--config", setup.config])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Found and stopped from a thread of its own, as above: a stop timed on the test pool measured
        // the pool's busy threads too (5.5 s once, under two other builds).
        let (pgid, _, took) = try await setup.stopWhileSendmailHangs(process)
        defer { kill(-pgid, SIGKILL) }
        #expect(took < 5, "the stop took \(took) s")
        // Either the handler's exit as the signal would (143) or, when the failed delivery returned first,
        // poll's own exit for a delivery that failed (74, EX_IOERR).
        #expect(process.terminationReason == .exit)
        #expect([128 + SIGTERM, 74].contains(process.terminationStatus), "exit status \(process.terminationStatus)")
        #expect(ProcessGroups.awaitGone(pgid, seconds: 0.5) == [], "sendmail's processes outlived mentionwatch poll")
        try setup.expectAlertsPending()
    }
}
