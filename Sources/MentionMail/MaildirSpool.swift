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
///
/// Without a group the Maildir is private (folders 0700, files 0600). With one (`alerts.spool_group`)
/// the folders are 0770 and the files 0640 in that group: Dovecot serving the mailbox writes its index
/// there and moves mail from `new/` to `cur/`. Under its unit the service may neither chown
/// (`SystemCallFilter=~@privileged`) nor make a folder setgid (`RestrictSUIDSGID=`), so there the
/// folders come from tmpfiles, 2770 in the group, and each mail takes the group from its folder; the
/// service only sets the modes, explicitly (the unit's `UMask=0077` would make everything private).
/// Elsewhere (root, or a member of the group) it gives folders and files to the group itself.
public struct MaildirSpool: MailSpool {
    public let path: String
    /// The group the Maildir is shared with; nil: private to the service user.
    public let group: gid_t?
    let tidying: MaildirTidying

    public init(path: String, group: gid_t? = nil, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.path = path
        self.group = group
        self.tidying = MaildirTidying(clock: clock)
    }

    var folderMode: mode_t { group == nil ? 0o700 : 0o770 }

    /// What the admin does when the service may not give a folder or file to the group (under the unit).
    static let remedy =
        "under its unit the service may not: make the folders with the tmpfiles lines for spool_group, docs/operations.md"
    var fileMode: mode_t { group == nil ? 0o600 : 0o640 }

    public func deliver(_ message: String, key: String) throws(MailSpoolError) {
        try prepareFolders()
        tidyIfDue()
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

    /// Creates `tmp`, `new` and `cur` when missing; with a group, also gives existing ones its group and mode.
    public func prepareFolders() throws(MailSpoolError) {
        for folder in [path, "\(path)/tmp", "\(path)/new", "\(path)/cur"] {
            if mkdir(folder, folderMode) != 0 && errno != EEXIST {
                guard errno == ENOENT else {
                    throw MailSpoolError(
                        "cannot create the Maildir folder \(folder): \(String(cString: strerror(errno)))")
                }
                do {
                    try FileManager.default.createDirectory(
                        atPath: folder, withIntermediateDirectories: true,
                        attributes: [.posixPermissions: Int(folderMode & 0o777)])
                } catch {
                    throw MailSpoolError("cannot create the Maildir folder \(folder): \(error.localizedDescription)")
                }
            }
            try share(folder)
        }
    }

    /// The folder's group and mode as configured. Without a group, an existing folder is left as the
    /// admin made it; a folder this spool just made is 0700 anyway (mkdir's mode, narrowed by the umask).
    private func share(_ folder: String) throws(MailSpoolError) {
        guard let group else { return }
        // Through a descriptor opened without following a link: a member of the group can write the
        // Maildir's root, and a link swapped in between a check and a chmod by path would hand another
        // folder of the service's to the group.
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw MailSpoolError("the Maildir folder \(folder) is not a folder") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw MailSpoolError("the Maildir folder \(folder) is not a folder")
        }
        if info.st_gid != group, fchown(descriptor, uid_t.max, group) != 0 {
            throw MailSpoolError(
                "cannot give the Maildir folder \(folder) to group \(SystemAccounts.groupName(group)): "
                    + "\(String(cString: strerror(errno))) (\(Self.remedy))")
        }
        // A setgid bit inherited from the admin's folder is kept where the unit lets the service keep it.
        let inherited = info.st_mode & S_ISGID
        if info.st_mode & 0o777 != folderMode, fchmod(descriptor, folderMode | inherited) != 0,
            inherited == 0 || fchmod(descriptor, folderMode) != 0
        {
            throw MailSpoolError("cannot set mode 0770 on \(folder): \(String(cString: strerror(errno)))")
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
        let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW, fileMode)
        guard fd >= 0 else { throw MailSpoolError("cannot create \(file): \(String(cString: strerror(errno)))") }
        do throws(MailSpoolError) {
            try MaildirSpool.setOwnership(fd, group: group, mode: fileMode, file: file)
        } catch {
            close(fd)
            unlink(file)
            throw error
        }
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
