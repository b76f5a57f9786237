import Foundation
import MentionMail
import MentionRender
import TestSupport
import Testing

/// An alert through Debian's Postfix: the spool pipes it to /usr/sbin/sendmail, Postfix delivers it
/// into a local Maildir, and Python's email package reads it back from there.
@Suite("alert mail through Postfix")
struct PostfixRouteTests {
    @Test(.enabled(if: LocalPostfix.runs, Comment(rawValue: LocalPostfix.skipNote)))
    func anAlertGoesThroughPostfixsSendmailIntoTheMailbox() throws {
        try #require(LocalPostfix.missing == nil, "\(LocalPostfix.skipNote)")
        let config = try MailFixture.config(
            folder: Paths.temporaryFolder("postfix"), from: "mentionwatch@localhost", to: [LocalPostfix.address])
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        // A case number of its own each run: the mailbox keeps the mails of earlier runs.
        let content = try MailFixture.content(
            config: config, text: "Meester Youssef is een sukkel, zegt de hele klas.",
            caseNumber: "MW-\(Int.random(in: 100_000...999_999))")
        let messageID = mail.messageID(for: content)

        try SendmailSpool(path: "/usr/sbin/sendmail", timeoutSeconds: 30).deliver(
            mail.render(content, date: Date()), key: MailFixture.key(mail, content))

        let file = try #require(
            LocalPostfix.awaitMail(containing: messageID), "\(messageID) did not arrive in \(LocalPostfix.maildir)")
        let parsed = try MailReader.read(file)
        #expect(parsed.defects == [])
        #expect(parsed.header("Message-ID") == messageID)
        #expect(parsed.header("Subject") == mail.subject(content))
        #expect(parsed.header("To") == LocalPostfix.address)
        #expect(parsed.header("Delivered-To") == LocalPostfix.address)
        #expect(parsed.header("Received")?.contains("(Postfix") == true, "\(parsed.header("Received") ?? "")")
        #expect(parsed.parts.first?.text?.contains("Meester Youssef is een sukkel") == true)
    }
}
