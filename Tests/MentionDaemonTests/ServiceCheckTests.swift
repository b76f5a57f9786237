import Foundation
import MentionDaemon
import MentionMail
import TestSupport
import Testing

/// `check --as-service`: the files and folders the service needs, tried as its user. These tests take
/// the identity of the unprivileged `nobody` (no test user is created), so they run as root, as here and in CI.
@Suite("check --as-service")
struct ServiceCheckTests {
    /// A config whose every path is in one folder the test hands to `nobody` bit by bit.
    static func setUp(spoolGroup: String? = nil) throws -> (folder: String, config: String) {
        try #require(geteuid() == 0, "these tests take another user's identity, so they run as root")
        let folder = Paths.temporaryFolder("service")
        chmod(folder, 0o755)
        for sub in ["state", "spool"] {
            mkdir(folder + "/" + sub, 0o700)
            chown(folder + "/" + sub, 65_534, 65_534)
        }
        try FileManager.default.copyItem(
            atPath: Paths.repositoryRoot + "/model/classifier.mwm", toPath: folder + "/classifier.mwm")
        let group = spoolGroup.map { "\n  spool_group: \($0)" } ?? ""
        let yaml = """
            school:
              name: Praktijkschool De Zeehoek
            feeds:
              - id: regio
                url: https://news.example/rss
            alerts:
              spool: maildir:spool/mt\(group)
            digest:
              spool: maildir:spool/coordinator
            storage:
              database: state/mw.sqlite
            classification:
              model: classifier.mwm

            """
        let config = folder + "/feeds.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        return (folder, config)
    }

