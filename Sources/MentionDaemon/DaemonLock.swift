import Foundation

/// The daemon's lock file next to its database (`DATABASE.lock`): held with flock(2) while
/// `mentionwatch run` lives, so `mentionwatch status` can tell whether a daemon runs, and a second
/// daemon on the same database is refused. The kernel drops the lock when the process dies, even by
/// SIGKILL, so a stale file never claims a daemon. It holds the daemon's pid; its mtime is the start.
public final class DaemonLock: Sendable {
    private let descriptor: Int32

    public static func path(forDatabase database: String) -> String { database + ".lock" }

    public struct Held: Error, CustomStringConvertible {
        public var path: String
        public var pid: Int32?
        public var description: String {
            "another mentionwatch (pid \(pid.map(String.init) ?? "?")) holds \(path): one daemon per database"
        }
    }

    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Takes the lock (with `wait`, a moment's patience in case `status` is looking), and writes the pid into the file.
    public init(path: String, wait: Bool = true) throws {
        // O_CLOEXEC: a child (sendmail) must not inherit the lock, or a hung child would claim a daemon.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failed(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        var attempts = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let error = errno
            attempts += 1
            guard error == EWOULDBLOCK, wait, attempts < 20 else {
                close(descriptor)
                if error == EWOULDBLOCK { throw Held(path: path, pid: Self.pid(at: path)) }
                throw Failed(description: "cannot lock \(path): \(String(cString: strerror(error)))")
            }
            usleep(50_000)
        }
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(descriptor, 0) == 0, pwrite(descriptor, text, text.count, 0) == text.count else {
            let message = String(cString: strerror(errno))
            close(descriptor)
            throw Failed(description: "cannot write \(path): \(message)")
        }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Whether a daemon holds the lock at `path`, with its pid and start time.
    public struct Holder: Sendable, Equatable {
        public var pid: Int32?
        public var since: Date?
    }

    /// The running daemon, or nil when none holds the lock (or the file does not exist).
    public static func holder(path: String) throws -> Holder? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw Failed(description: "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        if flock(descriptor, LOCK_SH | LOCK_NB) == 0 { return nil }  // closing the file releases it again
        guard errno == EWOULDBLOCK else {
            throw Failed(description: "cannot test the lock \(path): \(String(cString: strerror(errno)))")
        }
        var info = stat()
        let since = fstat(descriptor, &info) == 0 ? Date(timeIntervalSince1970: Double(info.st_mtim.tv_sec)) : nil
        return Holder(pid: pid(at: path), since: since)
    }

    static func pid(at path: String) -> Int32? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
