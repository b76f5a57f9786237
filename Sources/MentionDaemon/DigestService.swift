import Foundation
import Logging
import MentionSchedule
import ServiceLifecycle

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
