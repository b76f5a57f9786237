import CCurl
import Foundation
import MentionConfig

/// Submits each message to an SMTP server through libcurl (RFC 6409 submission): STARTTLS (RFC 3207)
/// or implicit TLS (RFC 8314), AUTH when the config names an account.
///
/// One transaction per recipient, on one connection: libcurl reports one result per transfer, so this is
/// how each recipient's answer is known. A 5xx to RCPT or to the message is that recipient's refusal;
/// a 4xx to RCPT defers that recipient; anything else (a dropped connection, a failed login, a 4xx to the
/// sender or the message) defers the recipients not yet done.
/// The message, and so its Message-ID, is the same on every try. Where the server accepted the whole
/// message but the connection broke before its "250" reached us, the retry delivers it again with
/// the same Message-ID (RFC 5321 §4.1.1.4 leaves the sender no way to tell; see docs/operations.md).
public struct SmtpSpool: MailSpool {
    public let server: SmtpTarget
    /// For the whole delivery, all recipients together: the poller waits for it, and systemd's watchdog
    /// for the poller (docs/operations.md), so a server that hangs must not hold either for long.
    public var timeoutSeconds = 20
    /// `$CREDENTIALS_DIRECTORY`, set by systemd for `LoadCredential=`.
    public var credentialsDirectory = ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"]

    public init(server: SmtpTarget) {
        self.server = server
        _ = Self.curlReady
    }

    private static let curlReady: CURLcode = mw_curl_global_init()

    public func deliver(_ message: String, key: String, envelope: Envelope) -> MailOutcome {
        var outcome = MailOutcome()
        let password: String?
        do {
            password = try server.password.map { source throws(MailSpoolError) in try readPassword(source) }
        } catch {
            return deferAll(envelope.recipients, error.message)
        }
        let upload = Upload(Array(message.utf8))
        // Allocated before the handle and freed after it: libcurl may call back into them until cleanup.
        let trace = UnsafeMutablePointer<mw_smtp_trace>.allocate(capacity: 1)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        defer {
            trace.deallocate()
            errorBuffer.deallocate()
        }
        guard let curl = curl_easy_init() else { return deferAll(envelope.recipients, "libcurl cannot start") }
        defer {
            curl_easy_cleanup(curl)
            withExtendedLifetime(upload) {}  // READDATA holds it unretained
        }
        configure(curl, sender: envelope.sender, password: password, upload: upload, errors: errorBuffer)
        mw_set_smtp_trace(curl, trace)
        let deadline = ContinuousClock.now + .seconds(timeoutSeconds)
        for (index, recipient) in envelope.recipients.enumerated() {
            let left = deadline - ContinuousClock.now
            guard left > .milliseconds(500) else {
                let detail = "\(server.url): no time left in this round (\(timeoutSeconds) s for all recipients)"
                for later in envelope.recipients[index...] { outcome.deferred[later] = detail }
                break
            }
            mw_setopt_long(curl, CURLOPT_TIMEOUT_MS, Int(left / .milliseconds(1)))
            upload.offset = 0
            trace.initialize(to: mw_smtp_trace())
            errorBuffer[0] = 0
            let recipients = curl_slist_append(nil, "<\(recipient)>")
            defer { curl_slist_free_all(recipients) }
            mw_setopt_slist(curl, CURLOPT_MAIL_RCPT, recipients)
            let code = curl_easy_perform(curl)
            mw_setopt_slist(curl, CURLOPT_MAIL_RCPT, nil)
            if code == CURLE_OK {
                outcome.accepted.append(recipient)
                continue
            }
            let failed = Self.text(trace.pointee.failed_command)
            let command = failed.isEmpty ? Self.text(trace.pointee.command) : failed
            let reply = failed.isEmpty ? Self.text(trace.pointee.reply) : Self.text(trace.pointee.failed_reply)
            let detail = Self.describe(code, reply: reply, errors: String(cString: errorBuffer), server: server)
            if reply.hasPrefix("5"), command == "RCPT" || command == "DATA" {
                outcome.refused[recipient] = detail
                continue
            }
            if reply.hasPrefix("4"), command == "RCPT" {
                outcome.deferred[recipient] = detail
                continue
            }
            // The server, the login or the sender failed, not this recipient: the rest would fail alike.
            for later in envelope.recipients[index...] { outcome.deferred[later] = detail }
            break
        }
        return outcome
    }

