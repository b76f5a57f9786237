import Foundation
internal import Yams

/// Reads `feeds.yaml` text into a `Config`, collecting every problem with its line, column and key path.
/// Unknown keys are errors: a typo must never be silently ignored.
public enum ConfigParser {
    /// - Parameters:
    ///   - file: the name used in error messages.
    ///   - baseDirectory: relative paths in the file are resolved against it (the config file's folder).
    ///   - isKnownTimeZone: checks a zone identifier; the core reads no tz database itself.
    ///   - isKnownGroup: checks a group name (`alerts.spool_group`); the core reads no /etc/group itself.
    public static func parse(
        _ text: String, file: String, baseDirectory: String,
        isKnownTimeZone: @escaping (String) -> Bool = { _ in true },
        isKnownGroup: @escaping (String) -> Bool = { _ in true }
    ) throws(ConfigErrors) -> Config {
        var reader = YAMLReader(file: file)
        let root: Node?
        do {
            // No tag resolution: every value is read as the string it is written as (`string`,
            // `bool`, `integer` below), and resolving tags ran several regular expressions on every
            // key while Yams checked for duplicates (5 % of a start with 1,000 feeds).
            root = try Yams.compose(yaml: text, .basic)
        } catch {
            throw ConfigErrors(issues: [reader.syntaxIssue(error)])
        }
        guard let root,
            let top = reader.mapping(
                root, "",
                allowed: [
                    "school", "staff", "feeds", "alerts", "digest", "storage", "fetch", "matching", "classification",
                    "metrics",
                ])
        else {
            if root == nil {
                reader.report(
                    line: 1, column: 1, "", "the file is empty: school.name and at least one feed are required")
            }
            throw ConfigErrors(issues: reader.issues)
        }
        var builder = ConfigBuilder(
            reader: reader, baseDirectory: baseDirectory, isKnownTimeZone: isKnownTimeZone, isKnownGroup: isKnownGroup)
        let config = builder.build(top, root: root)
        if let config, builder.reader.issues.isEmpty { return config }
        throw ConfigErrors(issues: builder.reader.issues.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }
}

/// Typed access to YAML nodes that records a located issue instead of failing.
struct YAMLReader {
    let file: String
    private(set) var issues: [ConfigIssue] = []

    mutating func report(_ node: Node?, _ path: String, _ message: String) {
        report(line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, path, message)
    }

    mutating func report(line: Int, column: Int, _ path: String, _ message: String) {
        issues.append(ConfigIssue(file: file, line: line, column: column, path: path, message: message))
    }

    func syntaxIssue(_ error: Error) -> ConfigIssue {
        if let yaml = error as? YamlError {
            switch yaml {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                .composer(_, let problem, let mark, _):
                return ConfigIssue(
                    file: file, line: mark.line, column: mark.column, path: "", message: "YAML syntax error: \(problem)"
                )
            case .duplicatedKeysInMapping(let duplicates, let context):
                let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
                return ConfigIssue(
                    file: file, line: context.mark.line, column: context.mark.column, path: "",
                    message: "duplicate key \(keys) in the mapping that starts here")
            default: break
            }
        }
        return ConfigIssue(file: file, line: 1, column: 1, path: "", message: "YAML syntax error: \(error)")
    }