    @Test func aConfigOnlyRootCanReadFailsNamingTheFileThenPasses() throws {
        let (folder, config) = try Self.setUp()
        chmod(config, 0o600)
        let refused = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "nobody"])
        #expect(refused.status == 1, "\(refused.stdout)\(refused.stderr)")
        #expect(refused.stdout.contains("as service user nobody (uid 65534"))
        #expect(refused.stdout.contains("  FAIL read       \(config) (the configuration): Permission denied\n"))
        // Only the config is wrong: the rest is the user's or readable.
        #expect(refused.stdout.components(separatedBy: "FAIL").count == 2, "\(refused.stdout)")
        #expect(refused.stdout.contains("  ok   write      \(folder)/state (storage.database's folder)\n"))
        #expect(
            refused.stdout.contains("  ok   write      \(folder)/spool (alerts.spool: to create \(folder)/spool/mt)"))
        #expect(refused.stdout.contains("  ok   read       \(folder)/classifier.mwm (classification.model)\n"))

        chmod(config, 0o644)
        let passed = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "nobody"])
        #expect(passed.status == 0, "\(passed.stdout)\(passed.stderr)")
        #expect(!passed.stdout.contains("FAIL"))
        #expect(passed.stdout.contains("  ok   read       \(config) (the configuration)\n"))
    }

    @Test func aDatabaseTheUserCannotWriteFails() throws {
        let (folder, config) = try Self.setUp()
        chmod(config, 0o644)
        let database = folder + "/state/mw.sqlite"
        try Data().write(to: URL(fileURLWithPath: database))  // root's, 0644: readable, not writable
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "nobody"])
        #expect(outcome.status == 1)
        #expect(outcome.stdout.contains("  FAIL read-write \(database) (storage.database): Permission denied\n"))
    }

    @Test func theUnitsUserAndGroupsAreTheOnesChecked() throws {
        let (folder, config) = try Self.setUp()
        chmod(config, 0o644)
        let unit = folder + "/mentionwatch.service"
        try Data("[Unit]\nDescription=x\n[Service]\nUser=nobody\nExecStart=/bin/true\n".utf8).write(
            to: URL(fileURLWithPath: unit))
        let plain = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-service", "--unit", unit])
        #expect(plain.status == 0, "\(plain.stdout)\(plain.stderr)")
        #expect(plain.stdout.contains("as service user nobody (uid 65534, groups nogroup) from User= in \(unit):"))

        // A drop-in, as `systemctl edit mentionwatch` writes it, adds a group, and the child runs with it:
        // the config, readable by the group mail only, is then readable.
        mkdir(unit + ".d", 0o755)
        try Data("[Service]\nSupplementaryGroups=mail\n".utf8).write(to: URL(fileURLWithPath: unit + ".d/mail.conf"))
        chown(config, 0, try #require(SystemAccounts.groupID(named: "mail")))
        chmod(config, 0o640)
        let member = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-service", "--unit", unit])
        #expect(member.status == 0, "\(member.stdout)\(member.stderr)")
        #expect(member.stdout.contains("groups nogroup, mail) from User= in \(unit).d/mail.conf:"))
        #expect(member.stdout.contains("  ok   read       \(config) (the configuration)\n"))
    }

    /// Under its unit the service can neither chown nor make a folder setgid: a shared Maildir's folders
    /// come from tmpfiles, 2770 in the group, and the check says so until they do.
    @Test func aSharedMaildirNeedsItsFoldersMadeSetgidInTheGroup() throws {
        let (folder, config) = try Self.setUp(spoolGroup: "mail")
        let mail = try #require(SystemAccounts.groupID(named: "mail"))
        chmod(config, 0o644)
        let missing = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "nobody"])
        #expect(missing.status == 1)
        for sub in ["mt", "mt/tmp", "mt/new", "mt/cur", "coordinator", "coordinator/cur"] {
            #expect(
                missing.stdout.contains(
                    "  FAIL group      \(folder)/spool/\(sub) (\(sub.hasPrefix("mt") ? "alerts" : "digest").spool_group mail): missing: "
                ), "\(sub)")
        }
        #expect(missing.stdout.contains("make it with the tmpfiles lines for spool_group (2770, group mail;"))

        // As the tmpfiles lines make them.
        for sub in ["mt", "mt/tmp", "mt/new", "mt/cur", "coordinator", "coordinator/tmp", "coordinator/new"] {
            mkdir(folder + "/spool/" + sub, 0o700)
            chown(folder + "/spool/" + sub, 65_534, mail)
            chmod(folder + "/spool/" + sub, 0o2770)
        }
        mkdir(folder + "/spool/coordinator/cur", 0o700)  // one left private
        chown(folder + "/spool/coordinator/cur", 65_534, 65_534)
        let made = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "nobody"])
        #expect(made.status == 1)
        #expect(made.stdout.contains("  ok   group      \(folder)/spool/mt/new (alerts.spool_group mail)\n"))
        #expect(
            made.stdout.contains(
                "  FAIL group      \(folder)/spool/coordinator/cur (digest.spool_group mail): in group nogroup: "))
        #expect(made.stdout.components(separatedBy: "FAIL").count == 2, "\(made.stdout)")
    }

    /// The service as its unit runs it cannot chown: run as `nobody`, not in the group `mail`, into folders
    /// made as tmpfiles makes them, the digest still lands in the group, 0640, by the folder's setgid bit.
    @Test func aServiceOutsideTheGroupDeliversIntoTheGroupThroughSetgidFolders() throws {
        let (folder, config) = try Self.setUp(spoolGroup: "mail")
        let mail = try #require(SystemAccounts.groupID(named: "mail"))
        chmod(config, 0o644)
        for sub in ["coordinator", "coordinator/tmp", "coordinator/new", "coordinator/cur"] {
            mkdir(folder + "/spool/" + sub, 0o700)
            chown(folder + "/spool/" + sub, 65_534, mail)
            chmod(folder + "/spool/" + sub, 0o2770)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = [
            "--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.binary, "digest", "--send",
            "--config", config,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(stderr)")
        let delivered = try FileManager.default.contentsOfDirectory(atPath: folder + "/spool/coordinator/new")
        try #require(!delivered.isEmpty, "\(stderr)")
        for name in delivered {
            var info = stat()
            #expect(stat(folder + "/spool/coordinator/new/" + name, &info) == 0)
            #expect(info.st_uid == 65_534 && info.st_gid == mail && info.st_mode & 0o7777 == 0o640, "\(name)")
        }
    }

    @Test func anUnknownUserOrGroupIsAClearError() throws {
        let (_, config) = try Self.setUp()
        let user = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-user", "mw-no-such-user"])
        #expect(user.status == 1)
        #expect(user.stderr.contains("--as-service: no user 'mw-no-such-user' on this machine"))

        let yaml = try String(contentsOfFile: config, encoding: .utf8).replacingOccurrences(
            of: "spool: maildir:spool/mt", with: "spool: maildir:spool/mt\n  spool_group: mw-no-such-group")
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: config))
        let group = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(group.status == 78)
        #expect(
            group.stderr.contains(
                "\(config):8:16: alerts.spool_group: no group 'mw-no-such-group' on this machine"), "\(group.stderr)")
    }

    /// What `alerts.spool_group` is for: another user in the group (here `nobody` given `mail`, as
    /// Dovecot's user would be) reads the mail and may file it from new/ into cur/; without the group, not.
    @Test func aGroupMemberCanReadAndFileTheSharedMaildirsMail() throws {
        try #require(geteuid() == 0, "this test takes another user's identity, so it runs as root")
        let mail = try #require(SystemAccounts.groupID(named: "mail"), "no group 'mail' on this machine")
        let folder = Paths.temporaryFolder("service")
        chmod(folder, 0o755)
        let spool = MaildirSpool(path: folder + "/mt", group: mail)
        try spool.deliver("Subject: test\r\n\r\nhallo\r\n", key: "mw-1")
        let message = try #require(try FileManager.default.contentsOfDirectory(atPath: spool.path + "/new").first)
        let tries = ["read:\(spool.path)/new/\(message)", "write:\(spool.path)/new", "write:\(spool.path)/cur"]

        let member = try CommandLineTests.mentionwatch(
            ["_probe-access", "--uid", "65534", "--gid", "65534", "--groups", "65534,\(mail)", "--"] + tries)
        #expect(member.status == 0, "\(member.stderr)")
        #expect(member.stdout == "ok\nok\nok\n")
        let outsider = try CommandLineTests.mentionwatch(
            ["_probe-access", "--uid", "65534", "--gid", "65534", "--groups", "65534", "--"] + tries)
        #expect(outsider.stdout == "Permission denied\nPermission denied\nPermission denied\n")
    }

    @Test func theUnitsAccountSettingsMergeAsSystemdMergesThem() {
        var unit = ServiceUnit()
        unit.apply(
            "[Unit]\nUser=wrong\n[Service]\nUser=mentionwatch\nGroup=mentionwatch\nSupplementaryGroups=mail adm\n")
        unit.apply("[Service]\nSupplementaryGroups=\nSupplementaryGroups=dovecot\n# User=commented\n")
        #expect(unit.user == "mentionwatch")
        #expect(unit.group == "mentionwatch")
        #expect(unit.supplementaryGroups == ["dovecot"])
    }
}
