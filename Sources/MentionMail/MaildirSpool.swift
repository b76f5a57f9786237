import Foundation

/// Delivers into a Maildir the way the convention asks: write to `tmp/`, fsync, then rename
/// into `new/`, so a reader never sees a half-written message.
///
/// The file name is derived from the message key, so a message delivered before a crash (but
/// not yet marked sent) is found again in `new/` or `cur/` and not delivered twice.
///
/// Messages are rendered for the wire (CRLF line ends); a Maildir file holds them with the local
/// LF line ends, as mail servers (Dovecot, Postfix's virtual delivery) and clients (mutt) expect.
/// The conversion happens here, at the Maildir's edge, and nowhere else.
public struct MaildirSpool: MailSpool {
    public let path: String

    public init(path: String) { self.path = path }

    public func deliver(_ message: String, key: String) throws(MailSpoolError) {
        try prepareFolders()
        let name = "mentionwatch-\(Self.fileSafe(key))"
        if isDelivered(name) { return }
        let temporary = "\(path)/tmp/\(name).\(ProcessInfo.processInfo.processIdentifier)"
        try write(Array(Self.localLineEnds(message).utf8), to: temporary)
        guard rename(temporary, "\(path)/new/\(name)") == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw MailSpoolError("cannot move the message into \(path)/new: \(reason)")
        }
        syncDirectory("\(path)/new")
    }

    /// Creates `tmp`, `new` and `cur` (mode 0700) when missing.
    public func prepareFolders() throws(MailSpoolError) {
        for folder in [path, "\(path)/tmp", "\(path)/new", "\(path)/cur"] {
            if mkdir(folder, 0o700) != 0 && errno != EEXIST {
                if errno == ENOENT {
                    do {
                        try FileManager.default.createDirectory(
                            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                    } catch {
                        throw MailSpoolError(
                            "cannot create the Maildir folder \(folder): \(error.localizedDescription)")
                    }
                    continue
                }
                throw MailSpoolError("cannot create the Maildir folder \(folder): \(String(cString: strerror(errno)))")
            }
        }
    }

    /// A mail client moves read mail to `cur/` and appends flags (":2,S"); some servers also add
    /// fields (",S=1234"): look there too.
    private func isDelivered(_ name: String) -> Bool {
        if access("\(path)/new/\(name)", F_OK) == 0 { return true }
        let current = (try? FileManager.default.contentsOfDirectory(atPath: "\(path)/cur")) ?? []
        return current.contains { $0 == name || $0.hasPrefix(name + ":") || $0.hasPrefix(name + ",") }
    }

    private func write(_ bytes: [UInt8], to file: String) throws(MailSpoolError) {
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw MailSpoolError("cannot create \(file): \(String(cString: strerror(errno)))") }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(file)
                throw MailSpoolError("cannot write \(file): \(reason)")
            }
            written += result
        }
        let synced = fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        close(fd)
        guard synced else {
            unlink(file)
            throw MailSpoolError("cannot sync \(file) to disk: \(reason)")
        }
    }

    private func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }

    /// CRLF to LF. A lone CR is left alone: the renderer never writes one, and it is not a line end.
    static func localLineEnds(_ message: String) -> String {
        message.replacingOccurrences(of: "\r\n", with: "\n")
    }

    private static func fileSafe(_ key: String) -> String {
        String(
            key.unicodeScalars.map {
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") ? Character($0) : "_"
            })
    }
}
