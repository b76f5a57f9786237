import Foundation

/// Reads Atom 1.0 (RFC 4287) and the older Atom 0.3 feeds.
enum AtomReader {
    static let namespace10 = Namespace.atom10
    static let namespace03 = Namespace.atom03

    static func read(_ root: MarkupElement, document: [UInt8], format: FeedFormat) -> Feed {
        var feed = Feed(format: format)
        feed.title = root.child("title").map { textConstruct($0, document: document, plain: true) }?.nonEmpty
        feed.link = alternateLink(root)
        feed.description =
            (root.child("subtitle") ?? root.child("tagline")).map {
                textConstruct($0, document: document, plain: false)
            }?.nonEmpty
        feed.language = root.xmlLanguage
        feed.updated = RSSReader.firstDate(root, [("updated", nil), ("modified", nil)])
        feed.categories = root.children("category").compactMap(category)
        feed.items = root.children("entry").map { entry(from: $0, document: document) }
        return feed
    }

    private static func entry(from element: MarkupElement, document: [UInt8]) -> FeedItem {
        var item = FeedItem()
        item.id = element.childText("id")
        item.title =
            element.child("title").map { textConstruct($0, document: document, plain: true) }?.nonEmpty
            ?? element.mediaText("title")
        item.writtenLink = alternateLinkElement(element)?.attribute("href")?.trimmed.nonEmpty
        item.link = alternateLink(element).map(LinkUnwrapping.unwrap)
        item.published = RSSReader.firstDate(element, [("published", nil), ("issued", nil), ("created", nil)])
        item.updated = RSSReader.firstDate(element, [("updated", nil), ("modified", nil)])
        item.authors = element.children("author").map(author)
        item.summary =
            element.child("summary").map { textConstruct($0, document: document, plain: false) }?.nonEmpty
            ?? element.mediaText("description").map(HTMLEntities.escaped)
        item.content = element.child("content").map { textConstruct($0, document: document, plain: false) }?.nonEmpty
        item.categories =
            element.children("category").compactMap(category)
            + element.children("category", Namespace.mediaRSS).compactMap(\.mediaCategory)
        for link in element.children("link") where link.attribute("rel") == "enclosure" {
            guard let href = link.resolve(link.attribute("href")) else { continue }
            item.media.append(
                FeedMedia(url: href, type: link.attribute("type"), length: link.attribute("length").flatMap { Int($0) })
            )
        }
        item.media += element.mediaModule()
        item.inReplyTo = element.inReplyTo()
        item.setRaw(document, element.outerRange)
        return item
    }

    /// A person construct (RFC 4287 §3.2). Atom 0.3 wrote <url>, some feeds <homepage>, for <uri>.
    static func author(_ element: MarkupElement) -> FeedAuthor {
        let uri = element.childText("uri") ?? element.childText("url") ?? element.childText("homepage")
        return FeedAuthor(name: element.childText("name"), email: element.childText("email"), uri: element.resolve(uri))
    }

    /// `<category term label scheme/>` (RFC 4287 §4.2.2); a term written as text, as some feeds do, counts too.
    static func category(_ element: MarkupElement) -> FeedCategory? {
        guard let term = element.attribute("term")?.trimmed.nonEmpty ?? element.text.trimmed.nonEmpty else {
            return nil
        }
        return FeedCategory(
            term: term, label: element.attribute("label")?.trimmed.nonEmpty,
            scheme: element.attribute("scheme")?.trimmed.nonEmpty)
    }

    /// `rel="alternate"` or no rel (RFC 4287 §4.2.7.2: absent rel means alternate), resolved
    /// against the link's own base (xml:base may sit on the link element itself).
    private static func alternateLink(_ element: MarkupElement) -> String? {
        alternateLinkElement(element).flatMap { $0.resolve($0.attribute("href")) }
    }

    private static func alternateLinkElement(_ element: MarkupElement) -> MarkupElement? {
        let links = element.children("link").filter { $0.attribute("href") != nil }
        return links.first { ($0.attribute("rel") ?? "alternate") == "alternate" } ?? links.first
    }

    /// An Atom text construct (RFC 4287 §3.1) as HTML, or as plain text when `plain` (titles).
    /// 1.0 types: "text", "html" (escaped markup), "xhtml" (inline markup); 0.3 MIME types with
    /// `mode="escaped|xml|base64"`.
    static func textConstruct(_ element: MarkupElement, document: [UInt8], plain: Bool) -> String {
        let type = element.attribute("type")?.lowercased() ?? "text"
        let mode = element.attribute("mode")?.lowercased()
        // Inline markup (xhtml, or HTML a feed left unescaped) is kept as HTML.
        let inline = type == "xhtml" || type.hasSuffix("xhtml+xml") || mode == "xml" || !element.children.isEmpty
        var value = (inline ? element.content(in: document) : element.text).trimmed
        // Base64: Atom 0.3's mode, or RFC 4287 §4.1.3.3: a MIME type that is neither text nor XML.
        let binaryType =
            type.contains("/") && !type.hasPrefix("text/") && !type.hasSuffix("+xml") && !type.hasSuffix("/xml")
        if mode == "base64" || (binaryType && !inline),
            let data = Data(base64Encoded: value, options: .ignoreUnknownCharacters)
        {
            value = String(decoding: data, as: UTF8.self)
        }
        let isText = !inline && (type == "text" || type == "text/plain")
        if plain { return isText ? value : HTMLText.plainText(value) }
        return isText ? HTMLEntities.escaped(value) : value
    }
}
