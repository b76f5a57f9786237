import Foundation
import MentionMail
import TestSupport
import Testing

/// `alerts.spool_group`: a Maildir Dovecot or a person in the group can read, and `tmp/` kept clean.
/// These tests run as root (here and in CI), which may give a file to any group.
@Suite("Maildir shared with a group, tmp/ tidied")
struct MaildirSharingTests {
    /// Debian's `mail` group (base-passwd): not root's own group, so a file in it was given to it.
    static let mailGroup = SystemAccounts.groupID(named: "mail")

    @Test func aSharedMaildirsFoldersAndMessagesBelongToTheGroup() throws {
        let group = try #require(Self.mailGroup, "no group 'mail' on this machine")
        let spool = MaildirSpool(path: Paths.temporaryFolder("maildir") + "/spool/mt", group: group)
        try spool.deliver("Subject: test\r\n\r\nhallo\r\n", key: "mw-1")
        for sub in ["", "/tmp", "/new", "/cur"] {
            #expect(ownership(spool.path + sub) == Ownership(mode: 0o770, group: group), "\(sub)")
        }
        let delivered = files(in: spool.path + "/new")
        try #require(delivered.count == 1)
        #expect(ownership(spool.path + "/new/" + delivered[0]) == Ownership(mode: 0o640, group: group))
    }

    @Test func aPrivateMaildirIsSharedOnceAGroupIsSetOldMessagesToo() throws {
        let group = try #require(Self.mailGroup, "no group 'mail' on this machine")
        let folder = Paths.temporaryFolder("maildir")
        let path = folder + "/mt"
        try MaildirSpool(path: path).deliver("Subject: one\r\n\r\neen\r\n", key: "mw-1")
        let first = path + "/new/" + files(in: path + "/new")[0]
        #expect(ownership(first)?.mode == 0o600)
        // A link a group member might plant in cur/: the file it points to is the service user's own.
        let secret = folder + "/database"
        try Data("private".utf8).write(to: URL(fileURLWithPath: secret))
        chmod(secret, 0o600)
        symlink(secret, path + "/cur/planted")

        let shared = MaildirSpool(path: path, group: group)
        try shared.deliver("Subject: two\r\n\r\ntwee\r\n", key: "mw-2")
        for name in files(in: path + "/new") {
            #expect(ownership(path + "/new/" + name) == Ownership(mode: 0o640, group: group), "\(name)")
        }
        #expect(files(in: path + "/new").count == 2)
        #expect(ownership(path) == Ownership(mode: 0o770, group: group))
        #expect(ownership(secret) == Ownership(mode: 0o600, group: getegid()))
    }

    /// As the tmpfiles snippet's commented lines make it: the service keeps the setgid bit it may not set.
    @Test func aSetgidFolderTheAdminMadeStaysSo() throws {
        let group = try #require(Self.mailGroup, "no group 'mail' on this machine")
        let path = Paths.temporaryFolder("maildir") + "/mt"
        mkdir(path, 0o700)
        chown(path, geteuid(), group)
        chmod(path, 0o2770)
        try MaildirSpool(path: path, group: group).deliver("Subject: a\r\n\r\na\r\n", key: "mw-1")
        #expect(ownership(path) == Ownership(mode: 0o2770, group: group))
        #expect(ownership(path + "/new") == Ownership(mode: 0o2770, group: group))  // inherited from the parent
    }

    @Test func tmpLeftoversOlderThan36HoursGoWhenOpenedAndThenDaily() throws {
        let start = Date()
        let clock = Clock(start)
        let path = Paths.temporaryFolder("maildir") + "/mt"
        let spool = MaildirSpool(path: path, clock: { clock.now })
        try spool.prepareFolders()
        let stale = try leftover(path, "1700000000.M1P42.stale", age: 37 * 3_600, from: start)
        let young = try leftover(path, "1700000000.M2P42.young", age: 1 * 3_600, from: start)

        try spool.deliver("Subject: a\r\n\r\na\r\n", key: "mw-1")
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(FileManager.default.fileExists(atPath: young))
        #expect(files(in: path + "/new").count == 1)

        // Not again within the day...
        let later = try leftover(path, "1700000000.M3P42.later", age: 40 * 3_600, from: start)
        try spool.deliver("Subject: b\r\n\r\nb\r\n", key: "mw-2")
        #expect(FileManager.default.fileExists(atPath: later))
        // ...but a day on: 36 hours counted from then, so the file that was an hour old stays.
        clock.now = start.addingTimeInterval(25 * 3_600)
        try spool.deliver("Subject: c\r\n\r\nc\r\n", key: "mw-3")
        #expect(!FileManager.default.fileExists(atPath: later))
        #expect(FileManager.default.fileExists(atPath: young))
        #expect(files(in: path + "/new").count == 3)
    }

    @Test func tidyingReportsWhatItRemoved() throws {
        let path = Paths.temporaryFolder("maildir") + "/mt"
        let spool = MaildirSpool(path: path)
        try spool.prepareFolders()
        let stale = try leftover(path, "old", age: 36 * 3_600 + 60, from: Date())
        #expect(spool.tidy().removed == [stale])
        #expect(spool.tidy().removed == [])
    }

    /// A file in tmp/ whose modification time is set back by `age` seconds.
    private func leftover(_ maildir: String, _ name: String, age: TimeInterval, from now: Date) throws -> String {
        let file = maildir + "/tmp/" + name
        try Data("Subject: half\n".utf8).write(to: URL(fileURLWithPath: file))
        let seconds = Int(now.timeIntervalSince1970 - age)
        var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
        #expect(utimes(file, &times) == 0)
        return file
    }
}

struct Ownership: Equatable {
    var mode: mode_t
    var group: gid_t
}

/// Mode (with the setgid bit) and group, of the path itself (a link is not followed).
func ownership(_ path: String) -> Ownership? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Ownership(mode: info.st_mode & 0o7777, group: info.st_gid)
}

/// The fake clock the spool's daily tidy reads.
final class Clock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Date
    init(_ start: Date) { value = start }
    var now: Date {
        get { lock.withLock { value } }
        set { lock.withLock { value = newValue } }
    }
}
