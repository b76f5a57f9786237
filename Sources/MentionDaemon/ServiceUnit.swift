import Foundation

/// Who the service runs as, read from its systemd unit and drop-ins the way systemd merges them:
/// a later `User=`/`Group=` wins, `SupplementaryGroups=` adds up and an empty one resets the list.
public struct ServiceUnit: Sendable, Equatable {
    public var user = "mentionwatch"
    public var group: String?
    public var supplementaryGroups: [String] = []
    /// The files read, in order; empty: none found, so the defaults above.
    public var files: [String] = []

    public init() {}

    /// Where systemd looks for the unit: the admin's copy first in precedence, so it is read last.
    public static let unitFolders = ["/lib/systemd/system", "/usr/lib/systemd/system", "/etc/systemd/system"]

    /// Reads `unit` (a path) if given, else `mentionwatch.service` from the unit folders, and its drop-ins.
    public static func read(unit: String?, name: String = "mentionwatch.service") -> ServiceUnit {
        var files: [String] = []
        if let unit {
            files = [unit]
        } else if let found = unitFolders.reversed().map({ "\($0)/\(name)" }).first(where: readable) {
            files = [found]
        }
        let dropIns = (unit.map { [$0 + ".d"] } ?? unitFolders.map { "\($0)/\(name).d" }).flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasSuffix(".conf") }
                .sorted().map { "\(folder)/\($0)" }
        }
        var service = ServiceUnit()
        for file in files + dropIns {
            guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
            service.apply(text)
            service.files.append(file)
        }
        return service
    }

    /// The `[Service]` section's account settings from one file's text.
    public mutating func apply(_ text: String) {
        var section = ""
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix(";") { continue }
            if line.hasPrefix("[") {
                section = line
                continue
            }
            guard section == "[Service]", let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "User": user = value.isEmpty ? "root" : value
            case "Group": group = value.isEmpty ? nil : value
            case "SupplementaryGroups":
                if value.isEmpty { supplementaryGroups = [] }
                supplementaryGroups += value.split(separator: " ").map(String.init)
            default: break
            }
        }
    }

    private static func readable(_ path: String) -> Bool { FileManager.default.isReadableFile(atPath: path) }
}
