import Foundation

/// A strict reader of the Prometheus text exposition format 0.0.4, as node_exporter's textfile
/// collector reads it: every sample belongs to a family declared by HELP and TYPE lines before it,
/// counters end in `_total`, a series appears once, the text ends with a line feed.
public enum PrometheusText {
    public struct Invalid: Error, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The samples, keyed by series (`name{labels}` as written), and each family's type.
    public static func parse(_ text: String) throws -> (samples: [String: Double], types: [String: String]) {
        guard text.hasSuffix("\n") else { throw Invalid(line: 0, message: "does not end with a line feed") }
        // name, then optional {label="value",...} with \\ \" \n escapes, then the value
        let sample =
            #/([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"(?:,[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*")*\})? (-?[0-9]+(?:\.[0-9]+)?(?:e[+-]?[0-9]+)?)/#
        var samples: [String: Double] = [:]
        var types: [String: String] = [:]
        var helped: Set<String> = []
        for (index, line) in text.dropLast().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            if let match = line.wholeMatch(of: #/# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)/#) {
                guard helped.insert(String(match.1)).inserted else {
                    throw Invalid(line: number, message: "second HELP")
                }
            } else if let match = line.wholeMatch(of: #/# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)/#) {
                let family = String(match.1)
                guard helped.contains(family), types[family] == nil else {
                    throw Invalid(line: number, message: "TYPE of \(family) without its HELP first, or twice")
                }
                if match.2 == "counter", !family.hasSuffix("_total") {
                    throw Invalid(line: number, message: "counter \(family) does not end in _total")
                }
                types[family] = String(match.2)
            } else if let match = line.wholeMatch(of: sample) {
                let family = String(match.1)
                guard types[family] != nil else {
                    throw Invalid(line: number, message: "\(family) has no TYPE before it")
                }
                let series = family + String(match.2 ?? "")
                guard samples[series] == nil else { throw Invalid(line: number, message: "\(series) twice") }
                samples[series] = Double(match.3)
            } else {
                throw Invalid(line: number, message: "not a HELP, TYPE or sample line: \(line)")
            }
        }
        return (samples, types)
    }
}
