import Foundation
import Synchronization

/// When the spool last tidied its Maildir: once when it is first used, then once a day.
final class MaildirTidying: Sendable {
    let clock: @Sendable () -> Date
    let last = Mutex<Date?>(nil)

    init(clock: @escaping @Sendable () -> Date) { self.clock = clock }

    /// True (and remembered) when a tidy is due now.
    func claim() -> Bool {
        let now = clock()
        return last.withLock { last in
            if let previous = last, now.timeIntervalSince(previous) < MaildirSpool.tidyInterval { return false }
            last = now
            return true
        }
    }
}

extension MaildirSpool {
    /// "A file in tmp/ that is 36 hours old may be deleted" (https://cr.yp.to/proto/maildir.html): a
    /// delivery has long given up on it. Younger ones may belong to a delivery in progress.
    public static let staleAge: TimeInterval = 36 * 3_600
    static let tidyInterval: TimeInterval = 24 * 3_600

    public struct TidyReport: Sendable, Equatable {
        /// Leftovers removed from `tmp/`.
        public var removed: [String] = []
        /// Messages in `new/` and `cur/` given the spool's group and mode (written before it had one).
        public var shared: [String] = []
    }

    /// Tidies when due (first use, then daily); best effort: a delivery never fails over it.
    func tidyIfDue() {
        if tidying.claim() { _ = tidy() }
    }

    /// Removes files in `tmp/` older than 36 hours and, with a group, shares earlier messages.
    @discardableResult
    public func tidy() -> TidyReport {
        var report = TidyReport()
        let cutoff = tidying.clock().addingTimeInterval(-Self.staleAge)
        for name in entries("\(path)/tmp") {
            let file = "\(path)/tmp/\(name)"
            var info = stat()
            guard lstat(file, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else { continue }
            if Double(info.st_mtim.tv_sec) < cutoff.timeIntervalSince1970, unlink(file) == 0 {
                report.removed.append(file)
            }
        }
        guard group != nil else { return report }
        for folder in ["new", "cur"] {
            for name in entries("\(path)/\(folder)") where share(message: "\(path)/\(folder)/\(name)") {
                report.shared.append("\(path)/\(folder)/\(name)")
            }
        }
        return report
    }

    /// Gives one of this user's messages the spool's group and mode. Opened without following a
    /// symbolic link, and only a file with one link: a group member who can write the folder must
    /// not be able to make the daemon share some other file of the service user's (its database).
    private func share(message file: String) -> Bool {
        let fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
            info.st_uid == geteuid(), info.st_gid != group || info.st_mode & 0o7777 != fileMode
        else { return false }
        return (try? Self.setOwnership(fd, group: group, mode: fileMode, file: file)) != nil
    }

    /// The open file's group and mode, set on the descriptor (not the path) and not left to the umask.
    static func setOwnership(_ fd: Int32, group: gid_t?, mode: mode_t, file: String) throws(MailSpoolError) {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw MailSpoolError("cannot read the mode of \(file): \(String(cString: strerror(errno)))")
        }
        if let group, info.st_gid != group, fchown(fd, uid_t.max, group) != 0 {
            throw MailSpoolError(
                "cannot give \(file) to group \(SystemAccounts.groupName(group)): \(String(cString: strerror(errno)))"
                    + " (\(remedy))")
        }
        if info.st_mode & 0o7777 != mode, fchmod(fd, mode) != 0 {
            throw MailSpoolError("cannot set the mode of \(file): \(String(cString: strerror(errno)))")
        }
    }

    private func entries(_ folder: String) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    }
}
