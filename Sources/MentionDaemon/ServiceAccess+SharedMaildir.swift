import Foundation
import MentionConfig
import MentionMail

extension ServiceAccess {
    /// One Maildir folder of a `spool_group` and what is wrong with it (nil: nothing).
    public struct SharedFolder: Sendable, Equatable {
        public var path: String
        public var purpose: String
        public var problem: String?
    }

    /// Under the unit the service may neither give a folder to a group (`SystemCallFilter=~@privileged`
    /// holds chown) nor make it setgid (`RestrictSUIDSGID=`): a shared Maildir's four folders must be
    /// made by tmpfiles as 2770 in the group, and then each mail takes the group from its folder.
    public static func sharedFolders(_ config: Config) -> [SharedFolder] {
        var seen: Set<String> = []
        var folders: [SharedFolder] = []
        for (key, spool, group) in [
            ("alerts.spool_group", config.alerts.spool, config.alerts.spoolGroup),
            ("digest.spool_group", config.digest.spool, config.digest.spoolGroup),
        ] {
            guard case .maildir(let path) = spool, let group, let gid = SystemAccounts.groupID(named: group),
                seen.insert(path).inserted
            else { continue }
            for folder in [path, "\(path)/tmp", "\(path)/new", "\(path)/cur"] {
                folders.append(SharedFolder(path: folder, purpose: "\(key) \(group)", problem: problem(folder, gid)))
            }
        }
        return folders
    }

    private static func problem(_ folder: String, _ gid: gid_t) -> String? {
        let remedy =
            "the service may not change that; make it with the tmpfiles lines for spool_group (2770, group \(SystemAccounts.groupName(gid)); docs/operations.md) and run systemd-tmpfiles --create"
        var info = stat()
        guard lstat(folder, &info) == 0 else { return "missing: \(remedy)" }
        guard info.st_mode & S_IFMT == S_IFDIR else { return "not a folder" }
        if info.st_gid != gid { return "in group \(SystemAccounts.groupName(info.st_gid)): \(remedy)" }
        if info.st_mode & 0o7777 != 0o2770 {
            return "mode \(String(info.st_mode & 0o7777, radix: 8)), not 2770: \(remedy)"
        }
        return nil
    }
}
