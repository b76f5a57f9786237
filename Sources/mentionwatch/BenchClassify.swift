import ArgumentParser
import Foundation
import MentionClassify
import MentionMatch

/// The classifier's cost per post that names the school or its people: the posts a poll judges in
/// full (`Classifier.screen`). Each such post is judged `rounds` times and its best time kept; the
/// percentiles are over posts. Prints one JSON line (bench/classify/run.sh).
struct BenchClassify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-classify",
        abstract: "Time the classifier per post with a mention (for the benchmark; prints one JSON line).",
        shouldDisplay: false)
    @OptionGroup var options: ConfigOption
    @Option(help: "Judge each post this many times; its best time counts.")
    var rounds = 3
    @Argument(help: "Posts as JSON Lines, as `mentionwatch match` reads them.")
    var posts: String

    func run() throws {
        let config = try options.load()
        guard let data = FileManager.default.contents(atPath: posts) else {
            throw fail("\(posts): cannot read the file", status: ExitStatus.ioError)
        }
        let classifier = Classifier(config: config)
        let decoder = JSONDecoder()
        let all = data.split(separator: UInt8(ascii: "\n")).compactMap {
            try? decoder.decode(MatchInputLine.self, from: Data($0)).post
        }
        let mentioned = all.filter { !classifier.matcher.mentions(in: $0).isEmpty }
        let clock = ContinuousClock()
        var best = [Duration](repeating: .seconds(Int64.max), count: mentioned.count)
        for _ in 0..<max(1, rounds) {
            for (index, post) in mentioned.enumerated() {
                var assessment: Assessment?
                let elapsed = clock.measure { assessment = classifier.screen(post) }
                precondition(assessment != nil)
                best[index] = min(best[index], elapsed)
            }
        }
        func milliseconds(_ duration: Duration) -> Double {
            Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
        }
        let sorted = best.map(milliseconds).sorted()
        func percentile(_ share: Double) -> Double {
            sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int((share * Double(sorted.count)).rounded(.up)) - 1)]
        }
        let total = sorted.reduce(0, +)
        let line: [String: Any] = [
            "posts": all.count, "mentioned": mentioned.count,
            "posts_per_s": total > 0 ? Double(mentioned.count) / (total / 1e3) : 0,
            "p50_ms": percentile(0.5), "p90_ms": percentile(0.9), "p99_ms": percentile(0.99),
            "max_ms": sorted.last ?? 0,
        ]
        print(String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self))
    }
}
