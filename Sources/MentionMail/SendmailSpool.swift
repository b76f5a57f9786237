import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Pipes each message to `sendmail -i -t` (recipients from the headers, a lone "." is not the end).
/// A non-zero exit is a failed delivery, retried later. The child runs in a process group of its own
/// with a clean signal state (see `SendmailChild`); at the timeout, or when the daemon stops, the
/// group gets SIGTERM and, `graceSeconds` later, SIGKILL.
public struct SendmailSpool: MailSpool {
    public let path: String

    public let timeoutSeconds: Int

    /// Between SIGTERM and SIGKILL.
    public let graceSeconds: Double

    let children: SendmailChildren

    public init(
        path: String, timeoutSeconds: Int = 20, graceSeconds: Double = 2, children: SendmailChildren = .shared
    ) {
        self.path = path
        self.timeoutSeconds = timeoutSeconds
        self.graceSeconds = graceSeconds
        self.children = children
        _ = Self.ignoreBrokenPipes
    }

    /// A sendmail that exits without reading its input must be a failed delivery, not a SIGPIPE that kills the daemon.
    private static let ignoreBrokenPipes: Void = { signal(SIGPIPE, SIG_IGN) }()

    public func deliver(_ message: String, key: String) throws(MailSpoolError) {
        // stderr goes to a file, not a pipe: a chatty sendmail can never block on a full pipe.
        // Unlinked at once: only the descriptor is needed, and nothing is left behind after a crash.
        let errorPath = NSTemporaryDirectory() + "mentionwatch-sendmail-\(UUID().uuidString)"
        let errorFile = open(errorPath, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard errorFile >= 0 else {
            throw MailSpoolError(
                "cannot create a temporary file for \(path)'s messages in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))"
            )
        }
        unlink(errorPath)
        defer { close(errorFile) }

        var child = try children.start(path) { () throws(MailSpoolError) in
            try SendmailChild.spawn(path, errorFile: errorFile)
        }
        // sendmail wants LF line ends on its input; it writes the wire format itself.
        let body = Array(message.replacingOccurrences(of: "\r\n", with: "\n").utf8)
        let pid = child.pid
        let outcome = child.run(
            body: body, timeout: .seconds(timeoutSeconds), grace: .seconds(graceSeconds),
            stopRequested: { children.isStopping }, beforeReap: { children.finished(pid) })

        // Exit status 0 is a delivery even when it came just after our SIGTERM: sendmail accepted the
        // message, and counting it as failed would send it twice.
        if outcome.ending == .exited(0) { return }
        // A hung sendmail must not hold up the outbox for ever: the alert stays pending and is retried.
        let signals = outcome.killed ? "SIGTERM, then SIGKILL" : "SIGTERM"
        switch outcome.stop {
        case .timeout:
            throw MailSpoolError("\(path) did not finish within \(timeoutSeconds) s; stopped it with \(signals)")
        case .shutdown:
            throw MailSpoolError("\(path) stopped with \(signals): mentionwatch is stopping")
        case nil:
            break
        }
        let detail = Self.messages(errorFile)
        let suffix = detail.isEmpty ? "" : ": \(detail)"
        switch outcome.ending {
        case .exited(let status): throw MailSpoolError("\(path) failed with status \(status)\(suffix)")
        case .signalled(let signal):
            throw MailSpoolError(
                "\(path) failed with signal \(signal) (\(String(cString: strsignal(signal))))\(suffix)")
        }
    }

    /// The first 500 bytes sendmail wrote to stderr.
    private static func messages(_ file: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 500)
        let count = pread(file, &buffer, buffer.count, 0)
        return String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
    }
}
