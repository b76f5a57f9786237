import Foundation
import MentionMail
import MentionRender
import TestSupport
import Testing

@Suite("Maildir delivery of alert mails")
struct MaildirTests {
    static let post =
        "Juf Marieke is echt een trut, iedereen in de klas weet het. Groetjes uit Westerveen – één keer en nooit weer"

    @Test func aRenderedAlertLandsInNewAndParsesCleanly() throws {
        let folder = Paths.temporaryFolder("maildir")
        let config = try MailFixture.config(folder: folder)
        guard case .maildir(let spoolPath) = config.alerts.spool else {
            Issue.record("spool is not a Maildir")
            return
        }
        #expect(spoolPath == folder + "/spool/mt")  // relative paths resolve against the config's folder
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        let content = try MailFixture.content(config: config, text: Self.post)

        try MaildirSpool(path: spoolPath).deliver(
            mail.render(content, date: MailFixture.date), key: MailFixture.key(mail, content))

        // Written to tmp/, renamed into new/: nothing half-written is left behind.
        #expect(files(in: spoolPath + "/tmp").isEmpty)
        #expect(files(in: spoolPath + "/cur").isEmpty)
        let delivered = files(in: spoolPath + "/new")
        try #require(delivered.count == 1)
        let file = spoolPath + "/new/" + delivered[0]
        #expect(fileMode(file) == 0o600)
        #expect(fileMode(spoolPath + "/new") == 0o700)

        let parsed = try MailReader.read(file)
        #expect(parsed.defects == [])
        let subject = try #require(parsed.header("Subject"))
        #expect(subject.contains(DutchLabels.category(.insult)))  // "Schelden of beledigen"
        #expect(subject.contains("MW-000042"))
        #expect(subject.contains("Marieke Verbeek-Smit (mentor)"))
        #expect(parsed.header("From") == "mentionwatch <\(MailFixture.from)>")
        #expect(parsed.header("To") == MailFixture.to.joined(separator: ", "))
        #expect(parsed.header("Message-ID") == mail.messageID(for: content))
        #expect(parsed.header("Message-ID")?.hasSuffix("@zeehoek-pro.nl>") == true)
        #expect(parsed.header("Auto-Submitted") == "auto-generated")
        #expect(parsed.header("Date") != nil)

        #expect(parsed.isMultipart && parsed.contentType == "multipart/alternative")
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(parsed.parts.map(\.charset) == ["utf-8", "utf-8"])
        let text = try #require(parsed.parts.first?.text)
        #expect(text.contains("Zaaknummer: MW-000042"))
        #expect(text.contains(Self.post))  // UTF-8 (é, –) survives the round trip
        let html = try #require(parsed.parts.last?.text)
        #expect(html.contains("MW-000042"))
        #expect(html.contains("Juf Marieke is echt een trut"))
    }

    @Test func theSameKeyIsDeliveredOnceEvenAfterAClientReadIt() throws {
        let folder = Paths.temporaryFolder("maildir")
        let config = try MailFixture.config(folder: folder)
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        let content = try MailFixture.content(config: config, text: Self.post)
        let message = mail.render(content, date: MailFixture.date)
        let key = MailFixture.key(mail, content)
        let spool = MaildirSpool(path: folder + "/Maildir")

        // A crash between delivery and markAlertSent means the outbox delivers again: no second copy.
        try spool.deliver(message, key: key)
        try spool.deliver(message, key: key)
        let delivered = files(in: folder + "/Maildir/new")
        try #require(delivered.count == 1)

        // A mail client moves the read message to cur/ and appends its flags.
        let read = folder + "/Maildir/cur/" + delivered[0] + ":2,S"
        try FileManager.default.moveItem(atPath: folder + "/Maildir/new/" + delivered[0], toPath: read)
        try spool.deliver(message, key: key)
        #expect(files(in: folder + "/Maildir/new").isEmpty)
        #expect(files(in: folder + "/Maildir/cur") == [delivered[0] + ":2,S"])
        #expect(files(in: folder + "/Maildir/tmp").isEmpty)

        // Servers such as Dovecot add fields to the name (",S=size"): still the same message.
        let renamed = folder + "/Maildir/cur/" + delivered[0] + ",S=4096:2,S"
        try FileManager.default.moveItem(atPath: read, toPath: renamed)
        try spool.deliver(message, key: key)
        #expect(files(in: folder + "/Maildir/new").isEmpty)

        // Control: another alert (another key) is delivered next to it.
        let other = try MailFixture.content(config: config, text: Self.post, caseNumber: "MW-000043")
        try spool.deliver(mail.render(other, date: MailFixture.date), key: MailFixture.key(mail, other))
        #expect(files(in: folder + "/Maildir/new").count == 1)
        #expect(MailFixture.key(mail, other) != key)
    }

