import Foundation

extension FeedImport {
    public struct CannotAppend: Error, CustomStringConvertible {
        public var description: String
    }

    /// `text` (a feeds.yaml) with the new entries added at the end of its `feeds:` block list, every
    /// other byte kept (comments, order, quoting). Only done when it is certainly right: `feeds:` is a
    /// top-level block list, and the result parses to the same configuration plus exactly these feeds.
    public func appended(to text: String, file: String, baseDirectory: String) throws(CannotAppend) -> String {
        var lines = text.components(separatedBy: "\n")
        guard let header = lines.firstIndex(where: { $0.wholeMatch(of: #/feeds:[ \t]*(#.*)?/#) != nil }) else {
            throw CannotAppend(
                description: "\(file) has no top-level 'feeds:' block list (a [flow] list cannot be appended to)")
        }
        // The block runs to the next line that starts at column 0 with something other than a comment or
        // an item ("- " at column 0 is an item of a block list too).
        func inBlock(_ line: String) -> Bool {
            line.isEmpty || line.first == " " || line.first == "#" || line.first == "-"
        }
        var end = header + 1
        while end < lines.count, inBlock(lines[end]) { end += 1 }
        // Insert after the block's last line of content, so comments and blank lines before the next key stay with it.
        var last = header
        for index in (header + 1)..<end where lines[index].first == " " || lines[index].first == "-" { last = index }
        let indent =
            lines[(header + 1)..<end].lazy.compactMap { line -> Int? in
                let spaces = line.prefix { $0 == " " }.count
                return line.dropFirst(spaces).hasPrefix("- ") ? spaces : nil
            }.first ?? 2
        let entries = yaml.split(separator: "\n").map { line in
            String(repeating: " ", count: indent) + line.dropFirst(2)
        }
        lines.insert(contentsOf: entries, at: last + 1)
        let result = lines.joined(separator: "\n")
        try verify(result, against: text, file: file, baseDirectory: baseDirectory)
        return result
    }

    private func verify(_ result: String, against original: String, file: String, baseDirectory: String)
        throws(CannotAppend)
    {
        let before: Config
        let after: Config
        do {
            before = try ConfigParser.parse(original, file: file, baseDirectory: baseDirectory)
            after = try ConfigParser.parse(result, file: file, baseDirectory: baseDirectory)
        } catch {
            throw CannotAppend(description: "appending to \(file) would not give a valid configuration: \(error)")
        }
        var rest = after
        rest.feeds = before.feeds
        let added = after.feeds.dropFirst(before.feeds.count)
        guard rest == before, after.feeds.prefix(before.feeds.count) == before.feeds[...],
            added.map(\.id) == new.map(\.id), added.map(\.url) == new.map(\.url)
        else {
            throw CannotAppend(description: "appending to \(file) would change more than its feeds list")
        }
    }
}
