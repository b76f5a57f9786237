import Foundation
import Logging
import ServiceLifecycle
import MentionConfig

/// Polls each feed when the scheduler says it is due, a window of them at once (the fetcher applies
/// the limits), delivers alerts as polls finish, and enforces retention hourly.
public struct PollerService: Service {
    let monitor: Monitor
    let logger: Logger

    public init(monitor: Monitor, logger: Logger) {
        self.monitor = monitor
        self.logger = logger
    }

    /// A finished poll, or the tick that makes the loop look for due feeds again.
    private enum Event: Sendable {
        case polled(FeedConfig, FeedPollSummary)
        case tick
    }

    public func run() async throws {
        await withTaskGroup(of: Event.self) { group in
            var window = PollWindow(size: await monitor.pollWindow, perHost: await monitor.config.fetch.perHost)
            var nextRetention = Date.distantPast
            var ticking = true
            // Due feeds not started yet, read from the database once a tick (not after every poll:
            // with a thousand feeds that would read the whole feeds table a thousand times a round).
            var due: [(feed: FeedConfig, host: String)] = []
            group.addTask { .tick }
            while let event = await group.next() {
                switch event {
                case .polled(let feed, let summary):
                    window.finish(feed, host: PollWindow.host(of: feed))
                    logger.debug("\(summary)")
                    _ = await monitor.deliverAlerts()
                case .tick:
                    ticking = false
                    due = await monitor.dueFeeds(at: Date()).map { ($0, PollWindow.host(of: $0)) }
                    window.size = max(1, await monitor.pollWindow)
                    window.perHost = max(1, await monitor.config.fetch.perHost)
                }
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                // A finished poll frees a place in the window: fill it with the next due feed at once.
                var position = 0
                while position < due.count, window.count < window.size {
                    let (feed, host) = due[position]
                    guard window.canStart(feed, host: host) else {
                        position += 1
                        continue
                    }
                    due.remove(at: position)
                    window.start(feed, host: host)
                    group.addTask { .polled(feed, await monitor.poll(feed)) }
                }
                let now = Date()
                if nextRetention <= now {
                    await monitor.enforceRetention()
                    _ = await monitor.deliverAlerts()  // also retries alerts a failed spool left waiting
                    nextRetention = now.addingTimeInterval(3_600)
                }
                // Look again in a second: cheap, and a reload or a finished backoff is noticed soon.
                if !ticking {
                    ticking = true
                    group.addTask {
                        try? await Task.sleep(for: .seconds(1))
                        return .tick
                    }
                }
            }
            // Shutting down: stop transfers in flight, so their polls end now rather than at their timeout.
            await monitor.stopFetching()
            group.cancelAll()
            for await _ in group {}
        }
        logger.info("poller stopped")
    }
}
