import Foundation
import MentionStore
import TestSupport
import Testing

/// `mentionwatch run` stopped while its sendmail hangs: the stop is prompt, no process is left, and
/// the alert is still pending for the next start.
struct SendmailShutdownTests {
    @Test func aStopWithAHungSendmailTakesUnderFiveSecondsAndLeavesNoProcess() async throws {
        let server = try FeedServer()
        try server.write(
            "tag.atom",
            try String(
                contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/mastodon-dezeehoek.atom",
                encoding: .utf8))
        let folder = Paths.temporaryFolder("sendmail-stop")
        // A sendmail that never ends and ignores SIGTERM (so does the `sleep` it starts): only SIGKILL helps.
        let sendmail = folder + "/sendmail"
        try run(
            "/bin/sh", ["-c", "cat > \"$0\" && chmod 700 \"$0\"", sendmail],
            stdin: "#!/bin/sh\ntrap '' TERM\necho $$ > '\(folder)/pid'\ncat > /dev/null\nsleep 1000\n")
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
            feeds: [{ id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, interval: 1s }]
            alerts: { spool: "sendmail:\(sendmail)" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["run", "--config", config]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }

        // The first alert reaches sendmail, which hangs.
        let pidFile = folder + "/pid"
        for _ in 0..<300 where !FileManager.default.fileExists(atPath: pidFile) {
            try await Task.sleep(for: .milliseconds(100))
        }
        let pgid = try #require(
            pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)),
            "sendmail was never started")
        // Whatever happens below, nothing of this test outlives it.
        defer { kill(-pgid, SIGKILL) }
        #expect(ProcessGroups.live(pgid).count == 2, "the script and its sleep")

        let stopping = Date()
        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(50)) }
        let took = Date().timeIntervalSince(stopping)
        #expect(!process.isRunning)
        #expect(took < 5, "the stop took \(took) s")
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        #expect(process.terminationStatus == 0)
        #expect(ProcessGroups.awaitGone(pgid, seconds: 0.5) == [], "sendmail's processes outlived the daemon")
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(log.contains("not delivered, will retry: \(sendmail) stopped with SIGTERM, then SIGKILL"), "\(log)")
        #expect(log.contains("<5>mentionwatch stopped"))

        // Nothing was marked sent: the alerts wait for the next start.
        let store = try Store(path: folder + "/mw.sqlite")
        #expect(try store.alertsSent(since: .distantPast) == 0)
        #expect(try store.pendingAlerts().count >= 1)
    }
}
