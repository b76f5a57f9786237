import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One running `sendmail -i -t`, started with posix_spawn so that nothing of the daemon's signal
/// state reaches it: ServiceLifecycle ignores SIGTERM in the daemon, and an ignored signal stays
/// ignored across exec, so a child started the ordinary way could not be stopped with TERM.
struct SendmailChild {
    /// Also the id of its process group: the child leads a group of its own, so its helpers
    /// (Postfix's postdrop, a script's `sleep`) are signalled with it.
    let pid: pid_t
    /// The write end of its input, non-blocking; -1 once all is written or the child stopped reading.
    private(set) var input: Int32

    /// Why the spool stopped the child, if it did.
    enum Stop: Equatable {
        case timeout
        case shutdown
    }

    /// How the child ended, as waitpid reported it.
    enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
    }

    /// Starts `path -i -t`: input from a pipe, output to /dev/null, errors to `errorFile`.
    static func spawn(_ path: String, errorFile: Int32) throws(MailSpoolError) -> SendmailChild {
        var pipeEnds: [Int32] = [-1, -1]
        // Close-on-exec from the start: a child another thread starts meanwhile must not hold our
        // write end, or sendmail would never see the end of its input.
        guard GNUCalls.pipe2(&pipeEnds, O_CLOEXEC) == 0 else {
            throw MailSpoolError("cannot make a pipe for \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(pipeEnds[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, errorFile, 2)
        // Nothing else of the daemon's (database, sockets) reaches sendmail, close-on-exec or not.
        _ = GNUCalls.addCloseFrom?(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var nothingBlocked = sigset_t()
        sigemptyset(&nothingBlocked)
        var everySignal = sigset_t()
        sigfillset(&everySignal)
        posix_spawnattr_setsigmask(&attributes, &nothingBlocked)
        posix_spawnattr_setsigdefault(&attributes, &everySignal)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let arguments: [UnsafeMutablePointer<CChar>?] = [strdup(path), strdup("-i"), strdup("-t"), nil]
        defer { for argument in arguments { free(argument) } }
        var pid: pid_t = 0
        let failure = posix_spawn(&pid, path, &actions, &attributes, arguments, environ)
        guard failure == 0 else {
            close(pipeEnds[1])
            throw MailSpoolError("cannot start \(path): \(String(cString: strerror(failure)))")
        }
        _ = fcntl(pipeEnds[1], F_SETFL, fcntl(pipeEnds[1], F_GETFL) | O_NONBLOCK)
        return SendmailChild(pid: pid, input: pipeEnds[1])
    }

    /// Feeds `body` to the child and waits for it to end. At `timeout`, or when `stopRequested`
    /// says so, its group gets SIGTERM, then SIGKILL after `grace`. Returns only once the child is
    /// reaped, so no zombie and no running process is left behind.
    /// - Parameter beforeReap: called while the child's process group still exists: after the reap its
    ///   id is free for another process, so nobody may signal it by then.
    mutating func run(
        body: [UInt8], timeout: Duration, grace: Duration, stopRequested: () -> Bool, beforeReap: () -> Void = {}
    ) -> (ending: Ending, stop: Stop?, killed: Bool) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var written = 0
        var stop: Stop?
        var terminatedAt: ContinuousClock.Instant?
        var killed = false
        while !hasEnded() {
            if input >= 0 { written = feed(body, from: written) }
            let now = clock.now
            if stop == nil {
                stop = stopRequested() ? .shutdown : now >= deadline ? .timeout : nil
                if stop != nil {
                    kill(-pid, SIGTERM)
                    terminatedAt = now
                }
            } else if !killed, let terminatedAt, now >= terminatedAt + grace {
                kill(-pid, SIGKILL)
                killed = true
            }
            waitBriefly()
        }
        // What the leader left in its group goes too. The unreaped leader still holds the group's
        // id, so this cannot reach a stranger that happens to get the same number.
        if stop != nil { kill(-pid, SIGKILL) }
        closeInput()
        beforeReap()
        return (reap(), stop, killed)
    }

    /// Writes what the pipe takes now; returns how much of `body` is written. Closes the input at
    /// the end, or when the child stopped reading (EPIPE: SIGPIPE is ignored in the daemon).
    private mutating func feed(_ body: [UInt8], from start: Int) -> Int {
        var written = start
        while written < body.count {
            let count = body.withUnsafeBytes { write(input, $0.baseAddress! + written, body.count - written) }
            if count > 0 {
                written += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) { return written }
                break
            }
        }
        closeInput()
        return written
    }

    private mutating func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }

    /// Up to 10 ms: less while the pipe has room for more input.
    private func waitBriefly() {
        var watched = pollfd(fd: input, events: Int16(POLLOUT), revents: 0)
        _ = poll(&watched, input >= 0 ? 1 : 0, 10)
    }

    /// Whether the child has ended, without reaping it (WNOWAIT): its id stays reserved until `reap`.
    private func hasEnded() -> Bool {
        var info = siginfo_t()
        while waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) != 0 {
            if errno != EINTR { return true }  // ECHILD: nothing left to wait for
        }
        return info._sifields._sigchld.si_pid != 0
    }

    private func reap() -> Ending {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .exited(-1) }
        }
        // WIFEXITED and friends are C macros Swift does not import: the low 7 bits are the signal.
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }
}

/// glibc calls its headers declare only for `_GNU_SOURCE`, which Swift's Glibc module does not set.
private enum GNUCalls {
    typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
    typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// In every glibc since 2.9; a plain pipe made close-on-exec at once where it is missing.
    static func pipe2(_ ends: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32 {
        if let call = symbol("pipe2", as: Pipe2.self) { return call(ends, flags) }
        guard pipe(ends) == 0 else { return -1 }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return 0
    }

    /// glibc 2.34 and later.
    static let addCloseFrom = symbol("posix_spawn_file_actions_addclosefrom_np", as: AddCloseFrom.self)

    private static func symbol<T>(_ name: String, as type: T.Type) -> T? {
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
