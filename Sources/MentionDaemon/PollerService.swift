import FeedKit
import Foundation
import Logging
import ServiceLifecycle

/// Polls each feed when the scheduler says it is due, through a `PollQueue` (so the fetcher's
/// politeness decides what may start), delivers alerts as polls finish, and enforces retention hourly.
public struct PollerService: Service {
    let monitor: Monitor
    let logger: Logger
    let notifier: SystemdNotifier

    public init(monitor: Monitor, logger: Logger, notifier: SystemdNotifier = SystemdNotifier()) {
        self.monitor = monitor
        self.logger = logger
        self.notifier = notifier
    }

    public func run() async throws {
        await withTaskGroup(of: PollEvent.self) { group in
            var queue = PollQueue(windowSize: await monitor.pollWindow)
            var nextRetention = Date.distantPast
            var reportedErrors = 0
            var ticking = true
            var timerArmed = false
            var metricsDue = true  // written on the first tick, then within a second of each poll
            group.addTask { .tick }
            while let event = await group.next() {
                switch event {
                case .polled(let feed, let summary):
                    queue.finished(feed.id)
                    metricsDue = true
                    logger.debug("\(summary)")
                    let delivery = await monitor.deliverAlerts()
                    notifier.notify(
                        "STATUS=last poll: \(feed.id) at \(FeedDate.rfc3339(Date())); alerts waiting: \(delivery.waiting)"
                    )
                case .lookAgain:
                    timerArmed = false
                case .tick:
                    ticking = false
                    // The watchdog hears from this loop itself: if it hangs, systemd restarts the service.
                    notifier.notify("WATCHDOG=1")
                    if metricsDue {
                        await monitor.writeMetrics()
                        metricsDue = false
                    }
                    // Due feeds are read once a tick, not after every poll: with a thousand feeds that
                    // would read the whole feeds table a thousand times a round.
                    queue.setWaiting(await monitor.duePolls(at: Date()))
                    queue.windowSize = max(1, await monitor.pollWindow)
                }
                if Task.isShuttingDownGracefully || Task.isCancelled { break }
                // A finished poll frees a place: fill it with the next due feed at once. (Feeds refused
                // because fetching stopped need nothing here: the loop ends with the shutdown.)
                _ = queue.startPolls(on: monitor, in: &group, timerArmed: &timerArmed, longestWait: .seconds(1))
                let now = Date()
                if nextRetention <= now {
                    await monitor.enforceRetention()
                    _ = await monitor.deliverAlerts()  // also retries alerts a failed spool left waiting
                    metricsDue = true
                    let errors = await monitor.databaseErrors
                    if errors > reportedErrors {
                        logger.warning("database errors since start: \(errors) (each is in the log above)")
                        reportedErrors = errors
                    }
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
