import Foundation
import MentionConfig
import TestSupport
import Testing

@testable import MentionMail

/// SMTP submission to Debian's Postfix on 127.0.0.1:25 (set up by tools/ci-postfix.sh): a real MTA
/// answers per recipient, and the mail is read back from the local Maildir.
@Suite(.enabled(if: LocalPostfix.runs, Comment(rawValue: LocalPostfix.skipNote)))
struct SmtpPostfixTests {
    @Test func postfixTakesTheMailForItsUserAndRefusesAnUnknownOne() throws {
        try #require(LocalPostfix.missing == nil, "\(LocalPostfix.skipNote)")
        let marker = "smtp-\(UUID().uuidString)"
        let message = [
            "From: mentionwatch <mentionwatch@localhost>", "To: \(LocalPostfix.address)",
            "Subject: Melding \(marker)", "Message-ID: <\(marker)@zeehoek-pro.example>", "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8", "", "Een melding over De Zeehoek.", "",
        ].joined(separator: "\r\n")
        var target = SmtpTarget(url: "smtp://127.0.0.1:25", host: "127.0.0.1")
        target.requireStartTLS = false
        let unknown = "niemand-\(marker.prefix(13))@localhost"
        let outcome = SmtpSpool(server: target).deliver(
            message, key: marker,
            envelope: Envelope(sender: "mentionwatch@localhost", recipients: [LocalPostfix.address, unknown]))
        #expect(outcome.accepted == [LocalPostfix.address], "\(outcome)")
        #expect(outcome.refused[unknown]?.contains("550") == true, "\(outcome)")
        let file = try #require(LocalPostfix.awaitMail(containing: marker), "Postfix did not deliver the mail")
        let mail = try MailReader.read(file)
        #expect(mail.header("Message-ID") == "<\(marker)@zeehoek-pro.example>")
        #expect(mail.parts.first?.text?.contains("Een melding over De Zeehoek.") == true)
    }
}
