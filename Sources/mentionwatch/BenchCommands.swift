import ArgumentParser
import Foundation
import MentionCore

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
            guard let data = FileManager.default.contents(atPath: path) else { throw fail("\(path): cannot read the file", status: ExitStatus.ioError) }
            return Array(data)
        }
        let bytes = documents.reduce(0) { $0 + $1.count }
        var best = Duration.seconds(Int64.max)
        var items = 0, errors = 0, textBytes = 0
        for _ in 0..<max(1, rounds) {
            items = 0; errors = 0; textBytes = 0
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
