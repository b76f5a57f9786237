import CCurl
import Foundation

/// Fetches feeds through libcurl's multi interface: many transfers in flight from one thread and
/// one event loop (no thread per feed). When a transfer may start is decided by `politeness` alone;
/// the loop starts whatever it is given at once.
public final class CurlFetcher: Sendable {
    private let loop: MultiLoop
    /// The turns every fetch of this fetcher takes; callers that schedule polls take them here too.
    public let politeness: HostPoliteness

    public init(limits: FetchLimits = FetchLimits()) {
        _ = Self.globalInit
        politeness = HostPoliteness(limits: limits)
        loop = MultiLoop(perHost: limits.perHost)
        let thread = Thread { [loop] in loop.run() }
        thread.name = "mentionwatch-curl"
        thread.start()
    }

    deinit { stop() }

    /// New limits (a reload): turns in flight keep counting.
    public func update(_ limits: FetchLimits) {
        politeness.update(limits)
        loop.setPerHost(limits.perHost)
    }

    /// Ends the transfers in flight (they complete as "stopped") and refuses new ones.
    public func stop() {
        politeness.close()
        loop.stop()
    }

    private static let globalInit: Bool = mw_curl_global_init() == CURLE_OK

    /// Waits for the request's turn (see `HostPoliteness`), then fetches.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        guard let turn = await politeness.take(HostPoliteness.hostKey(of: request.url)) else {
            return FetchResult(outcome: .failure(.stopped))
        }
        return await fetch(request, turn: turn)
    }

    /// Fetches with a turn taken before from `politeness`; the turn ends with the transfer.
    /// A turn for another host than the request's is given back and the right one waited for.
    public func fetch(_ request: FetchRequest, turn: FetchTurn) async -> FetchResult {
        guard turn.host == HostPoliteness.hostKey(of: request.url) else {
            turn.finish()
            return await fetch(request)
        }
        return await withCheckedContinuation { continuation in
            loop.submit(
                Transfer(
                    request, onStart: { turn.started() },
                    completion: {
                        turn.finish()
                        continuation.resume(returning: $0)
                    }))
        }
    }
}

/// The event loop. `queue` and `stopping` are shared with callers under `lock`; everything else
/// belongs to the loop's own thread.
final class MultiLoop: @unchecked Sendable {
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var queue: [Transfer] = []
    private var stopping = false
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    /// A new `per_host` for libcurl, set on the loop's thread (a multi handle is not shared).
    private var newPerHost: Int?

    /// HostPoliteness decides which transfers start. libcurl's own per-host connection cap stays as a
    /// backstop for the one thing it cannot see: a temporary redirect to another host. There a
    /// transfer waits inside libcurl, its timeout running, rather than crowd the host it was sent to.
    init(perHost: Int) {
        multi = curl_multi_init()
        mw_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, perHost)
    }

    func setPerHost(_ perHost: Int) {
        lock.lock()
        newPerHost = perHost
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    func submit(_ transfer: Transfer) {
        lock.lock()
        let refused = stopping
        if !refused { queue.append(transfer) }
        lock.unlock()
        if refused {
            transfer.completion(FetchResult(outcome: .failure(.stopped)))
        } else {
            curl_multi_wakeup(multi)
        }
    }

    func stop() {
        lock.lock()
        stopping = true
        lock.unlock()
        curl_multi_wakeup(multi)
    }

    func run() {
        while true {
            lock.lock()
            let stop = stopping
            lock.unlock()
            if stop { break }
            startQueued()
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            if collectFinished() > 0 { continue }
            // Woken early by `submit` and `stop` (curl_multi_wakeup).
            curl_multi_poll(multi, nil, 0, 1_000, nil)
        }
        shutDown()
    }

    /// Starts every submitted transfer: each came with its turn.
    private func startQueued() {
        lock.lock()
        let starting = queue
        queue = []
        let perHost = newPerHost
        newPerHost = nil
        lock.unlock()
        if let perHost { mw_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, perHost) }
        for transfer in starting {
            transfer.onStart()
            if let easy = transfer.start(), curl_multi_add_handle(multi, easy) == CURLM_OK {
                active[easy] = transfer
            } else {
                transfer.completion(
                    FetchResult(outcome: .failure(.other("libcurl could not start a transfer with the safety limits"))))
            }
        }
    }

    /// Completes finished transfers; returns how many.
    private func collectFinished() -> Int {
        var left: Int32 = 0
        var finished = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                let transfer = active[easy]
            else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            transfer.completion(transfer.result(code))
            finished += 1
        }
        return finished
    }

    private func shutDown() {
        for (easy, transfer) in active {
            curl_multi_remove_handle(multi, easy)
            transfer.completion(FetchResult(outcome: .failure(.stopped)))
        }
        active = [:]
        lock.lock()
        let waiting = queue
        queue = []
        lock.unlock()
        for transfer in waiting { transfer.completion(FetchResult(outcome: .failure(.stopped))) }
    }

    /// The multi handle lives as long as this object: both the loop thread and the fetcher hold it,
    /// so a late `stop()` or `submit()` never wakes a freed handle.
    deinit { curl_multi_cleanup(multi) }
}
