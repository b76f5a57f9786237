import Foundation
import Logging

/// Writes one line per message to stderr with the `<N>` priority prefix that journald
/// reads (sd-daemon(3)), so `journalctl -p warning` works without a logging library.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    /// The label is not printed: journald already records which unit wrote the line.
    public init(label: String) {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        let priority: Int
        switch event.level {
        case .trace, .debug: priority = 7
        case .info: priority = 6
        case .notice: priority = 5
        case .warning: priority = 4
        case .error: priority = 3
        case .critical: priority = 2
        }
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let fields = merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let text = "\(event.message)\(fields.isEmpty ? "" : " " + fields)".replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("<\(priority)>\(text)\n".utf8))
    }
}
