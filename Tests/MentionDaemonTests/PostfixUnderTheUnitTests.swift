import Foundation
import TestSupport
import Testing

/// The whole route as systemd/mentionwatch.service with systemd/sendmail-postfix.conf runs it, where
/// systemd itself is not at hand (a container): `mentionwatch poll` as an unprivileged user with
/// no_new_privs, no capabilities, the group postdrop, and a read-only file system except /tmp and
/// Postfix's maildrop folder. Its alerts must arrive in the local mailbox through Postfix.
struct PostfixUnderTheUnitTests {
    /// The settings of the shipped drop-in, `key=value` lines of its [Service] section.
    static func dropIn() throws -> [String: String] {
        let text = try String(
            contentsOfFile: Paths.repositoryRoot + "/systemd/sendmail-postfix.conf", encoding: .utf8)
        let settings = text.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }.map {
            $0.split(separator: "=", maxSplits: 1).map(String.init)
        }
        return Dictionary(uniqueKeysWithValues: settings.map { ($0[0], $0[1]) })
    }

    /// What the unit (NoNewPrivileges=yes, an empty CapabilityBoundingSet=, ProtectSystem=strict,
    /// PrivateTmp=yes) and the drop-in's group and writable path do, with unshare and setpriv (util-linux).
    static func hardened(group: String, writable: String) -> String {
        """
        set -e
        mount -o remount,bind,ro /
        for p in /tmp \(writable); do mount --bind "$p" "$p"; mount -o remount,bind,rw "$p"; done
        exec setpriv --reuid=\(LocalPostfix.user) --regid=\(LocalPostfix.user) --groups=\(group) \\
            --no-new-privs --bounding-set=-all --inh-caps=-all "$@"
        """
    }

    /// Why the sandbox cannot be set up here; nil when it can.
    static var noSandbox: String? {
        guard geteuid() == 0 else {
            return "this test sets up a mount namespace and changes user: it runs as root (CI does)"
        }
        guard (try? run("/usr/bin/unshare", ["-m", "/bin/true"])) != nil else {
            return "unshare -m is refused here (a container without CAP_SYS_ADMIN?)"
        }
        return nil
    }

    @Test(.enabled(if: LocalPostfix.runs, Comment(rawValue: LocalPostfix.skipNote)))
    func alertsReachTheMailboxFromTheHardenedServiceWithTheDropIn() async throws {
        try #require(LocalPostfix.missing == nil, "\(LocalPostfix.skipNote)")
        let noSandbox = Self.noSandbox
        try #require(noSandbox == nil, "\(noSandbox ?? "")")
        // Exactly these two, and no hardening setting turned off: the test below is the proof they suffice.
        let dropIn = try Self.dropIn()
        #expect(Set(dropIn.keys) == ["SupplementaryGroups", "ReadWritePaths"], "\(dropIn)")
        let group = try #require(dropIn["SupplementaryGroups"])
        let writable = try #require(dropIn["ReadWritePaths"])
        let server = try FeedServer.servingDemoTag()
        let folder = Paths.temporaryFolder("postfix-unit")
        // The service user's own copy of the binary: the build folder may be closed to other users.
        let binary = folder + "/mentionwatch"
        try FileManager.default.copyItem(atPath: CommandLineTests.binary, toPath: binary)
        try FileManager.default.copyItem(
            atPath: Paths.repositoryRoot + "/model/classifier.mwm", toPath: folder + "/classifier.mwm")
        // A sender of its own each run, to find this run's mails among earlier ones.
        let sender = "mentionwatch-\(UUID().uuidString.prefix(8).lowercased())@localhost"
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
            feeds: [{ id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true }]
            alerts: { from: "\(sender)", to: [\(LocalPostfix.address)], spool: "sendmail:/usr/sbin/sendmail" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            classification: { model: classifier.mwm }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        try run("/bin/chown", ["-R", "\(LocalPostfix.user):", folder])

        let outcome = try Self.outcome(
            "/usr/bin/unshare",
            [
                "-m", "/bin/sh", "-c", Self.hardened(group: group, writable: writable), "sh", binary, "poll", "--once",
                "--config", config,
            ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("alerts: 2 delivered"), "\(outcome.stdout)")

        let file = try #require(
            outcome.status == 0 ? LocalPostfix.awaitMail(containing: sender) : nil, "no alert from \(sender) arrived")
        let parsed = try MailReader.read(file)
        #expect(parsed.defects == [])
        #expect(parsed.header("From")?.contains(sender) == true)
        #expect(parsed.header("Delivered-To") == LocalPostfix.address)
        #expect(parsed.header("Subject")?.isEmpty == false)
        // Submitted by the service user, not root: postdrop wrote it with the group's rights alone.
        let uid = try #require(getpwnam(LocalPostfix.user)).pointee.pw_uid
        #expect(parsed.header("Received")?.contains("(Postfix, from userid \(uid))") == true)
    }

    static func outcome(_ executable: String, _ arguments: [String]) throws -> CommandLineTests.Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        (process.standardOutput, process.standardError) = (output, errors)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandLineTests.Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }
}
