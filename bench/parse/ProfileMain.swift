// The loop of `mentionwatch bench-parse` (parse every file, then each item's plain text), built
// with Sources/FeedKit as one module by profile.sh: valgrind cannot read the release binary's
// debug info, and a small binary profiles in seconds.
import Foundation

@main
struct ParseProfile {
    static func main() {
        let documents = CommandLine.arguments.dropFirst().map { path in
            guard let data = FileManager.default.contents(atPath: path) else { fatalError("cannot read \(path)") }
            return Array(data)
        }
        var items = 0
        var textBytes = 0
        for document in documents {
            guard let feed = try? FeedParser.parse(document) else { continue }
            items += feed.items.count
            for item in feed.items { textBytes += item.text.utf8.count }
        }
        print("\(documents.count) files, \(items) items, \(textBytes) bytes of text")
    }
}
