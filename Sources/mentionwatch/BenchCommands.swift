import ArgumentParser
import FeedKit
import Foundation
import MentionClassify
import MentionMatch

/// `mentionwatch bench-parse FILE...`: the parser's side of `bench/parse/run.sh`.
/// Files are read into memory first, so only parsing is timed (plus each item's plain
/// text, which matching needs and which the peers' HTML sanitising stands against).
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse",
        abstract: "Time the feed parser over files (for the benchmark; prints one JSON line).",
        shouldDisplay: false)
    @Option(help: "Parse the whole set this many times; the best round counts.")
    var rounds = 3
    @Argument(help: "Feed files.")
    var files: [String]

    func run() throws {
        let documents: [[UInt8]] = try files.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw fail("\(path): cannot read the file", status: ExitStatus.ioError)
            }
            return Array(data)
        }
        let bytes = documents.reduce(0) { $0 + $1.count }
        var best = Duration.seconds(Int64.max)
        var items = 0
        var errors = 0
        var textBytes = 0
        for _ in 0..<max(1, rounds) {
            items = 0
            errors = 0
            textBytes = 0
            let elapsed = ContinuousClock().measure {
                for document in documents {
                    do {
                        let feed = try FeedParser.parse(document)
                        items += feed.items.count
                        for item in feed.items { textBytes += item.text.utf8.count }
                    } catch {
                        errors += 1
                    }
                }
            }
            best = min(best, elapsed)
        }
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
        let line: [String: Any] = [
            "files": documents.count, "bytes": bytes, "items": items, "errors": errors, "text_bytes": textBytes,
            "seconds": seconds, "mb_per_s": Double(bytes) / 1e6 / seconds, "items_per_s": Double(items) / seconds,
        ]
        let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }
}

/// `mentionwatch bench-match --config FILE POSTS`: the matcher's side of `bench/match/run.sh`.
/// One post per line of POSTS; lines are read first, then matching is timed (normalisation
/// included), best of the rounds. It can also write the literal patterns and the normalised text
/// for the peers, which search those with Aho-Corasick.
struct BenchMatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-match",
        abstract: "Time the name matcher over posts, one a line (for the benchmark; prints one JSON line).",
        shouldDisplay: false)
    @OptionGroup var options: ConfigOption
    @Option(help: "Match the whole set this many times; the best round counts.")
    var rounds = 3
    @Option(help: "Write the literal patterns here, one a line.")
    var dumpPatterns: String?
    @Option(help: "Write the normalised posts here, one a line.")
    var dumpNormalised: String?
    @Argument(help: "A file of posts, one a line.")
    var posts: String

    func run() throws {
        let config = try options.load()
        guard let data = FileManager.default.contents(atPath: posts) else {
            throw fail("\(posts): cannot read the file", status: ExitStatus.ioError)
        }
        let lines = data.split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        var matcher: Matcher?
        let heads = config.classification.lexicon.compoundHeads  // as the classifier's matcher has them
        let build = ContinuousClock().measure {
            matcher = Matcher(
                school: config.school, staff: config.staff, matching: config.matching, compoundHeads: heads)
        }
        guard let matcher else { return }
        if let dumpPatterns {
            try Data(matcher.literalPatterns.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: dumpPatterns))
        }
        if let dumpNormalised {
            try Data(lines.map(MatchText.normalised).joined(separator: "\n").utf8).write(
                to: URL(fileURLWithPath: dumpNormalised))
        }
        // Case names, as string interpolation writes them ("firstName"), for the checksum.
        let ruleNames = Dictionary(
            uniqueKeysWithValues: MentionRule.allCases.map { ($0, Array(String(describing: $0).utf8)) })
        var best = Duration.seconds(Int64.max)
        var mentions = 0
        // FNV-1a over every post's mentions (entity, offsets, rule): a change in what is found shows here.
        var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
        for _ in 0..<max(1, rounds) {
            (mentions, checksum) = (0, 0xcbf2_9ce4_8422_2325)
            let elapsed = ContinuousClock().measure {
                for line in lines {
                    let found = matcher.mentions(in: Post(id: "", text: line))
                    mentions += found.count
                    for mention in found {
                        // The bytes of "\(entity) \(start) \(end) \(rule)\n", without `print`'s reflection.
                        for part in [mention.entity, String(mention.start), String(mention.end)] {
                            for byte in part.utf8 { checksum = (checksum ^ UInt64(byte)) &* 0x100_0000_01b3 }
                            checksum = (checksum ^ 0x20) &* 0x100_0000_01b3
                        }
                        for byte in ruleNames[mention.rule, default: []] {
                            checksum = (checksum ^ UInt64(byte)) &* 0x100_0000_01b3
                        }
                        checksum = (checksum ^ 0x0A) &* 0x100_0000_01b3
                    }
                }
            }
            best = min(best, elapsed)
        }
        func seconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        }
        let line: [String: Any] = [
            "posts": lines.count, "bytes": data.count, "mentions": mentions, "patterns": matcher.literalPatterns.count,
            "names": config.staff.count, "build_seconds": seconds(build), "seconds": seconds(best),
            "checksum": String(checksum, radix: 16),
            "mb_per_s": Double(data.count) / 1e6 / seconds(best),
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }
}
