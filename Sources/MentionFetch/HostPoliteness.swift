import Foundation
import MentionConfig
import Synchronization

/// How many transfers at once, and how politely per host.
public struct FetchLimits: Sendable, Equatable {
    public var concurrency: Int
    public var perHost: Int
    /// Least time between the starts of two requests to one host.
    public var hostInterval: Double

    public init(concurrency: Int = 16, perHost: Int = 2, hostInterval: Double = 1) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
        self.hostInterval = min(max(0, hostInterval), 86_400)
    }

    /// The limits of the `fetch:` settings in feeds.yaml.
    public init(_ settings: FetchSettings) {
        self.init(
            concurrency: settings.concurrency, perHost: settings.perHost, hostInterval: Double(settings.hostInterval))
    }
}

/// The one place that decides when a transfer may start: at most `concurrency` in all, at most
/// `perHost` to one host, and at least `hostInterval` between the starts of two to one host.
/// Every fetch takes a turn here. The daemon's poll queue (the daemon and `poll --once`) takes the
/// turns itself before it starts a poll, from the same instance its fetcher uses, so a poll never
/// waits inside the poll window for a busy host while others could be fetched.
public final class HostPoliteness: Sendable {
    /// The host a request counts against: the URL's host name as written, lowercased, without the
    /// port. Without the port, because politeness is owed to a server, and http and https (or a
    /// second port) of one site are the same server; as written (no DNS), because resolving would
    /// cost a lookup per poll and a name shared by many addresses is still one operator. A file URL
    /// has no server to spare: each counts on its own. A URL without a host counts on its own too.
    public static func hostKey(of url: String) -> String {
        let lowered = url.lowercased()
        if lowered.hasPrefix("file:") { return lowered }
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return lowered }
        return host.lowercased()
    }

    /// What `tryTake` answers.
    public enum Answer: Sendable {
        case turn(FetchTurn)
        /// Only the host's interval is in the way: ask again after this long.
        case later(Duration)
        /// Every place (in all, or on this host) is taken: ask again when a transfer ends.
        case full
        /// Stopped (shutdown): no more turns.
        case closed
    }

    private struct HostState {
        var inFlight = 0
        /// A turn was given but its transfer has not started: with an interval, the next turn waits for
        /// that start, so the interval is measured between real starts.
        var startPending = false
        var lastStart: ContinuousClock.Instant?
    }

    private struct State {
        var limits: FetchLimits
        var inFlight = 0
        var hosts: [String: HostState] = [:]
        var closed = false
        /// Counts every change that may free a turn, so a change between a refusal and the wait is not missed.
        var generation: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0

        /// nil: granted (and counted).
        mutating func grant(_ host: String, now: ContinuousClock.Instant) -> Answer? {
            if closed { return .closed }
            var state = hosts[host, default: HostState()]
            let interval = Duration.seconds(limits.hostInterval)
            guard inFlight < limits.concurrency, state.inFlight < limits.perHost else { return .full }
            if interval > .zero {
                if state.startPending { return .later(interval) }
                if let last = state.lastStart, now - last < interval { return .later(interval - (now - last)) }
            }
            state.inFlight += 1
            state.startPending = true
            hosts[host] = state
            inFlight += 1
            return nil
        }

        mutating func wakeAll() -> [CheckedContinuation<Void, Never>] {
            generation &+= 1
            defer { waiters = [:] }
            return Array(waiters.values)
        }
    }

    private let state: Mutex<State>

    public init(limits: FetchLimits = FetchLimits()) {
        state = Mutex(State(limits: limits))
    }

    /// New limits (a reload): turns already given stay valid; new ones follow the new limits.
    public func update(_ limits: FetchLimits) {
        let waiters = state.withLock { state in
            state.limits = limits
            return state.wakeAll()
        }
        for waiter in waiters { waiter.resume() }
    }

    /// A turn for `host` now, or why not.
    public func tryTake(_ host: String) -> Answer {
        attempt(host).answer
    }

    private func attempt(_ host: String) -> (answer: Answer, generation: UInt64) {
        state.withLock { state in
            (state.grant(host, now: .now) ?? .turn(FetchTurn(host: host, owner: self)), state.generation)
        }
    }

    /// Waits for a turn for `host`; nil once closed.
    public func take(_ host: String) async -> FetchTurn? {
        while true {
            let (answer, generation) = attempt(host)
            switch answer {
            case .turn(let turn): return turn
            case .closed: return nil
            case .later(let delay): await waitForChange(since: generation, atMost: delay)
            case .full: await waitForChange(since: generation, atMost: nil)
            }
        }
    }

    /// Refuses every later turn and wakes those waiting (shutdown).
    public func close() {
        let waiters = state.withLock { state in
            state.closed = true
            return state.wakeAll()
        }
        for waiter in waiters { waiter.resume() }
    }

    /// Returns when a turn starts or ends, the limits change or the gate closes after `generation`,
    /// or after `limit`.
    private func waitForChange(since generation: UInt64, atMost limit: Duration?) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id = state.withLock { state -> UInt64? in
                guard state.generation == generation, !state.closed else { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let id else { return continuation.resume() }
            if let limit {
                Task { [weak self] in
                    try? await Task.sleep(for: limit)
                    self?.wake(id)
                }
            }
        }
    }

    private func wake(_ id: UInt64) {
        state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
    }

    fileprivate func started(_ host: String) {
        let waiters = state.withLock { state in
            state.hosts[host]?.startPending = false
            state.hosts[host]?.lastStart = .now
            return state.wakeAll()
        }
        for waiter in waiters { waiter.resume() }
    }

    fileprivate func finished(_ host: String, started: Bool) {
        let waiters = state.withLock { state in
            state.inFlight -= 1
            if var entry = state.hosts[host] {
                entry.inFlight -= 1
                if !started { entry.startPending = false }
                state.hosts[host] = entry
            }
            return state.wakeAll()
        }
        for waiter in waiters { waiter.resume() }
    }
}

/// The right to run one transfer now, taken from a `HostPoliteness`. It ends when the transfer ends
/// (the fetcher calls `finish`), or when it is dropped unused: a place is never lost.
public final class FetchTurn: Sendable {
    public let host: String
    private let owner: HostPoliteness
    private enum Phase { case given, started, finished }
    private let phase = Mutex(Phase.given)

    fileprivate init(host: String, owner: HostPoliteness) {
        self.host = host
        self.owner = owner
    }

    deinit { finish() }

    /// The transfer starts now: the host's interval counts from here.
    func started() {
        let first = phase.withLock { phase -> Bool in
            guard phase == .given else { return false }
            phase = .started
            return true
        }
        if first { owner.started(host) }
    }

    /// Gives the place back; later calls do nothing.
    public func finish() {
        let previous = phase.withLock { phase -> Phase in
            defer { phase = .finished }
            return phase
        }
        if previous != .finished { owner.finished(host, started: previous == .started) }
    }
}
