import Foundation
import MentionCore

/// Which polls may run at once: at most `size` in all and `perHost` per host. The fetcher has the
/// same limits for transfers; applying them to polls too keeps the window from filling with polls
/// that only wait for a busy (or slow, or tarpitting) host while other hosts could be fetched.
struct PollWindow {
    let size: Int
    let perHost: Int
    private var running: Set<String> = []
    private var perHostRunning: [String: Int] = [:]

    init(size: Int, perHost: Int) {
        self.size = max(1, size)
        self.perHost = max(1, perHost)
    }

    var count: Int { running.count }

    func isRunning(_ feed: FeedConfig) -> Bool { running.contains(feed.id) }

    func canStart(_ feed: FeedConfig) -> Bool {
        running.count < size && !running.contains(feed.id) && perHostRunning[Self.host(of: feed), default: 0] < perHost
    }

    mutating func start(_ feed: FeedConfig) {
        running.insert(feed.id)
        perHostRunning[Self.host(of: feed), default: 0] += 1
    }

    mutating func finish(_ feed: FeedConfig) {
        guard running.remove(feed.id) != nil else { return }
        let host = Self.host(of: feed)
        if let count = perHostRunning[host] { perHostRunning[host] = count > 1 ? count - 1 : nil }
    }

    /// File feeds have no host to wait for: each counts on its own.
    static func host(of feed: FeedConfig) -> String {
        let url = feed.url.lowercased()
        return url.hasPrefix("file:") ? url : (URLComponents(string: feed.url)?.host?.lowercased() ?? url)
    }
}
