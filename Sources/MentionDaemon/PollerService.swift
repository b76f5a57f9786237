import Foundation
import Logging
import MentionCore
import ServiceLifecycle

/// Polls each feed at its interval, delivers alerts after every round, enforces retention hourly.
public struct PollerService: Service {
    let monitor: Monitor
    let logger: Logger

    public init(monitor: Monitor, logger: Logger) {
        self.monitor = monitor
        self.logger = logger
    }

    public func run() async throws {
        var nextPoll = await monitor.nextPollTimes()
        var nextRetention = Date.distantPast
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let config = await monitor.config
            let now = Date()
            for feed in config.feeds where (nextPoll[feed.id] ?? .distantPast) <= now {
                if Task.isShuttingDownGracefully { break }
                let summary = await monitor.poll(feed)
                logger.debug("\(summary)")
                nextPoll[feed.id] = Date().addingTimeInterval(TimeInterval(feed.interval))
            }
            _ = await monitor.deliverAlerts()
            if nextRetention <= now {
                await monitor.enforceRetention()
                nextRetention = now.addingTimeInterval(3_600)
            }
            // Sleep until the next feed is due (a reload may add feeds: look again at least every minute).
            let due = config.feeds.compactMap { nextPoll[$0.id] }.min() ?? now.addingTimeInterval(60)
            let wait = min(max(due.timeIntervalSinceNow, 0.2), 60)
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .milliseconds(Int(wait * 1_000))) }
        }
        logger.info("poller stopped")
    }
}
