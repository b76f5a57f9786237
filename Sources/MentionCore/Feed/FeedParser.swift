import Foundation

public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    case empty
    case notAFeed(rootElement: String?)

    public var description: String {
        switch self {
        case .empty: return "empty document"
        case .notAFeed(let root?) where root.hasPrefix("JSON"): return "not a feed (\(root))"
        case .notAFeed(let root?): return "not a feed (the document is <\(root)>, expected RSS, Atom or JSON Feed)"
        case .notAFeed(nil): return "not a feed (no XML root element found)"
        }
    }
}

/// Entry point: detects the format from the content (XML or JSON Feed) and hands over to the format's reader.
public enum FeedParser {
    /// - Parameters:
    ///   - bytes: the document as fetched.
    ///   - contentType: the HTTP Content-Type header, whose charset wins over the XML declaration.
    public static func parse(_ bytes: [UInt8], contentType: String? = nil) throws(FeedParseError) -> Feed {
        let utf8 = CharacterDecoding.utf8(bytes, httpCharset: charset(of: contentType))
        guard let first = utf8.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else { throw .empty }
        if first == UInt8(ascii: "{") { return try JSONFeedReader.read(utf8) }
        var parser = MarkupParser(utf8)
        guard let root = parser.parse() else { throw .notAFeed(rootElement: nil) }
        var feed: Feed
        switch (root.name.lowercased(), root.namespace) {
        case ("rss", _):
            feed = RSSReader.read(channelOf: root, document: utf8, format: rssFormat(version: root.attribute("version")))
        case ("rdf", _):
            feed = RSSReader.read(channelOf: root, document: utf8, format: .rss10)
        case ("feed", AtomReader.namespace03):
            feed = AtomReader.read(root, document: utf8, format: .atom03)
        case ("feed", _):
            feed = AtomReader.read(root, document: utf8, format: .atom10)
        default:
            throw .notAFeed(rootElement: root.name)
        }
        feed.malformed = parser.malformed
        return feed
    }

    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else { continue }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        }
        return nil
    }

    private static func rssFormat(version: String?) -> FeedFormat {
        guard let version = version?.trimmingCharacters(in: .whitespaces), version.hasPrefix("0.9") else { return .rss20 }
        return .rss09x
    }
}

extension MarkupElement {
    /// Trimmed text of a child element, nil when absent or empty.
    func childText(_ name: String, _ namespace: String? = nil) -> String? {
        guard let text = child(name, namespace)?.text.trimmed, !text.isEmpty else {
            return nil
        }
        return text
    }

    /// A child's content including any inline markup in it (as HTML), trimmed; nil when absent or empty.
    func childMarkup(_ name: String, _ namespace: String? = nil, in document: [UInt8]) -> String? {
        child(name, namespace)?.content(in: document).trimmed.nonEmpty
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
