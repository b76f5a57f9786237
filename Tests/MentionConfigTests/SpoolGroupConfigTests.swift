import Testing

@testable import MentionConfig

/// `alerts.spool_group` and `digest.spool_group`: the group a Maildir is shared with.
struct SpoolGroupConfigTests {
    static let groups: Set = ["mail", "dovecot"]

    func parse(_ yaml: String) throws(ConfigErrors) -> Config {
        try ConfigParser.parse(
            yaml, file: "feeds.yaml", baseDirectory: "/etc/mw", isKnownGroup: { Self.groups.contains($0) })
    }

    func issues(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    func alerts(_ lines: String) -> String {
        ConfigParserTests.valid.replacingOccurrences(of: "  spool: maildir:spool/mt", with: lines)
    }

    @Test func noGroupMeansPrivateMaildirs() throws {
        let config = try parse(ConfigParserTests.valid)
        #expect(config.alerts.spoolGroup == nil)
        #expect(config.digest.spoolGroup == nil)
    }

    @Test func theDigestsMaildirSharesTheAlertsGroupUnlessItNamesItsOwn() throws {
        let shared = try parse(alerts("  spool: maildir:spool/mt\n  spool_group: mail"))
        #expect(shared.alerts.spoolGroup == "mail")
        #expect(shared.digest.spoolGroup == "mail")
        let own = try parse(
            alerts("  spool: maildir:spool/mt\n  spool_group: mail") + "\ndigest: { spool_group: dovecot }\n")
        #expect(own.alerts.spoolGroup == "mail")
        #expect(own.digest.spoolGroup == "dovecot")
        // A sendmail digest has no folder to share: the alerts' group is not passed on.
        let sendmail = try parse(
            alerts("  spool: maildir:spool/mt\n  spool_group: mail")
                + "\ndigest: { spool: sendmail:/usr/sbin/sendmail }\n")
        #expect(sendmail.digest.spoolGroup == nil)
    }

    @Test func anUnknownGroupNamesItsLine() {
        #expect(
            issues(alerts("  spool: maildir:spool/mt\n  spool_group: mial")) == [
                "feeds.yaml:14:16: alerts.spool_group: no group 'mial' on this machine (create it, e.g. with groupadd, or name an existing one)"
            ])
    }

    @Test func aGroupForSendmailIsAnError() {
        #expect(
            issues(alerts("  spool: sendmail:/usr/sbin/sendmail\n  spool_group: mail")) == [
                "feeds.yaml:14:16: alerts.spool_group: applies to a maildir: spool only; alerts.spool is not one"
            ])
        #expect(
            issues(ConfigParserTests.valid + "\ndigest: { spool: sendmail:/usr/sbin/sendmail, spool_group: mail }\n")
                .first?.contains("digest.spool_group: applies to a maildir: spool only") == true)
    }
}
