import Foundation
import MentionConfig
import TestSupport
import Testing

@testable import MentionMail

/// SMTP submission through libcurl against a real SMTP server (aiosmtpd) on 127.0.0.1; the mails are
/// read back from the server's Maildirs with Python's email package.
@Suite(.serialized)
struct SmtpTests {
    static let sender = "mentionwatch@zeehoek-pro.example"
    static let first = "mt@zeehoek-pro.example"
    static let second = "directie@zeehoek-pro.example"

    static func message(id: String = "alert-17.abc@zeehoek-pro.example") -> String {
        [
            "From: mentionwatch <\(sender)>", "To: \(first), \(second)", "Subject: Melding: bedreiging",
            "Message-ID: <\(id)>", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "",
            "Een melding over De Zeehoek.", ".een regel die met een punt begint", ".", "Einde.", "",
        ].joined(separator: "\r\n")
    }

    static func server(
        tls: SmtpServer.TLS = .none, auth: (user: String, password: String)? = nil
    ) throws -> SmtpServer {
        try #require(
            SmtpServer.isAvailable, "the SMTP test server needs Debian's python3-aiosmtpd (make deps installs it)")
        return try SmtpServer(tls: tls, auth: auth)
    }

    static func spool(_ url: String, startTLS: Bool = false, configure: (inout SmtpTarget) -> Void = { _ in })
        -> SmtpSpool
    {
        var target = SmtpTarget(url: url, host: "127.0.0.1")
        target.requireStartTLS = startTLS
        configure(&target)
        var spool = SmtpSpool(server: target)
        spool.timeoutSeconds = 10
        return spool
    }

    static let envelope = Envelope(sender: sender, recipients: [first, second])

    static func certificates() throws -> String {
        let folder = Paths.temporaryFolder("smtp-tls")
        try run("/bin/sh", [Paths.support("make_tls.sh"), folder])
        return folder
    }

    @Test func eachRecipientGetsTheMessageOnceAndAsWritten() throws {
        let server = try Self.server()
        let outcome = Self.spool("smtp://127.0.0.1:\(server.port)").deliver(
            Self.message(), key: "k", envelope: Self.envelope)
        #expect(outcome == MailOutcome(accepted: [Self.first, Self.second]))
        for recipient in [Self.first, Self.second] {
            let files = server.delivered(to: recipient)
            try #require(files.count == 1, "\(recipient): \(files)")
            let mail = try MailReader.read(files[0])
            #expect(mail.header("Message-ID") == "<alert-17.abc@zeehoek-pro.example>")
            #expect(mail.defects.isEmpty)
            // libcurl stuffs the dots (RFC 5321 §4.5.2) and the server takes them out again.
            let text = mail.parts.first?.text ?? ""
            #expect(text.contains("\n.een regel die met een punt begint\n.\nEinde."), "\(text)")
        }
    }

    @Test func startTLSWithTheSchoolsCAAndALogin() throws {
        let tls = try Self.certificates()
        let server = try Self.server(
            tls: .startTLS(certificate: tls + "/server.pem", key: tls + "/server.key"),
            auth: ("mentionwatch", "geheim-1"))
        let passwordFile = Paths.temporaryFolder("smtp-password") + "/password"
        try Data("geheim-1\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        chmod(passwordFile, 0o600)
        let url = "smtp://127.0.0.1:\(server.port)"
        let good = Self.spool(url, startTLS: true) {
            $0.caFile = tls + "/ca.pem"
            $0.user = "mentionwatch"
            $0.password = .file(passwordFile)
        }
        #expect(good.deliver(Self.message(), key: "k", envelope: Self.envelope).accepted == [Self.first, Self.second])
        #expect(server.log.contains("AUTH PLAIN ok") || server.log.contains("AUTH LOGIN ok"), "\(server.log)")

        // Without the school's CA the certificate is not trusted: nothing is sent, all wait.
        let untrusted = Self.spool(url, startTLS: true) {
            $0.user = "mentionwatch"
            $0.password = .file(passwordFile)
        }
        let refusedTLS = untrusted.deliver(Self.message(), key: "k", envelope: Self.envelope)
        #expect(refusedTLS.accepted.isEmpty && refusedTLS.deferred.count == 2, "\(refusedTLS)")

        // A wrong password is the login's failure, not the recipients': they wait, and the log says why.
        try Data("fout\n".utf8).write(to: URL(fileURLWithPath: passwordFile))
        let wrong = good.deliver(Self.message(), key: "k", envelope: Self.envelope)
        #expect(wrong.refused.isEmpty && wrong.deferred.count == 2)
        #expect(wrong.deferred[Self.first]?.contains("refused the login of mentionwatch") == true, "\(wrong)")
        #expect(server.delivered(to: Self.first).count == 1)
    }

    @Test func startTLSIsRequiredUnlessTheConfigSaysOff() throws {
        let server = try Self.server()  // offers no STARTTLS
        let outcome = Self.spool("smtp://127.0.0.1:\(server.port)", startTLS: true).deliver(
            Self.message(), key: "k", envelope: Self.envelope)
        #expect(outcome.deferred[Self.first]?.contains("does not offer STARTTLS") == true, "\(outcome)")
        #expect(server.delivered(to: Self.first).isEmpty)
    }

    @Test func implicitTLSOnSmtps() throws {
        let tls = try Self.certificates()
        let server = try Self.server(tls: .implicit(certificate: tls + "/server.pem", key: tls + "/server.key"))
        let spool = Self.spool("smtps://127.0.0.1:\(server.port)") { $0.caFile = tls + "/ca.pem" }
        #expect(spool.deliver(Self.message(), key: "k", envelope: Self.envelope).accepted.count == 2)
        #expect(server.delivered(to: Self.second).count == 1)
    }

    @Test func aRefusedRecipientDoesNotStopTheOthers() throws {
        let server = try Self.server()
        try server.setRules(#"{"refuse": ["mt@zeehoek-pro.example"], "defer": []}"#)
        let outcome = Self.spool("smtp://127.0.0.1:\(server.port)").deliver(
            Self.message(), key: "k", envelope: Self.envelope)
        #expect(outcome.accepted == [Self.second])
        #expect(outcome.refused[Self.first]?.contains("550 5.1.1") == true, "\(outcome)")
        #expect(outcome.deferred.isEmpty)
        #expect(server.delivered(to: Self.second).count == 1 && server.delivered(to: Self.first).isEmpty)
    }

    @Test func aTemporaryRefusalDefersThatRecipientOnly() throws {
        let server = try Self.server()
        try server.setRules(#"{"defer": ["mt@zeehoek-pro.example"]}"#)
        let outcome = Self.spool("smtp://127.0.0.1:\(server.port)").deliver(
            Self.message(), key: "k", envelope: Self.envelope)
        #expect(outcome.accepted == [Self.second] && outcome.refused.isEmpty)
        #expect(outcome.deferred[Self.first]?.contains("451") == true, "\(outcome)")
    }

    /// A connection lost halfway through DATA: the server never completed the transaction, so nothing
    /// is delivered and the recipient waits; the next try delivers exactly one copy.
    @Test func aConnectionLostInDataDeliversNothingAndTheRetryOnce() throws {
        let server = try Self.server()
        try server.setRules(#"{"drop_in_data": 1}"#)
        let spool = Self.spool("smtp://127.0.0.1:\(server.port)")
        let one = Envelope(sender: Self.sender, recipients: [Self.first])
        let lost = spool.deliver(Self.message(), key: "k", envelope: one)
        #expect(lost.accepted.isEmpty && lost.deferred[Self.first] != nil, "\(lost)")
        #expect(server.delivered(to: Self.first).isEmpty)
        #expect(spool.deliver(Self.message(), key: "k", envelope: one).accepted == [Self.first])
        #expect(server.delivered(to: Self.first).count == 1)
    }

    /// The one case SMTP cannot tell: the server stored the message but the "250" never arrived. The
    /// retry delivers it again, with the same Message-ID, so a mail client shows it once.
    @Test func aLostFinalReplyGivesASecondCopyWithTheSameMessageID() throws {
        let server = try Self.server()
        try server.setRules(#"{"drop_after_data": 1}"#)
        let spool = Self.spool("smtp://127.0.0.1:\(server.port)")
        let one = Envelope(sender: Self.sender, recipients: [Self.first])
        #expect(spool.deliver(Self.message(), key: "k", envelope: one).deferred[Self.first] != nil)
        #expect(spool.deliver(Self.message(), key: "k", envelope: one).accepted == [Self.first])
        let ids = try server.delivered(to: Self.first).map { try MailReader.read($0).header("Message-ID") }
        #expect(ids.count == 2 && Set(ids).count == 1, "\(ids)")
    }

    @Test func aServerThatIsNotThereDefersEveryRecipient() throws {
        let outcome = Self.spool("smtp://127.0.0.1:1").deliver(Self.message(), key: "k", envelope: Self.envelope)
        #expect(outcome.deferred.count == 2 && outcome.accepted.isEmpty)
        #expect(outcome.deferred[Self.second]?.contains("smtp://127.0.0.1:1") == true, "\(outcome)")
    }

    /// A server that takes the connection and never greets: the delivery gives up after its time, for
    /// all recipients together, and they wait for a later round.
    @Test func aServerThatNeverAnswersHoldsTheRoundNoLongerThanItsTimeout() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        try withUnsafeMutablePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                try #require(bind(listener, $0, length) == 0 && listen(listener, 8) == 0)
                try #require(getsockname(listener, $0, &length) == 0)
            }
        }
        var spool = Self.spool("smtp://127.0.0.1:\(UInt16(bigEndian: address.sin_port))")
        spool.timeoutSeconds = 2
        let started = ContinuousClock.now
        let three = Envelope(sender: Self.sender, recipients: [Self.first, Self.second, "derde@zeehoek-pro.example"])
        let outcome = spool.deliver(Self.message(), key: "k", envelope: three)
        let took = ContinuousClock.now - started
        #expect(outcome.deferred.count == 3 && outcome.accepted.isEmpty, "\(outcome)")
        #expect(took < .seconds(4), "took \(took)")
    }

    @Test func thePasswordComesFromAPrivateFileOrASystemdCredential() throws {
        let folder = Paths.temporaryFolder("smtp-password")
        let file = folder + "/password"
        try Data("geheim-2\n".utf8).write(to: URL(fileURLWithPath: file))
        chmod(file, 0o644)
        let spool = Self.spool("smtp://127.0.0.1:1")
        #expect(throws: MailSpoolError.self) { try spool.readPassword(.file(file)) }
        do {
            _ = try spool.readPassword(.file(file))
        } catch {
            #expect(error.message.contains("may be read by others (mode 644): chmod 600"), "\(error)")
        }
        chmod(file, 0o600)
        #expect(try spool.readPassword(.file(file)) == "geheim-2")

        var inUnit = spool
        inUnit.credentialsDirectory = folder
        #expect(try inUnit.readPassword(.credential("password")) == "geheim-2")
        inUnit.credentialsDirectory = nil
        do {
            _ = try inUnit.readPassword(.credential("smtp"))
            Issue.record("a credential without $CREDENTIALS_DIRECTORY was read")
        } catch {
            #expect(error.message.contains("LoadCredential=smtp:FILE"), "\(error)")
        }
    }
}
