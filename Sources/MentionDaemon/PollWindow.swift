import Foundation
import MentionConfig

/// Which polls may run at once: at most `size` in all and `perHost` per host. The fetcher has the
/// same limits for transfers; applying them to polls too keeps the window from filling with polls
/// that only wait for a busy (or slow, or tarpitting) host while other hosts could be fetched.
struct PollWindow {
    /// Adjustable: a reload may change the `fetch:` settings while polls run.
    var size: Int
    var perHost: Int
    private var running: Set<String> = []
    private var perHostRunning: [String: Int] = [:]

    init(size: Int, perHost: Int) {
        self.size = max(1, size)
        self.perHost = max(1, perHost)
    }

    var count: Int { running.count }

    func canStart(_ feed: FeedConfig, host: String) -> Bool {
        running.count < size && !running.contains(feed.id) && perHostRunning[host, default: 0] < perHost
    }

    mutating func start(_ feed: FeedConfig, host: String) {
        running.insert(feed.id)
        perHostRunning[host, default: 0] += 1
    }

    mutating func finish(_ feed: FeedConfig, host: String) {
        guard running.remove(feed.id) != nil else { return }
        if let count = perHostRunning[host] { perHostRunning[host] = count > 1 ? count - 1 : nil }
    }

    /// The host a feed's polls count against. File feeds have no host to wait for: each counts on its own.
    /// Parsed once per feed by the callers (this was a hot spot when done per check).
    static func host(of feed: FeedConfig) -> String {
        let url = feed.url.lowercased()
        return url.hasPrefix("file:") ? url : (URLComponents(string: feed.url)?.host?.lowercased() ?? url)
    }
}