    /// A mapping's entries by key; unknown keys are reported.
    mutating func mapping(_ node: Node, _ path: String, allowed: Set<String>) -> [String: Node]? {
        guard case .mapping(let mapping) = node else {
            report(node, path, "must be a mapping of keys (key: value)")
            return nil
        }
        var entries: [String: Node] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? ""
            let keyPath = path.isEmpty ? name : "\(path).\(name)"
            // Duplicate keys never get here: Yams refuses them while composing (see syntaxIssue).
            if allowed.contains(name) {
                entries[name] = value
            } else {
                report(key, keyPath, "unknown key (known here: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        return entries
    }

    mutating func sequence(_ node: Node, _ path: String) -> [Node]? {
        guard case .sequence(let sequence) = node else {
            report(node, path, "must be a list ([a, b] or lines starting with '- ')")
            return nil
        }
        return Array(sequence)
    }

    /// A scalar as written; YAML's null (`~`, `null`, nothing) reads as "".
    mutating func string(_ node: Node, _ path: String, allowEmpty: Bool = false) -> String? {
        guard case .scalar(let scalar) = node else {
            report(node, path, "must be a single value, not a list or mapping")
            return nil
        }
        let isNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        let value = isNull ? "" : Self.trimmed(scalar.string)
        if value.isEmpty && !allowEmpty {
            report(node, path, "must not be empty")
            return nil
        }
        return value
    }

    /// `text` without white space at either end. Most values start and end with a printable ASCII
    /// character and need no trimming: Foundation's, through NSString, was 2 % of a start.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, (0x21...0x7E).contains(first),
            (0x21...0x7E).contains(last)
        {
            return text
        }
        return text.trimmingCharacters(in: .whitespaces)
    }

    mutating func strings(_ node: Node, _ path: String) -> [String]? {
        guard let items = sequence(node, path) else { return nil }
        var values: [String] = []
        for (index, item) in items.enumerated() {
            if let value = string(item, "\(path)[\(index)]") { values.append(value) }
        }
        return values
    }

    mutating func bool(_ node: Node, _ path: String) -> Bool? {
        guard let text = string(node, path) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report(node, path, "must be true or false, not '\(text)'")
            return nil
        }
    }

    mutating func integer(_ node: Node, _ path: String, range: ClosedRange<Int>) -> Int? {
        guard let text = string(node, path) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            report(node, path, "must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            return nil
        }
        return value
    }

    /// A probability: a number from 0 to 1 ("0.85").
    mutating func probability(_ node: Node, _ path: String) -> Double? {
        guard let text = string(node, path) else { return nil }
        guard let value = Double(text), (0...1).contains(value) else {
            report(node, path, "must be a number from 0 to 1, not '\(text)'")
            return nil
        }
        return value
    }

    /// Durations are written `90s`, `15m`, `2h`, `180d`.
    mutating func duration(_ node: Node, _ path: String, allowZero: Bool = false) -> Seconds? {
        guard let text = string(node, path) else { return nil }
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3_600, "d": 86_400]
        guard let unit = text.last, let factor = units[unit], let amount = Int(text.dropLast()),
            amount > 0 || (allowZero && amount == 0),
            amount <= Int.max / factor / 1_000
        else {
            report(node, path, "must be a duration like 90s, 15m, 2h or 180d, not '\(text)'")
            return nil
        }
        return amount * factor
    }

    /// Sizes are written `512KB`, `10MB` (powers of 1024) or as a number of bytes.
    mutating func size(_ node: Node, _ path: String) -> Int? {
        guard let text = string(node, path) else { return nil }
        let units: [(String, Int)] = [("KB", 1_024), ("MB", 1_048_576), ("GB", 1_073_741_824), ("B", 1)]
        let upper = text.uppercased()
        for (unit, factor) in units where upper.hasSuffix(unit) {
            if let amount = Int(upper.dropLast(unit.count).trimmingCharacters(in: .whitespaces)), amount > 0,
                amount <= Int.max / factor
            {
                return amount * factor
            }
        }
        if let bytes = Int(text), bytes > 0 { return bytes }
        report(node, path, "must be a size like 512KB or 10MB, not '\(text)'")
        return nil
    }

    mutating func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(node, path) else { return nil }
        guard let value = T(rawValue: text.lowercased()) else {
            report(node, path, "must be one of \(T.allCases.map(\.rawValue).joined(separator: ", ")), not '\(text)'")
            return nil
        }
        return value
    }
}

extension Node {
    var scalar: Node.Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }
}
