import Foundation
import MentionRender

extension Monitor {
    /// Writes `metrics.textfile`, when configured. A failure is logged once per change of error, not
    /// every second: the poller calls this after each round.
    public func writeMetrics() {
        guard let path = config.metrics.textfile else { return }
        do {
            let service = try ServiceState.snapshot(config, store: store, daemon: nil)
            try MetricsFile.write(Metrics.text(counters, service), to: path)
            metricsError = nil
        } catch {
            let message = "\(error)"
            if message != metricsError {
                logger.error("cannot write the metrics file \(path): \(message)")
                metricsError = message
            }
        }
    }
}
