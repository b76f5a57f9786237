import CCurl
import Foundation

/// Engine-wide limits: how many transfers at once, and how politely per host.
public struct FetchLimits: Sendable {
    public var concurrency: Int
    public var perHost: Int
    /// Least time between the starts of two requests to one host.
    public var hostInterval: Double

    public init(concurrency: Int = 16, perHost: Int = 2, hostInterval: Double = 1) {
        self.concurrency = max(1, concurrency)
        self.perHost = max(1, perHost)
        self.hostInterval = min(max(0, hostInterval), 86_400)
    }
}

/// Fetches feeds through libcurl's multi interface: many transfers in flight from one thread and
/// one event loop (no thread per feed), started in the order asked, within the limits.
public final class CurlFetcher: Sendable {
    private let loop: MultiLoop

    public init(limits: FetchLimits = FetchLimits()) {
        _ = Self.globalInit
        loop = MultiLoop(limits: limits)
        let thread = Thread { [loop] in loop.run() }
        thread.name = "mentionwatch-curl"
        thread.start()
    }

    deinit { loop.stop() }

    /// Ends the transfers in flight (they complete as "stopped") and refuses new ones.
    public func stop() { loop.stop() }

    private static let globalInit: Bool = mw_curl_global_init() == CURLE_OK

    public func fetch(_ request: FetchRequest) async -> FetchResult {
        await withCheckedContinuation { continuation in
            loop.submit(Transfer(request, completion: { continuation.resume(returning: $0) }))
        }
    }
}

/// The event loop. `queue` and `stopping` are shared with callers under `lock`; everything else
/// belongs to the loop's own thread.
final class MultiLoop: @unchecked Sendable {
    private let limits: FetchLimits
    private let multi: UnsafeMutableRawPointer
    private let lock = NSLock()
    private var queue: [Transfer] = []
    private var stopping = false
    private var active: [UnsafeMutableRawPointer: Transfer] = [:]
    private var activePerHost: [String: Int] = [:]
    private var lastStart: [String: UInt64] = [:]

    init(limits: FetchLimits) {
        self.limits = limits
        multi = curl_multi_init()
        // Let libcurl itself never open more connections than we run transfers.
        mw_multi_setopt_long(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, limits.concurrency)
        mw_multi_setopt_long(multi, CURLMOPT_MAX_HOST_CONNECTIONS, limits.perHost)
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
            let wait = startEligible()
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            // A finished transfer frees a slot: start the next ones at once rather than after the wait.
            if collectFinished() > 0 { continue }
            curl_multi_poll(multi, nil, 0, wait, nil)
        }
        shutDown()
    }

    /// Starts queued transfers that the limits allow now; returns how long to wait at most (ms).
    private func startEligible() -> Int32 {
        let now = DispatchTime.now().uptimeNanoseconds
        let spacing = UInt64(limits.hostInterval * 1_000_000_000)
        var wait: UInt64 = 1_000_000_000
        lock.lock()
        var waiting: [Transfer] = []
        var starting: [Transfer] = []
        for transfer in queue {
            let host = transfer.host
            let sinceLast = lastStart[host].map { now &- $0 } ?? .max
            if active.count + starting.count < limits.concurrency, activePerHost[host, default: 0] < limits.perHost, sinceLast >= spacing {
                starting.append(transfer)
                activePerHost[host, default: 0] += 1
                lastStart[host] = now
            } else {
                if sinceLast < spacing { wait = min(wait, spacing - sinceLast) }
                waiting.append(transfer)
            }
        }
        queue = waiting
        lock.unlock()
        for transfer in starting {
            if let easy = transfer.start(), curl_multi_add_handle(multi, easy) == CURLM_OK {
                active[easy] = transfer
            } else {
                finish(transfer, FetchResult(outcome: .failure(.other("libcurl could not start a transfer with the safety limits"))))
            }
        }
        return Int32(max(1, min(wait / 1_000_000, 1_000)))
    }

    /// Completes finished transfers; returns how many.
    private func collectFinished() -> Int {
        var left: Int32 = 0
        var finished = 0
        while let message = curl_multi_info_read(multi, &left) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle, let transfer = active[easy] else { continue }
            let code = message.pointee.data.result
            curl_multi_remove_handle(multi, easy)
            active[easy] = nil
            finish(transfer, transfer.result(code))
            finished += 1
        }
        return finished
    }

    private func finish(_ transfer: Transfer, _ result: FetchResult) {
        if let count = activePerHost[transfer.host] { activePerHost[transfer.host] = count > 1 ? count - 1 : nil }
        transfer.completion(result)
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
