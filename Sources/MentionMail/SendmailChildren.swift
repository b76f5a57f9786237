import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The sendmail children running now, so that a stopping daemon can end them instead of waiting for
/// their timeout: a delivery blocks its thread (and the daemon's actor) while sendmail runs.
public final class SendmailChildren: Sendable {
    /// The daemon's: every `SendmailSpool` uses it unless given another.
    public static let shared = SendmailChildren()

    private struct State {
        var running: Set<pid_t> = []
        var stopping = false
    }
    private let state = Mutex(State())

    public init() {}

    /// How many children run now.
    public var count: Int { state.withLock { $0.running.count } }

    /// Whether `stopAll` was called: a running delivery stops its child, a new one does not start.
    public var isStopping: Bool { state.withLock { $0.stopping } }

    /// At shutdown: each running child's group gets SIGTERM now, and its delivery sends SIGKILL
    /// after the grace period and reaps it; deliveries after this fail without starting sendmail.
    public func stopAll() {
        state.withLock { state in
            state.stopping = true
            for pid in state.running { kill(-pid, SIGTERM) }
        }
    }

    /// Starts a child unless stopping. Under the lock, so `stopAll` never misses one just started.
    func start(_ path: String, spawn: () throws(MailSpoolError) -> SendmailChild) throws(MailSpoolError)
        -> SendmailChild
    {
        try state.withLock { (state) throws(MailSpoolError) -> SendmailChild in
            guard !state.stopping else { throw MailSpoolError("\(path) not started: mentionwatch is stopping") }
            let child = try spawn()
            state.running.insert(child.pid)
            return child
        }
    }

    /// Called once the child is reaped.
    func finished(_ pid: pid_t) {
        _ = state.withLock { $0.running.remove(pid) }
    }
}
