import Foundation
import Testing

@testable import MentionConfig

/// `alerts.spool: smtp://…` with `alerts.smtp`: what is accepted, and errors that name their line.
struct SmtpConfigTests {
    let parser = AlertMailConfigTests()

    func withSpool(_ spool: String, smtp: String = "") -> String {
        ConfigParserTests.valid.replacingOccurrences(of: "  spool: maildir:spool/mt", with: "  spool: \(spool)" + smtp)
    }

    @Test func submissionOnPort587WithStartTLSAndAPasswordFile() throws {
        let yaml = withSpool(
            "smtp://mail.zeehoek-pro.example",
            smtp: "\n  smtp: { user: mentionwatch, password_file: smtp-password, ca_file: /etc/mw/school-ca.pem }")
        let config = try parser.parse(yaml)
        var expected = SmtpTarget(url: "smtp://mail.zeehoek-pro.example:587", host: "mail.zeehoek-pro.example")
        expected.user = "mentionwatch"
        expected.password = .file("/etc/mw/smtp-password")
        expected.caFile = "/etc/mw/school-ca.pem"
        #expect(config.alerts.spool == .smtp(expected))
        // The digest goes the same way unless digest.spool says otherwise.
        #expect(config.digest.spool == .smtp(expected))
    }

    @Test func implicitTLSDefaultsTo465AndACredentialNamesNoPath() throws {
        let config = try parser.parse(
            withSpool("smtps://[::1]", smtp: "\n  smtp: { user: mw, password_credential: smtp-password }"))
        guard case .smtp(let target) = config.alerts.spool else {
            Issue.record("not an SMTP spool: \(config.alerts.spool)")
            return
        }
        #expect(target.url == "smtps://[::1]:465" && target.password == .credential("smtp-password"))
        #expect(
            parser.issues(withSpool("smtps://[::1]", smtp: "\n  smtp: { user: mw, password_credential: ../shadow }"))
                == [
                    "feeds.yaml:14:9: alerts.smtp: needs both user and a password (password_file or password_credential), or neither",
                    "feeds.yaml:14:42: alerts.smtp.password_credential: must be a credential's name, not a path: '../shadow'",
                ])
    }

    @Test func aPasswordInTheURLOrAPathIsRefused() {
        #expect(
            parser.issues(withSpool("smtp://mw:geheim@mail.zeehoek-pro.example:587")) == [
                "feeds.yaml:13:10: alerts.spool: must be smtp://HOST:PORT or smtps://HOST:PORT with nothing after the port, not a URL with a user or password in it"
            ])
        #expect(parser.issues(withSpool("smtp://mail.zeehoek-pro.example/inbox")).count == 1)
        #expect(
            parser.issues(withSpool("imap://mail.zeehoek-pro.example")) == [
                "feeds.yaml:13:10: alerts.spool: must be maildir:PATH, sendmail:PATH, smtp://HOST:587 or smtps://HOST:465, not 'imap://mail.zeehoek-pro.example'"
            ])
    }

    @Test func noTLSOnlyForAServerOnThisMachineAndNeverWithAPasswordElsewhere() throws {
        let local = try parser.parse(withSpool("smtp://127.0.0.1:25", smtp: "\n  smtp: { starttls: off }"))
        guard case .smtp(let target) = local.alerts.spool else {
            Issue.record("not an SMTP spool")
            return
        }
        #expect(!target.requireStartTLS)
        #expect(
            parser.issues(
                withSpool(
                    "smtp://mail.zeehoek-pro.example",
                    smtp: "\n  smtp: { user: mw, password_file: /etc/mw/pw, starttls: off }")) == [
                    "feeds.yaml:14:58: alerts.smtp.starttls: off would send the password in the clear to mail.zeehoek-pro.example; only a server on this machine may go without TLS"
                ])
        // A name that merely starts like a loopback address is another machine.
        #expect(
            parser.issues(
                withSpool(
                    "smtp://127.mail.zeehoek-pro.example",
                    smtp: "\n  smtp: { user: mw, password_file: /etc/mw/pw, starttls: off }")
            ).count == 1)
        #expect(ConfigBuilder.isLoopback("127.0.0.1") && ConfigBuilder.isLoopback("::1"))
        #expect(!ConfigBuilder.isLoopback("127.mail.zeehoek-pro.example") && !ConfigBuilder.isLoopback("10.0.0.1"))
        #expect(
            parser.issues(withSpool("smtp://127.0.0.1", smtp: "\n  smtp: { starttls: maybe }")) == [
                "feeds.yaml:14:21: alerts.smtp.starttls: must be required or off, not 'maybe'"
            ])
    }

    @Test func anAccountNeedsBothPartsAndAnSmtpSpool() {
        #expect(
            parser.issues(withSpool("smtp://127.0.0.1", smtp: "\n  smtp: { user: mw }")) == [
                "feeds.yaml:14:9: alerts.smtp: needs both user and a password (password_file or password_credential), or neither"
            ])
        #expect(
            parser.issues(withSpool("maildir:spool/mt", smtp: "\n  smtp: { user: mw, password_file: pw }")) == [
                "feeds.yaml:14:9: alerts.smtp: is only for an smtp:// or smtps:// spool; alerts.spool is not one"
            ])
    }
}
