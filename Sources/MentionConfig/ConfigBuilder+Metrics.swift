import Foundation
internal import Yams

/// `metrics:` (docs/configuration.md): where the daemon writes its Prometheus metrics.
public struct MetricsSettings: Sendable, Equatable {
    /// A file for node_exporter's textfile collector, rewritten after every poll round; nil: none.
    public var textfile: String?

    public init(textfile: String? = nil) { self.textfile = textfile }
}

extension ConfigBuilder {
    mutating func metricsSettings(_ node: Node) -> MetricsSettings {
        var metrics = MetricsSettings()
        guard let map = reader.mapping(node, "metrics", allowed: ["textfile"]) else { return metrics }
        if let node = map["textfile"], let path = reader.string(node, "metrics.textfile") {
            // node_exporter's textfile collector reads only *.prom files.
            if path.hasSuffix(".prom"), !path.hasSuffix("/.prom") {
                metrics.textfile = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
            } else {
                reader.report(
                    node, "metrics.textfile",
                    "must name a file ending in .prom (node_exporter reads only those), not '\(path)'")
            }
        }
        return metrics
    }
}
