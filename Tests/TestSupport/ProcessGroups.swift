import Foundation

/// What runs on this machine, read from /proc: the tests' check that a stopped child left nothing.
public enum ProcessGroups {
    /// The processes of group `pgid` that have not ended (a zombie has ended: it only waits for its
    /// parent, which for an orphan is init, to collect its status).
    public static func live(_ pgid: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { pid_t($0) }.filter { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let end = stat.lastIndex(of: ")")
            else { return false }
            // After "(comm)": state, ppid, pgrp, ...
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            return fields.count > 2 && fields[0] != "Z" && fields[0] != "X" && pid_t(fields[2]) == pgid
        }
    }

    /// Waits up to `seconds` for group `pgid` to have no live process (a SIGKILL takes a moment to land).
    public static func awaitGone(_ pgid: pid_t, seconds: Double = 2) -> [pid_t] {
        let deadline = Date().addingTimeInterval(seconds)
        var left = live(pgid)
        while !left.isEmpty && Date() < deadline {
            usleep(20_000)
            left = live(pgid)
        }
        return left
    }
}
