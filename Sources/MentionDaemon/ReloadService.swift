import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the configuration on SIGHUP; a bad one is refused and the old one kept.
public struct ReloadService: Service {
    let monitor: Monitor
    let configPath: String
    let logger: Logger
    let notifier: SystemdNotifier

    public init(monitor: Monitor, configPath: String, logger: Logger, notifier: SystemdNotifier = SystemdNotifier()) {
        self.monitor = monitor
        self.configPath = configPath
        self.logger = logger
        self.notifier = notifier
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
        notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(SystemdNotifier.monotonicMicroseconds())")
        defer { notifier.notify("READY=1") }
        do {
            let config = try ConfigFile.load(configPath)
            try await monitor.apply(config)
            logger.notice("configuration reloaded from \(configPath): \(config.feeds.count) feeds")
        } catch {
            logger.error("reload refused, keeping the running configuration: \(error)")
        }
    }
}
