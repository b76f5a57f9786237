import Foundation
import TestSupport
import Testing

/// The targets point one way (docs/architecture.md). Package.swift already refuses an import of a
/// target that is not a dependency; this also catches a dependency added where it does not belong,
/// and I/O, clocks or the environment in the pure core.
struct ImportRulesTests {
    /// Platform modules any target may import; the pure core not those that do concurrency or networking.
    static let platform: Set<String> = ["Foundation", "Glibc", "Darwin", "Synchronization", "Dispatch"]
    static let notInThePureCore: Set<String> = ["Dispatch", "FoundationNetworking"]
    static let pureCore: Set<String> = [
        "FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionSchedule", "MentionRender",
    ]

    /// What each source target may import besides the platform.
    static let allowed: [String: Set<String>] = {
        var rules: [String: Set<String>] = [
            "FeedKit": ["CCrypto"],
            "MentionMatch": [],
            "MentionClassify": ["FeedKit", "MentionMatch"],
            "MentionConfig": ["FeedKit", "MentionMatch", "MentionClassify", "Yams"],
            "MentionSchedule": ["FeedKit", "MentionConfig"],
            "MentionRender": ["FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionSchedule"],
            "MentionFetch": ["CCurl", "MentionConfig"],
            "MentionStore": [
                "CSQLite", "FeedKit", "MentionMatch", "MentionClassify", "MentionConfig", "MentionRender",
                "MentionSchedule",
            ],
            "MentionMail": ["CCurl", "MentionConfig", "MentionRender"],
        ]
        let adapters: Set<String> = ["MentionFetch", "MentionStore", "MentionMail"]
        let services: Set<String> = ["Logging", "ServiceLifecycle", "UnixSignals"]
        rules["MentionDaemon"] = pureCore.union(adapters).union(services)
        rules["mentionwatch"] = pureCore.union(adapters).union(services).union(["MentionDaemon", "ArgumentParser"])
        return rules
    }()

    /// Calls that reach outside a pure function: files, the network, the clock, the environment.
    static let impure = [
        "FileManager", "FileHandle", "URLSession", "Date()", "ProcessInfo", "fopen(", "getenv(", "DispatchQueue",
    ]

    /// The module an `import` line names, with its attributes and access level stripped.
    static func importedModule(_ line: String) -> String? {
        var words = line.split(separator: " ").map(String.init)
        while let first = words.first,
            first.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains(first)
        {
            words.removeFirst()
        }
        guard words.first == "import", words.count >= 2 else { return nil }
        // `import struct Foundation.Date` names the module before the dot.
        let path = words.count >= 3 ? words[2] : words[1]
        return String(path.split(separator: ".")[0])
    }

    /// What in `source` (a file of `target`) breaks the rules, as "LINE: reason".
    static func violations(target: String, source: String) -> [String] {
        guard let allowedImports = allowed[target] else { return ["target \(target) has no import rule here"] }
        var found: [String] = []
        for (number, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if let module = importedModule(text),
                !platform.contains(module) && !allowedImports.contains(module)
                    || pureCore.contains(target) && notInThePureCore.contains(module)
            {
                found.append("\(number + 1): \(target) must not import \(module)")
            }
            if pureCore.contains(target), !text.hasPrefix("//"), let call = impure.first(where: { text.contains($0) }) {
                found.append("\(number + 1): \(target) is pure; pass the value in instead of using \(call)")
            }
        }
        return found
    }

    @Test func everySourceTargetKeepsItsImportRules() throws {
        let sources = Paths.repositoryRoot + "/Sources"
        // System library targets (a module map, no Swift) have nothing to check.
        let targets = try FileManager.default.contentsOfDirectory(atPath: sources)
            .filter { !FileManager.default.fileExists(atPath: sources + "/" + $0 + "/module.modulemap") }
        #expect(Set(targets) == Set(Self.allowed.keys), "a target without a rule here, or a rule without a target")
        var problems: [String] = []
        for target in targets {
            let folder = sources + "/" + target
            for file in FileManager.default.subpaths(atPath: folder) ?? [] where file.hasSuffix(".swift") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                problems += Self.violations(target: target, source: text).map { "Sources/\(target)/\(file):\($0)" }
            }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("FeedKit", "import MentionMatch", true),
        ("MentionClassify", "internal import Yams", true),
        ("MentionRender", "@testable import MentionStore", true),
        ("MentionMatch", "import struct Foundation.Date", false),
        ("MentionConfig", "internal import Yams", false),
        ("MentionSchedule", "    let now = Date()", true),
        ("MentionSchedule", "    // not Date() here: the caller passes now", false),
        ("MentionDaemon", "let files = FileManager.default", false),
        ("MentionFetch", "import Synchronization", false),
        ("FeedKit", "import Dispatch", true),
    ])
    func theRulesCatchWhatTheyShould(target: String, line: String, broken: Bool) {
        #expect(Self.violations(target: target, source: line).isEmpty != broken)
    }
}
