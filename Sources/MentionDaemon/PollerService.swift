import Foundation
import Logging
import MentionCore
import ServiceLifecycle
import UnixSignals

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

/// Sends the coordinator's digest at `digest.at` local time, and a missed one after a restart (never twice).
public struct DigestService: Service {
    let monitor: Monitor
    let logger: Logger

    public init(monitor: Monitor, logger: Logger) {
        self.monitor = monitor
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            let settings = await monitor.config.digest
            guard let zone = TimeZone(identifier: settings.timezone) else {
                logger.error("digest: unknown time zone \(settings.timezone)")
                return
            }
            let schedule = DigestSchedule(settings, timeZone: zone)
            var retry = false
            do {
                try await monitor.sendDigest(day: schedule.dueDay(at: Date()), schedule: schedule)
            } catch {
                logger.error("digest not delivered, will retry: \(error)")
                retry = true
            }
            // Wake at the next send time, or in 5 minutes after a failure; at least every hour (a reload may change `at`).
            let next = retry ? Date().addingTimeInterval(300) : schedule.nextSendTime(after: Date())
            let wait = min(max(next.timeIntervalSinceNow, 1), 3_600)
            await cancelWhenGracefulShutdown { try? await Task.sleep(for: .seconds(wait)) }
        }
    }
}

/// Reloads the configuration on SIGHUP; a bad one is refused and the old one kept.
public struct ReloadService: Service {
    let monitor: Monitor
    let configPath: String
    let logger: Logger

    public init(monitor: Monitor, configPath: String, logger: Logger) {
        self.monitor = monitor
        self.configPath = configPath
        self.logger = logger
    }

    public func run() async throws {
        let signals = await UnixSignalsSequence(trapping: .sighup)
        await cancelWhenGracefulShutdown {
            for await _ in signals {
                await reload()
            }
        }
    }

    func reload() async {
        do {
            let config = try ConfigFile.load(configPath)
            try await monitor.apply(config)
            logger.notice("configuration reloaded from \(configPath): \(config.feeds.count) feeds")
        } catch {
            logger.error("reload refused, keeping the running configuration: \(error)")
        }
    }
}
