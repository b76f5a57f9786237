import Foundation

/// Reads Atom 1.0 (RFC 4287) and the older Atom 0.3 feeds.
enum AtomReader {
    static let namespace10 = "http://www.w3.org/2005/Atom"
    static let namespace03 = "http://purl.org/atom/ns#"

    static func read(_ root: MarkupElement, document: [UInt8], format: FeedFormat) -> Feed {
        var feed = Feed(format: format)
        feed.title = root.child("title").map { textConstruct($0, document: document, plain: true) }?.nonEmpty
        feed.link = alternateLink(root)
        feed.description = (root.child("subtitle") ?? root.child("tagline")).map { textConstruct($0, document: document, plain: false) }?.nonEmpty
        feed.language = root.attribute("lang")
        feed.updated = (root.childText("updated") ?? root.childText("modified")).flatMap(FeedDate.parse)
        feed.items = root.children("entry").map { entry(from: $0, document: document) }
        return feed
    }

    private static func entry(from element: MarkupElement, document: [UInt8]) -> FeedItem {
        var item = FeedItem()
        item.id = element.childText("id")
        item.title = element.child("title").map { textConstruct($0, document: document, plain: true) }?.nonEmpty
        item.link = alternateLink(element)
        item.published = (element.childText("published") ?? element.childText("issued")).flatMap(FeedDate.parse)
        item.updated = (element.childText("updated") ?? element.childText("modified")).flatMap(FeedDate.parse)
        for author in element.children("author") {
            item.authors.append(FeedAuthor(name: author.childText("name"), email: author.childText("email"), uri: author.childText("uri")))
        }
        item.summary = element.child("summary").map { textConstruct($0, document: document, plain: false) }?.nonEmpty
        item.content = element.child("content").map { textConstruct($0, document: document, plain: false) }?.nonEmpty
        item.categories = element.children("category").compactMap { $0.attribute("term")?.nonEmpty ?? $0.text.nonEmpty }
        for link in element.children("link") where link.attribute("rel") == "enclosure" {
            guard let href = link.attribute("href")?.nonEmpty else { continue }
            item.media.append(FeedMedia(url: href, type: link.attribute("type"), length: link.attribute("length").flatMap { Int($0) }))
        }
        item.raw = Array(document[element.outerRange])
        return item
    }

    /// `rel="alternate"` or no rel (RFC 4287 §4.2.7.2: absent rel means alternate).
    private static func alternateLink(_ element: MarkupElement) -> String? {
        let links = element.children("link")
        let alternate = links.first { ($0.attribute("rel") ?? "alternate") == "alternate" && $0.attribute("href") != nil }
        return (alternate ?? links.first { $0.attribute("href") != nil })?.attribute("href")
    }

    /// An Atom text construct (RFC 4287 §3.1): "text", "html" (escaped markup) or "xhtml" (inline markup).
    /// `plain` strips markup, for titles; otherwise markup is kept as HTML.
    private static func textConstruct(_ element: MarkupElement, document: [UInt8], plain: Bool) -> String {
        let type = element.attribute("type")?.lowercased() ?? "text"
        // Inline markup (xhtml, or HTML a feed left unescaped) is kept as HTML.
        let inline = type == "xhtml" || type.hasSuffix("xhtml+xml") || !element.children.isEmpty
        let value = (inline ? element.content(in: document) : element.text).trimmed
        return plain && (inline || type != "text") ? HTMLText.plainText(value) : value
    }
}
