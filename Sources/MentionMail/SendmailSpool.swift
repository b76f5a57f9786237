import Foundation

/// Pipes each message to `sendmail -i -t` (recipients from the headers, a lone "." is not the end).
/// A non-zero exit is a failed delivery, retried later.
public struct SendmailSpool: MailSpool {
    public let path: String

    public let timeoutSeconds: Int

    public init(path: String, timeoutSeconds: Int = 60) {
        self.path = path
        self.timeoutSeconds = timeoutSeconds
        _ = Self.ignoreBrokenPipes
    }

    /// A sendmail that exits without reading its input must be a failed delivery, not a SIGPIPE that kills the daemon.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    public func deliver(_ message: String, key: String) throws(MailSpoolError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "-t"]
        let input = Pipe()
        // stderr goes to a file, not a pipe: a chatty sendmail can never block on a full pipe.
        let errorFile = NSTemporaryDirectory() + "mentionwatch-sendmail-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: errorFile, contents: nil, attributes: [.posixPermissions: 0o600]),
            let errors = FileHandle(forWritingAtPath: errorFile)
        else {
            throw MailSpoolError("cannot create a temporary file for \(path)'s messages in \(NSTemporaryDirectory())")
        }
        defer {
            try? errors.close()
            unlink(errorFile)
        }
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        do {
            try process.run()
        } catch {
            throw MailSpoolError("cannot start \(path): \(error.localizedDescription)")
        }
        // sendmail wants LF line ends on its input; it writes the wire format itself.
        // Written from another thread, so this one can time out on a sendmail that never reads.
        let body = Data(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let writer = input.fileHandleForWriting
        DispatchQueue.global().async {
            try? writer.write(contentsOf: body)
            try? writer.close()
        }
        // A hung sendmail must not hold up the outbox for ever: the alert stays pending and is retried.
        if exited.wait(timeout: .now() + .seconds(timeoutSeconds)) == .timedOut {
            process.terminate()
            throw MailSpoolError("\(path) did not finish within \(timeoutSeconds) s")
        }
        let stderr = FileManager.default.contents(atPath: errorFile) ?? Data()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let detail = String(decoding: stderr.prefix(500), as: UTF8.self).trimmingCharacters(
                in: .whitespacesAndNewlines)
            let how = process.terminationReason == .exit ? "status" : "signal"
            throw MailSpoolError(
                "\(path) failed with \(how) \(process.terminationStatus)\(detail.isEmpty ? "" : ": \(detail)")")
        }
    }
}
