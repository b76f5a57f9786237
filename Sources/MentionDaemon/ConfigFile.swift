import Foundation
import MentionConfig

/// Reads and validates a config file from disk (the core parses; this adapter does the I/O).
public enum ConfigFile {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(ConfigErrors)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read the configuration: \(reason)"
            case .invalid(let errors): return errors.description
            }
        }
    }

    public static func load(_ path: String) throws(LoadError) -> Config {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(
                path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        do {
            return try ConfigParser.parse(
                text, file: path, baseDirectory: absolute.deletingLastPathComponent().path,
                isKnownTimeZone: { TimeZone(identifier: $0) != nil })
        } catch {
            throw .invalid(error)
        }
    }
}
