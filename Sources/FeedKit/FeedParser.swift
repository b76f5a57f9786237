import Foundation

public enum FeedParseError: Error, Equatable, CustomStringConvertible {
    case empty
    case notAFeed(rootElement: String?)
    /// An HTML page that links its feed (`<link rel="alternate" type="application/rss+xml">`).
    case htmlPageLinksFeed(url: String)
    case tooLarge(limit: Int)
    case tooDeep(limit: Int)
    case entityExpansion(limit: Int)

    public var description: String {
        switch self {
        case .empty: return "empty document"
        case .notAFeed(let root?) where root.hasPrefix("JSON"): return "not a feed (\(root))"
        case .notAFeed(let root?): return "not a feed (the document is <\(root)>, expected RSS, Atom or JSON Feed)"
        case .notAFeed(nil): return "not a feed (no XML root element found)"
        case .htmlPageLinksFeed(let url): return "not a feed (an HTML page); the page names its feed: \(url)"
        case .tooLarge(let limit): return "document larger than \(limit / (1 << 20)) MiB: refused"
        case .tooDeep(let limit): return "elements nested deeper than \(limit): refused (a hostile or broken document)"
        case .entityExpansion(let limit):
            return "entities declared in the DOCTYPE expand beyond \(limit / (1 << 20)) MiB: refused (an entity bomb)"
        }
    }

    /// The feed URL an HTML page points to, for `check` to suggest.
    public var feedHint: String? {
        if case .htmlPageLinksFeed(let url) = self { return url }
        return nil
    }
}

/// Entry point: detects the format from the content (XML or JSON Feed) and hands over to the format's reader.
public enum FeedParser {
    /// Larger than any feed; the fetcher's own cap (10 MiB) is lower.
    public static let maxDocumentBytes = 32 << 20

    /// - Parameters:
    ///   - bytes: the document as fetched.
    ///   - contentType: the HTTP Content-Type header, whose charset wins over the XML declaration.
    ///   - baseURL: the document's URL, against which relative links are resolved.
    public static func parse(_ bytes: [UInt8], contentType: String? = nil, baseURL: String? = nil)
        throws(FeedParseError) -> Feed
    {
        guard bytes.count <= maxDocumentBytes else { throw .tooLarge(limit: maxDocumentBytes) }
        let decoded = CharacterDecoding.decode(bytes, httpCharset: charset(of: contentType))
        let utf8 = decoded.utf8
        guard let first = utf8.first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            throw .empty
        }
        var feed: Feed
        if first == UInt8(ascii: "{") {
            feed = try JSONFeedReader.read(utf8, baseURL: baseURL)
        } else {
            feed = try markupFeed(utf8, baseURL: baseURL)
        }
        feed.encoding = decoded.encoding
        feed.malformed = feed.malformed || decoded.damaged
        return feed
    }

    private static func markupFeed(_ utf8: [UInt8], baseURL: String?) throws(FeedParseError) -> Feed {
        var parser = MarkupParser(utf8, baseURL: baseURL)
        guard let root = try parser.parse() else { throw .notAFeed(rootElement: nil) }
        adoptUnknownFormatNamespace(root)
        var feed: Feed
        switch (root.name.lowercased(), root.namespace) {
        case ("rss", _):
            feed = RSSReader.read(
                channelOf: root, document: utf8, format: rssFormat(version: root.attribute("version")))
        case ("rdf", _):
            // RSS 0.90 is RDF too; its elements are in Netscape's namespace.
            let is090 = root.attribute("xmlns")?.contains("netscape.com/rdf/simple/0.9") ?? false
            feed = RSSReader.read(channelOf: root, document: utf8, format: is090 ? .rss09x : .rss10)
        case ("feed", AtomReader.namespace03):
            feed = AtomReader.read(root, document: utf8, format: .atom03)
        case ("feed", _):
            feed = AtomReader.read(root, document: utf8, format: root.attribute("version") == "0.3" ? .atom03 : .atom10)
        case ("channel", ""):
            feed = CDFReader.read(root, document: utf8)
        case ("html", _):
            if let link = FeedDiscovery.alternateFeedLink(root, baseURL: baseURL) {
                throw .htmlPageLinksFeed(url: link)
            }
            throw .notAFeed(rootElement: root.name)
        default:
            throw .notAFeed(rootElement: root.name)
        }
        feed.malformed = parser.malformed
        return feed
    }

    /// `<rss xmlns="http://backend.userland.com/rss">`, `<feed xmlns="http://example.com/newformat#">`:
    /// a feed that puts its own elements in a namespace we do not know still means them as the
    /// format's own, so they are read as if in none.
    private static func adoptUnknownFormatNamespace(_ root: MarkupElement) {
        let name = root.name.lowercased()
        guard name == "rss" || name == "feed", !MarkupElement.coreNamespaces.contains(root.namespace) else { return }
        let adopted = root.namespace
        var pending = [root]
        while let element = pending.popLast() {
            if element.namespace == adopted { element.namespace = "" }
            pending.append(contentsOf: element.children)
        }
    }

    static func charset(of contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "charset" else {
                continue
            }
            return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        }
        return nil
    }

    private static func rssFormat(version: String?) -> FeedFormat {
        guard let version = version?.trimmingCharacters(in: .whitespaces), version.hasPrefix("0.9") else {
            return .rss20
        }
        return .rss09x
    }
}

extension MarkupElement {
    /// Trimmed text of the first such child that has text, nil when there is none. (An RSS
    /// channel's `<atom:link rel="self"/>` is empty and must not hide its `<link>`.)
    func childText(_ name: String, _ namespace: String? = nil) -> String? {
        for child in children where child.isNamed(name, namespace) {
            if let text = child.text.trimmed.nonEmpty { return text }
        }
        return nil
    }

    /// A child's content including any inline markup in it (as HTML), trimmed; nil when absent or empty.
    func childMarkup(_ name: String, _ namespace: String? = nil, in document: [UInt8]) -> String? {
        child(name, namespace)?.content(in: document).trimmed.nonEmpty
    }
}

extension String {
    package var nonEmpty: String? { isEmpty ? nil : self }
}