    @Test func feedTextCannotInjectHeadersOrScript() throws {
        let folder = Paths.temporaryFolder("maildir")
        let config = try MailFixture.config(folder: folder)
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        let hostile = "Juf Marieke is een trut <script>alert('x')</script> <img src=x onerror=alert(1)>"
        let content = try MailFixture.content(
            config: config, text: hostile, title: "Nieuws\r\nBcc: victim@example.org\r\n\r\n<b>body</b>",
            feedTitle: "Westerveens Dagblad\r\nBcc: victim@example.org", link: "javascript:alert(1)")
        let spool = MaildirSpool(path: folder + "/Maildir")
        try spool.deliver(mail.render(content, date: MailFixture.date), key: MailFixture.key(mail, content))
        let delivered = files(in: folder + "/Maildir/new")
        try #require(delivered.count == 1)

        let parsed = try MailReader.read(folder + "/Maildir/new/" + delivered[0])
        #expect(parsed.defects == [])
        #expect(parsed.header("Bcc") == nil)
        #expect(!parsed.headers.keys.contains { $0.lowercased() == "bcc" })
        #expect(parsed.header("To") == MailFixture.to.joined(separator: ", "))
        #expect(parsed.parts.count == 2)  // the title's blank line did not end the headers or add a part

        let html = try #require(parsed.parts.first { $0.contentType == "text/html" }?.text)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("<b>body</b>"))
        // Only http(s) links become clickable.
        #expect(!html.contains("href=\"javascript:"))
        // The plain part still shows what was written, as text.
        let text = try #require(parsed.parts.first { $0.contentType == "text/plain" }?.text)
        #expect(text.contains("<script>alert('x')</script>"))
    }

    /// The renderer writes the wire form (CRLF); the file in the Maildir has LF line ends, as the
    /// convention has it, and Python's parser still reads every header and part of it.
    @Test func aMaildirFileHasLFLineEndsAndStillParses() throws {
        let folder = Paths.temporaryFolder("maildir")
        let config = try MailFixture.config(folder: folder)
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        let content = try MailFixture.content(config: config, text: Self.post)
        let message = mail.render(content, date: MailFixture.date)
        #expect(message.contains("\r\n"))
        let spool = MaildirSpool(path: folder + "/Maildir")
        try spool.deliver(message, key: MailFixture.key(mail, content))
        let delivered = files(in: folder + "/Maildir/new")
        try #require(delivered.count == 1)
        let file = folder + "/Maildir/new/" + delivered[0]

        let bytes = try Data(contentsOf: URL(fileURLWithPath: file))
        #expect(!bytes.contains(UInt8(ascii: "\r")))
        #expect(String(decoding: bytes, as: UTF8.self) == message.replacingOccurrences(of: "\r\n", with: "\n"))

        let parsed = try MailReader.read(file)
        #expect(parsed.defects == [])
        #expect(parsed.header("Subject") == mail.subject(content))  // the folded RFC 2047 subject, decoded
        #expect(parsed.header("Message-ID") == mail.messageID(for: content))
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html"])
        let text = try #require(parsed.parts.first?.text)
        #expect(text.contains(Self.post))
        #expect(!text.contains("\r"))
    }

    @Test func anUnwritableSpoolThrowsNamingThePath() throws {
        let folder = Paths.temporaryFolder("maildir")
        let file = folder + "/not-a-folder"
        try Data("plain file".utf8).write(to: URL(fileURLWithPath: file))
        let spool = MaildirSpool(path: file + "/maildir")

        let error = #expect(throws: MailSpoolError.self) { try spool.deliver("Subject: x\r\n\r\nx\r\n", key: "mw-1") }
        #expect(error?.message.contains(file + "/maildir") == true, "\(String(describing: error))")
        // Nothing was created beside or under the file.
        #expect(files(in: folder) == ["not-a-folder"])
    }

    @Test func aMissingSpoolFolderIsCreatedOwnerOnly() throws {
        let folder = Paths.temporaryFolder("maildir")
        let spool = MaildirSpool(path: folder + "/var/spool/mentionwatch/mt")
        try spool.deliver("Subject: test\r\n\r\nhallo\r\n", key: "mw-abc")
        for sub in ["", "/tmp", "/new", "/cur"] {
            #expect(fileMode(spool.path + sub) == 0o700, "\(sub)")
        }
        #expect(files(in: spool.path + "/new").count == 1)
    }
}
