import FeedKit
import Foundation

/// `mentionwatch feeds import`: the feeds of an OPML list that the configuration lacks, as YAML
/// lines to add under `feeds:`. The config is edited by people, so it is never rewritten here.
public struct FeedImport: Sendable, Equatable {
    public struct NewFeed: Sendable, Equatable {
        public var id: String
        public var url: String
        public var kind: FeedKind?
        /// The outline's text and categories, for a comment above the entry.
        public var note: String
    }

    public var new: [NewFeed] = []
    /// Outlines whose feed the config (or an earlier outline) has already, with that feed's id.
    public var skipped: [(url: String, existing: String)] = []

    public static func == (lhs: FeedImport, rhs: FeedImport) -> Bool {
        lhs.new == rhs.new && lhs.skipped.map(\.url) == rhs.skipped.map(\.url)
    }

    /// Plans the import: feeds already configured (by URL, or by the address it moved to) are skipped; each new
    /// feed gets an id from its text, unique among the config's ids and the other new ones.
    public init(_ outlines: [OPML.Outline], existing: [FeedConfig]) {
        var known = Dictionary(existing.map { (Self.key($0.url), $0.id) }, uniquingKeysWith: { first, _ in first })
        var ids = Set(existing.map(\.id))
        for outline in outlines {
            if let id = known[Self.key(outline.xmlURL)] {
                skipped.append((outline.xmlURL, id))
                continue
            }
            let id = Self.uniqueID(Self.identifier(outline.text ?? "", url: outline.xmlURL), taken: ids)
            ids.insert(id)
            known[Self.key(outline.xmlURL)] = id
            // A category named as a kind (as `feeds export` writes them) is the feed's kind again.
            let kind = outline.categories.reversed().lazy.compactMap { FeedKind(rawValue: $0.lowercased()) }.first
            let note = ([outline.text ?? ""] + outline.categories.filter { FeedKind(rawValue: $0.lowercased()) == nil })
                .filter { !$0.isEmpty }.joined(separator: " / ")
            // A note that only repeats the id (as an export's outlines do) says nothing.
            new.append(NewFeed(id: id, url: outline.xmlURL, kind: kind, note: note == id ? "" : note))
        }
    }

    /// The entries, indented as items of `feeds:` (two spaces, as feeds.yaml writes them).
    public var yaml: String {
        new.map { feed in
            var lines: [String] = []
            if !feed.note.isEmpty { lines.append("  # \(Self.commentSafe(feed.note))") }
            lines.append("  - id: \(feed.id)")
            lines.append("    url: \"\(Self.yamlEscaped(feed.url))\"")
            if let kind = feed.kind { lines.append("    kind: \(kind.rawValue)") }
            return lines.joined(separator: "\n") + "\n"
        }.joined()
    }

    /// URLs compared without case in scheme and host and without a trailing slash.
    static func key(_ url: String) -> String {
        var text = url.hasSuffix("/") ? String(url.dropLast()) : url
        if let range = text.range(of: "://") {
            let hostEnd = text[range.upperBound...].firstIndex(of: "/") ?? text.endIndex
            text = text[..<hostEnd].lowercased() + text[hostEnd...]
        }
        return text
    }

    /// An id the config accepts (a-z, 0-9, '-', '_', '.'; not starting with '.') from the outline's
    /// text, else from the URL's host.
    static func identifier(_ text: String, url: String) -> String {
        func plain(_ value: String) -> String {
            let folded = value.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
            var out = ""
            for scalar in folded.unicodeScalars {
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "." {
                    out.unicodeScalars.append(scalar)
                } else if !out.isEmpty, !out.hasSuffix("-") {
                    out += "-"
                }
            }
            while out.hasSuffix("-") || out.hasSuffix(".") { out.removeLast() }
            while out.hasPrefix(".") { out.removeFirst() }
            return String(out.prefix(48))
        }
        let fromText = plain(text)
        if !fromText.isEmpty { return fromText }
        let host = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init) ?? ""
        let fromHost = plain(host)
        return fromHost.isEmpty ? "feed" : fromHost
    }

    static func uniqueID(_ id: String, taken: Set<String>) -> String {
        guard taken.contains(id) else { return id }
        var number = 2
        while taken.contains("\(id)-\(number)") { number += 1 }
        return "\(id)-\(number)"
    }

    /// A comment stays one line whatever the outline's text holds.
    static func commentSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map {
                    $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}"
                        ? " " : $0
                }
            ).prefix(120))
    }

    /// A YAML double-quoted scalar's escapes (the URL has no white space or control characters).
    static func yamlEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
