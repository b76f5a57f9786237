import Foundation
import MentionConfig
import MentionMail

/// What the service user must be able to read and write for a config to run (`check --as-service`),
/// tried as that user: as root, by a child of this program that takes the user's identity first.
public enum ServiceAccess {
    public enum Need: String, Sendable, CaseIterable {
        case read
        /// A file opened for reading and writing (the database).
        case readWrite = "read-write"
        /// A folder files are created in.
        case write
        case execute
    }

    public struct Requirement: Sendable, Equatable {
        public var need: Need
        public var path: String
        /// Why the service needs it, as the admin knows it (the config key).
        public var purpose: String

        public init(need: Need, path: String, purpose: String) {
            self.need = need
            self.path = path
            self.purpose = purpose
        }
    }

    public struct Identity: Sendable, Equatable {
        public var user: String
        public var uid: uid_t
        public var gid: gid_t
        /// Every group the service runs with: the user's own, `Group=`, `SupplementaryGroups=`.
        public var groups: [gid_t]
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The user the unit names (or `user`), with the groups systemd gives the service.
    public static func identity(_ unit: ServiceUnit, user: String? = nil) throws(Failure) -> Identity {
        let name = user ?? unit.user
        guard let account = SystemAccounts.user(named: name) else {
            throw Failure(description: "no user '\(name)' on this machine (systemd-sysusers creates mentionwatch)")
        }
        var gid = account.gid
        if user == nil, let group = unit.group {
            guard let id = SystemAccounts.groupID(named: group) else {
                throw Failure(description: "no group '\(group)' (Group= in the unit) on this machine")
            }
            gid = id
        }
        var groups = [gid] + SystemAccounts.groups(of: account)
        for name in user == nil ? unit.supplementaryGroups : [] {
            guard let id = SystemAccounts.groupID(named: name) else {
                throw Failure(description: "no group '\(name)' (SupplementaryGroups= in the unit) on this machine")
            }
            groups.append(id)
        }
        var seen = Set<gid_t>()
        return Identity(user: name, uid: account.uid, gid: gid, groups: groups.filter { seen.insert($0).inserted })
    }

    /// Everything the daemon opens for this config: the config itself, the database and its folder,
    /// the spools, the model, the word lists and an extra CA file.
    public static func requirements(_ config: Config, configPath: String) -> [Requirement] {
        var list = [Requirement(need: .read, path: configPath, purpose: "the configuration")]
        let database = config.storage.database
        list += folder((database as NSString).deletingLastPathComponent, purpose: "storage.database's folder")
        for file in [database, database + "-wal", database + "-shm"] where exists(file) {
            list.append(Requirement(need: .readWrite, path: file, purpose: "storage.database"))
        }
        var spools: [String] = []
        for (key, spool) in [("alerts.spool", config.alerts.spool), ("digest.spool", config.digest.spool)] {
            switch spool {
            case .maildir(let path) where !spools.contains(path):
                spools.append(path)
                list += folder(path, purpose: key)
                for sub in ["tmp", "new", "cur"] where exists("\(path)/\(sub)") {
                    list.append(Requirement(need: .write, path: "\(path)/\(sub)", purpose: key))
                }
            case .sendmail(let path): list.append(Requirement(need: .execute, path: path, purpose: key))
            default: break
            }
        }
        if config.classification.model != nil, let model = config.classification.modelPath {
            list.append(Requirement(need: .read, path: model, purpose: "classification.model"))
        }
        for list_ in config.classification.dictionaries ?? [] {
            list.append(Requirement(need: .read, path: list_, purpose: "classification.dictionaries"))
        }
        if let ca = config.fetch.caFile { list.append(Requirement(need: .read, path: ca, purpose: "fetch.ca_file")) }
        return list
    }

    /// A folder the daemon writes in; when missing, the nearest existing parent it must create it in.
    private static func folder(_ path: String, purpose: String) -> [Requirement] {
        var candidate = path
        while !exists(candidate) {
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { break }
            candidate = parent
        }
        let note = candidate == path ? purpose : "\(purpose): to create \(path)"
        return [Requirement(need: .write, path: candidate, purpose: note)]
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Tries each requirement as `identity`: nil where it works, else what is wrong. From root, a child
    /// process of this program does it (`_probe-access`), so this process keeps its own identity.
    public static func probe(_ requirements: [Requirement], as identity: Identity) throws(Failure) -> [String?] {
        if geteuid() == identity.uid, getegid() == identity.gid { return requirements.map(tryHere) }
        guard geteuid() == 0 else {
            throw Failure(
                description: "run this as root to check as \(identity.user): only root can take another user's identity"
            )
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments =
            [
                "_probe-access", "--uid", "\(identity.uid)", "--gid", "\(identity.gid)",
                "--groups", identity.groups.map(String.init).joined(separator: ","), "--",
            ] + requirements.map { "\($0.need.rawValue):\($0.path)" }
        let output = Pipe()
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot start a process to check as \(identity.user): \(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard process.terminationStatus == 0, lines.count >= requirements.count else {
            throw Failure(
                description: "the check as \(identity.user) did not finish (status \(process.terminationStatus))")
        }
        return lines.prefix(requirements.count).map { $0 == "ok" ? nil : String($0) }
    }

    /// In the child: takes the identity for good (groups first, while still allowed to set them).
    public static func become(uid: uid_t, gid: gid_t, groups: [gid_t]) throws(Failure) {
        guard setgroups(groups.count, groups) == 0, setgid(gid) == 0, setuid(uid) == 0 else {
            throw Failure(description: "cannot take uid \(uid): \(String(cString: strerror(errno)))")
        }
        guard getuid() == uid, geteuid() == uid, setuid(0) != 0 || uid == 0 else {
            throw Failure(description: "still root after taking uid \(uid)")
        }
    }

    /// Opens (or, for a folder to write in and a program, asks the kernel about) one path as this process.
    public static func tryHere(_ requirement: Requirement) -> String? {
        let path = requirement.path
        switch requirement.need {
        case .read, .readWrite:
            let fd = open(path, requirement.need == .read ? O_RDONLY : O_RDWR)
            if fd < 0 { return String(cString: strerror(errno)) }
            close(fd)
        case .write:
            var info = stat()
            if stat(path, &info) != 0 { return String(cString: strerror(errno)) }
            if info.st_mode & S_IFMT != S_IFDIR { return "not a folder" }
            if access(path, W_OK | X_OK) != 0 { return String(cString: strerror(errno)) }
        case .execute:
            if access(path, X_OK) != 0 { return String(cString: strerror(errno)) }
        }
        return nil
    }
}
