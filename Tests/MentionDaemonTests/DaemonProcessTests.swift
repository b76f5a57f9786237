import Foundation
import TestSupport
import Testing

/// `mentionwatch run` as systemd runs it: polls and alerts, keeps its config on a bad SIGHUP, stops cleanly on SIGTERM.
struct DaemonProcessTests {
    @Test func runAlertsReloadsAndStopsOnSigterm() async throws {
        let server = try FeedServer.servingDemoTag()
        let folder = Paths.temporaryFolder("daemon")
        let config = folder + "/feeds.yaml"
        let good = """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
            feeds: [{ id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, interval: 1s }]
            alerts: { spool: "maildir:maildir" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            """
        try Data(good.utf8).write(to: URL(fileURLWithPath: config))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["run", "--config", config]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        // Both alerts arrive in the MT's Maildir, and the digest that is due (none was ever sent) in the coordinator's.
        let newFolder = folder + "/maildir/new"
        func delivered(_ kind: String) -> Int {
            let folder = kind == "digest" ? folder + "/coordinator/new" : newFolder
            return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
                $0.hasPrefix("mentionwatch-\(kind)-")
            }.count
        }
        for _ in 0..<300 where delivered("mw") < 2 || delivered("digest") < 1 {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(delivered("mw") == 2)
        #expect(delivered("digest") == 1)

        // A broken config on SIGHUP is refused; the daemon keeps running.
        try Data("school: { name: X }\nfeeds: [{ id: tag, url: nope }]\n".utf8).write(to: URL(fileURLWithPath: config))
        kill(process.processIdentifier, SIGHUP)
        try await Task.sleep(for: .milliseconds(500))
        #expect(process.isRunning)

        kill(process.processIdentifier, SIGTERM)
        for _ in 0..<300 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(!process.isRunning)
        #expect(process.terminationStatus == 0)
        let log = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(
            log.contains(
                "<3>reload refused, keeping the running configuration: \(config):2:25: feeds[0].url: is not a valid URL"
            ))
        #expect(log.contains("<5>alert MW-"))
        #expect(log.contains("<5>mentionwatch stopped"))
        // Still exactly two alerts and one digest: later polls within the run were 304s and sent nothing.
        #expect(delivered("mw") == 2)
        #expect(delivered("digest") == 1)
    }
}
