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

    @Test func theUnitsUserAndSupplementaryGroupsAreTheOnesChecked() throws {
        let (folder, config) = try Self.setUp(spoolGroup: "mail")
        chmod(config, 0o644)
        let unit = folder + "/mentionwatch.service"
        try Data("[Unit]\nDescription=x\n[Service]\nUser=nobody\nExecStart=/bin/true\n".utf8).write(
            to: URL(fileURLWithPath: unit))
        let outsider = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-service", "--unit", unit])
        #expect(outsider.status == 1)
        #expect(outsider.stdout.contains("as service user nobody (uid 65534, groups nogroup) from User= in \(unit):"))
        #expect(
            outsider.stdout.contains(
                "  FAIL member     group mail (alerts.spool_group): nobody is not in it; add SupplementaryGroups=mail to the unit"
            ))

        // A drop-in, as `systemctl edit mentionwatch` writes it, adds the group.
        mkdir(unit + ".d", 0o755)
        try Data("[Service]\nSupplementaryGroups=mail\n".utf8).write(to: URL(fileURLWithPath: unit + ".d/mail.conf"))
        let member = try CommandLineTests.mentionwatch(["check", "--config", config, "--as-service", "--unit", unit])
        #expect(member.status == 0, "\(member.stdout)\(member.stderr)")
        #expect(member.stdout.contains("groups nogroup, mail) from User= in \(unit).d/mail.conf:"))
        #expect(member.stdout.contains("  ok   member     group mail (alerts.spool_group)\n"))
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