    private func configure(
        _ curl: UnsafeMutableRawPointer, sender: String, password: String?, upload: Upload,
        errors: UnsafeMutablePointer<CChar>
    ) {
        mw_setopt_string(curl, CURLOPT_URL, server.url)
        mw_setopt_string(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        let tls = server.url.hasPrefix("smtps://") || server.requireStartTLS
        mw_setopt_long(curl, CURLOPT_USE_SSL, Int(tls ? CURLUSESSL_ALL.rawValue : CURLUSESSL_NONE.rawValue))
        mw_setopt_long(curl, CURLOPT_SSL_VERIFYPEER, 1)
        mw_setopt_long(curl, CURLOPT_SSL_VERIFYHOST, 2)
        if let caFile = server.caFile { mw_setopt_string(curl, CURLOPT_CAINFO, caFile) }
        if let user = server.user, let password {
            mw_setopt_string(curl, CURLOPT_USERNAME, user)
            mw_setopt_string(curl, CURLOPT_PASSWORD, password)
        }
        mw_setopt_string(curl, CURLOPT_MAIL_FROM, "<\(sender)>")
        mw_setopt_long(curl, CURLOPT_UPLOAD, 1)
        mw_setopt_read_function(curl, uploadRead)
        mw_setopt_pointer(curl, CURLOPT_READDATA, Unmanaged.passUnretained(upload).toOpaque())
        mw_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, min(10, timeoutSeconds))
        mw_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
        mw_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errors)
    }

    /// The password, read at each delivery so a changed one needs no restart. A file others may read is
    /// refused: it would mean the password is no longer the service's alone.
    public func readPassword(_ source: SmtpPassword) throws(MailSpoolError) -> String {
        let path: String
        switch source {
        case .file(let file):
            var status = stat()
            guard stat(file, &status) == 0 else {
                throw MailSpoolError("cannot read the SMTP password file \(file): \(String(cString: strerror(errno)))")
            }
            // A pipe or a device would block the poller on the read; only a plain file is read.
            guard status.st_mode & S_IFMT == S_IFREG else {
                throw MailSpoolError("the SMTP password file \(file) is not a plain file")
            }
            guard status.st_mode & 0o077 == 0 else {
                throw MailSpoolError(
                    "the SMTP password file \(file) may be read by others (mode \(String(status.st_mode & 0o777, radix: 8))): chmod 600 it"
                )
            }
            path = file
        case .credential(let name):
            guard let directory = credentialsDirectory, !directory.isEmpty else {
                throw MailSpoolError(
                    "alerts.smtp.password_credential '\(name)' needs systemd's LoadCredential=\(name):FILE (no $CREDENTIALS_DIRECTORY)"
                )
            }
            path = "\(directory)/\(name)"
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MailSpoolError("cannot read the SMTP password from \(path)")
        }
        let password = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .newlines)
        guard !password.isEmpty else { throw MailSpoolError("the SMTP password in \(path) is empty") }
        return password
    }

    /// A C string in a fixed-size array of the trace.
    private static func text<T>(_ field: T) -> String {
        withUnsafeBytes(of: field) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
    }

    private func deferAll(_ recipients: [String], _ reason: String) -> MailOutcome {
        MailOutcome(deferred: Dictionary(recipients.map { ($0, reason) }) { first, _ in first })
    }

    /// What went wrong, for the log: the server's own words where it said something.
    static func describe(_ code: CURLcode, reply: String, errors: String, server: SmtpTarget) -> String {
        let curlSays = errors.isEmpty ? String(cString: curl_easy_strerror(code)) : errors
        let host = server.url
        switch code {
        case CURLE_LOGIN_DENIED: return "\(host) refused the login of \(server.user ?? "?"): \(reply)"
        case CURLE_USE_SSL_FAILED: return "\(host) does not offer STARTTLS, which alerts.smtp.starttls requires"
        default: return reply.isEmpty ? "\(host): \(curlSays)" : "\(host): \(reply) (\(curlSays))"
        }
    }
}

/// The message being uploaded and how far libcurl has read it; libcurl reads it once per recipient.
private final class Upload {
    let bytes: [UInt8]
    var offset = 0
    init(_ bytes: [UInt8]) { self.bytes = bytes }
}

private let uploadRead: curl_read_callback = { buffer, size, count, userdata in
    guard let buffer, let userdata else { return 0 }
    let upload = Unmanaged<Upload>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, upload.bytes.count - upload.offset)
    upload.bytes.withUnsafeBufferPointer { source in
        _ = memcpy(buffer, source.baseAddress! + upload.offset, length)
    }
    upload.offset += length
    return length
}
