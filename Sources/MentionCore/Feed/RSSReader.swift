import Foundation

/// Reads RSS 0.9x, 1.0 (RDF) and 2.0 channels and items from a parsed document.
enum RSSReader {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let contentModule = "http://purl.org/rss/1.0/modules/content/"
    static let mediaRSS = "http://search.yahoo.com/mrss/"

    static func read(channelOf root: MarkupElement, document: [UInt8], format: FeedFormat) -> Feed {
        let channel = root.child("channel") ?? root
        var feed = Feed(format: format)
        feed.title = channel.childMarkup("title", in: document).map(HTMLText.plainText)
        feed.link = channel.childText("link")
        feed.description = channel.childMarkup("description", in: document)
        feed.language = channel.childText("language") ?? channel.childText("language", dublinCore)
        // <ttl> is in minutes (RSS 2.0); a silly value cannot stop polling: the scheduler caps it.
        feed.ttl = channel.childText("ttl").flatMap { Int($0) }.flatMap { $0 > 0 && $0 < 1_000_000 ? $0 * 60 : nil }
        feed.updated = (channel.childText("lastBuildDate") ?? channel.childText("pubDate") ?? channel.childText("date", dublinCore))
            .flatMap(FeedDate.parse)
        // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it under <rdf:RDF>.
        let items = channel.children("item") + (channel === root ? [] : root.children("item"))
        feed.items = items.map { item(from: $0, document: document) }
        return feed
    }

    private static func item(from element: MarkupElement, document: [UInt8]) -> FeedItem {
        var item = FeedItem()
        let guid = element.child("guid")
        item.id = guid?.text.trimmed.nonEmpty ?? element.attribute("about")
        item.title = element.childMarkup("title", in: document).map(HTMLText.plainText)
        item.link = element.childText("link")
            ?? (guid?.attribute("isPermaLink") != "false" ? item.id.flatMap { $0.hasPrefix("http") ? $0 : nil } : nil)
        item.published = (element.childText("pubDate") ?? element.childText("date", dublinCore)).flatMap(FeedDate.parse)
        item.updated = element.childText("updated").flatMap(FeedDate.parse)
        for author in element.children("author") + element.children("creator", dublinCore) {
            let text = author.text.trimmed
            if !text.isEmpty { item.authors.append(rssAuthor(text)) }
        }
        item.summary = element.childMarkup("description", in: document)
        item.content = element.childMarkup("encoded", contentModule, in: document)
        item.categories = (element.children("category") + element.children("subject", dublinCore))
            .compactMap { $0.text.trimmed.nonEmpty }
        for enclosure in element.children("enclosure") {
            guard let url = enclosure.attribute("url")?.nonEmpty else { continue }
            item.media.append(FeedMedia(url: url, type: enclosure.attribute("type"), length: enclosure.attribute("length").flatMap { Int($0) }))
        }
        for media in element.children("content", mediaRSS) + element.children("thumbnail", mediaRSS) {
            guard let url = media.attribute("url")?.nonEmpty else { continue }
            item.media.append(FeedMedia(url: url, type: media.attribute("type"), length: media.attribute("fileSize").flatMap { Int($0) }))
        }
        item.raw = Array(document[element.outerRange])
        return item
    }

    /// RSS 2.0 `<author>` is "email (Name)"; many feeds put just a name there.
    private static func rssAuthor(_ text: String) -> FeedAuthor {
        if let open = text.firstIndex(of: "("), text.hasSuffix(")"), text[..<open].contains("@") {
            let name = text[text.index(after: open)..<text.index(before: text.endIndex)]
            return FeedAuthor(name: String(name), email: text[..<open].trimmingCharacters(in: .whitespaces))
        }
        if text.contains("@"), !text.contains(" "), !text.hasPrefix("@") { return FeedAuthor(email: text) }
        return FeedAuthor(name: text)
    }
}
