import Foundation
import MentionMail
import MentionRender
import TestSupport
import Testing

/// A real executable standing in for sendmail: a shell script in a temporary folder.
/// The spool passes no environment of ours, so the output paths are written into the script.
struct FakeSendmail {
    let folder: String
    var path: String { folder + "/sendmail" }
    var argumentsFile: String { folder + "/arguments" }
    var messageFile: String { folder + "/message" }

    /// - Parameter body: shell lines run after the arguments are recorded.
    init(_ body: String) throws {
        folder = Paths.temporaryFolder("sendmail")
        let script = """
            #!/bin/sh
            for argument in "$@"; do printf '%s\\n' "$argument"; done > '\(folder)/arguments'
            \(body)

            """
        // Written by a child process, never through a descriptor of ours: a parallel test forking while
        // we held the file open for writing would make exec fail with ETXTBSY ("text file busy").
        try run("/bin/sh", ["-c", "cat > \"$0\" && chmod 700 \"$0\"", path], stdin: script)
    }

    /// Writes its input to the message file and accepts it, like a working sendmail.
    static func accepting() throws -> FakeSendmail { try FakeSendmail("cat > \"$(dirname \"$0\")/message\"\nexit 0") }
}

@Suite("sendmail delivery of alert mails")
struct SendmailTests {
    @Test func theMessageIsPipedWithLFLineEndsToSendmailDashIDashT() throws {
        let sendmail = try FakeSendmail.accepting()
        let config = try MailFixture.config(folder: sendmail.folder)
        let mail = AlertMail(config: config, timeZone: MailFixture.timeZone)
        let content = try MailFixture.content(config: config, text: "Meester Youssef is een sukkel, zegt de hele klas.")
        let message = mail.render(content, date: MailFixture.date)
        #expect(message.contains("\r\n"))  // rendered for the wire...

        try SendmailSpool(path: sendmail.path).deliver(message, key: MailFixture.key(mail, content))

        // ...but sendmail wants local (LF) line ends and adds CR itself.
        let received = try Data(contentsOf: URL(fileURLWithPath: sendmail.messageFile))
        #expect(!received.contains(UInt8(ascii: "\r")))
        #expect(String(decoding: received, as: UTF8.self) == message.replacingOccurrences(of: "\r\n", with: "\n"))
        // -i: a lone "." is not the end of input; -t: recipients from the To header.
        #expect(try String(contentsOfFile: sendmail.argumentsFile, encoding: .utf8) == "-i\n-t\n")

        // What sendmail got is still a clean message.
        let parsed = try MailReader.read(sendmail.messageFile)
        #expect(parsed.defects == [])
        #expect(parsed.header("To") == MailFixture.to.joined(separator: ", "))
        #expect(parsed.header("Message-ID") == mail.messageID(for: content))
        #expect(parsed.parts.first?.text?.contains("Meester Youssef is een sukkel") == true)
    }

    @Test func aLoneDotLineReachesSendmailIntact() throws {
        let sendmail = try FakeSendmail.accepting()
        let message = "From: \(MailFixture.from)\r\nTo: mt@zeehoek-pro.nl\r\nSubject: punt\r\n\r\nvoor\r\n.\r\nna\r\n"
        try SendmailSpool(path: sendmail.path).deliver(message, key: "mw-dot")
        #expect(
            try String(contentsOfFile: sendmail.messageFile, encoding: .utf8)
                == "From: \(MailFixture.from)\nTo: mt@zeehoek-pro.nl\nSubject: punt\n\nvoor\n.\nna\n")
    }

    @Test func aTemporaryFailureThrowsWithTheStatus() throws {
        // EX_TEMPFAIL (75), as sendmail reports a full queue; the message is read first, as sendmail does.
        let sendmail = try FakeSendmail("cat > /dev/null\necho 'sendmail: queue directory full' >&2\nexit 75")
        let error = #expect(throws: MailSpoolError.self) {
            try SendmailSpool(path: sendmail.path).deliver("Subject: x\r\n\r\nx\r\n", key: "mw-75")
        }
        let message = error?.message ?? ""
        #expect(message.contains("75"), "\(message)")
        #expect(message.contains(sendmail.path), "\(message)")
        #expect(message.contains("queue directory full"), "\(message)")
    }

    @Test func aMissingSendmailThrows() throws {
        let folder = Paths.temporaryFolder("sendmail")
        let error = #expect(throws: MailSpoolError.self) {
            try SendmailSpool(path: folder + "/no-such-sendmail").deliver("Subject: x\r\n\r\nx\r\n", key: "mw-none")
        }
        #expect(error?.message.contains(folder + "/no-such-sendmail") == true, "\(String(describing: error))")
    }

    @Test func aChattySendmailThatSucceedsIsADelivery() throws {
        // 200 KB on stderr is more than a pipe holds: it must not block sendmail or the spool.
        let sendmail = try FakeSendmail(
            "cat > \"$(dirname \"$0\")/message\"\nhead -c 200000 /dev/zero | tr '\\0' x >&2\nexit 0")
        try SendmailSpool(path: sendmail.path, timeoutSeconds: 20).deliver("Subject: x\r\n\r\nx\r\n", key: "mw-chatty")
        #expect(try String(contentsOfFile: sendmail.messageFile, encoding: .utf8) == "Subject: x\n\nx\n")
    }

    @Test func aHungSendmailTimesOutAndIsAFailure() throws {
        let sendmail = try FakeSendmail("cat > /dev/null\nexec sleep 30")
        let error = #expect(throws: MailSpoolError.self) {
            try SendmailSpool(path: sendmail.path, timeoutSeconds: 1).deliver("Subject: x\r\n\r\nx\r\n", key: "mw-hang")
        }
        #expect(error?.message == "\(sendmail.path) did not finish within 1 s; stopped it with SIGTERM")
    }

    /// A sendmail that fails before reading its input (bad configuration, wrong program) closes the pipe.
    /// The spool must report a failure to retry; it must not let SIGPIPE kill the daemon.
    /// Run in a child process (an exit test) so a crash fails this test only. The message is larger than
    /// a pipe buffer so the write reliably meets the closed pipe.
    @Test func aSendmailThatExitsWithoutReadingIsAFailureNotACrash() async throws {
        await #expect(processExitsWith: .success) {
            exit(Self.deliverToASendmailThatReadsNothing())
        }
    }

    /// In the child: 0 when delivery threw a failure naming the status; 2 when it claimed success;
    /// 3 for another error; 4 when the script could not be written.
    static func deliverToASendmailThatReadsNothing() -> Int32 {
        guard let sendmail = try? FakeSendmail("echo 'sendmail: fatal: bad configuration' >&2\nexit 75") else {
            return 4
        }
        let path = sendmail.path
        let message = "Subject: groot\r\n\r\n" + String(repeating: "Juf Marieke is een trut.\r\n", count: 40_000)
        do throws(MailSpoolError) {
            try SendmailSpool(path: path).deliver(message, key: "mw-pipe")
            return 2  // a failed sendmail must not count as delivered
        } catch {
            return error.message.contains("75") ? 0 : 3
        }
    }
}
