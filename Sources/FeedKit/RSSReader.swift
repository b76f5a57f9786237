import Foundation

/// Reads RSS 0.9x, 1.0 (RDF) and 2.0 channels and items, with the modules feeds use for the
/// same fields (Dublin Core, content, Media RSS, iTunes), and Atom elements inside RSS as
/// fallbacks (AtomInRSS.swift).
enum RSSReader {
    static func read(channelOf root: MarkupElement, document: [UInt8], format: FeedFormat) -> Feed {
        let channel = root.child("channel") ?? root
        var feed = Feed(format: format)
        feed.title =
            (channel.childMarkup("title", in: document)
            ?? channel.childMarkup("title", Namespace.dublinCore, in: document)).map(HTMLText.plainText)
        feed.link = channel.resolve(channel.rssChildText("link")) ?? channel.atomAlternateLink()
        feed.description =
            channel.childMarkup("description", in: document) ?? channel.childMarkup(
                "description", Namespace.dublinCore, in: document)
            ?? channel.iTunesText("summary") ?? channel.iTunesText("subtitle")
        feed.language =
            channel.childText("language") ?? channel.childText("language", Namespace.dublinCore)
            ?? channel.xmlLanguage ?? root.xmlLanguage
        // <ttl> is in minutes (RSS 2.0); a silly value cannot stop polling: the scheduler caps it.
        feed.ttl = channel.childText("ttl").flatMap { Int($0) }.flatMap { $0 > 0 && $0 < 1_000_000 ? $0 * 60 : nil }
        feed.updated = firstDate(
            channel,
            [
                ("lastBuildDate", nil), ("pubDate", nil), ("date", Namespace.dublinCore),
                ("modified", Namespace.dcTerms),
                ("updated", Namespace.atom10), ("published", Namespace.atom10),
            ])
        feed.categories = categories(channel)
        // managingEditor stands for items that name no author of their own.
        let editor =
            (channel.childText("managingEditor") ?? channel.iTunesText("author")).map(FeedAuthorText.parse)
            ?? channel.atomAuthors().first
        // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it under <rdf:RDF>.
        let items = channel.children("item") + (channel === root ? [] : root.children("item"))
        feed.items = items.map { item(from: $0, document: document, editor: editor) }
        return feed
    }

    private static func item(from element: MarkupElement, document: [UInt8], editor: FeedAuthor?) -> FeedItem {
        var item = FeedItem()
        let guid = element.child("guid")
        item.id = guid?.text.trimmed.nonEmpty ?? element.attribute("about")
        item.title =
            (element.childMarkup("title", in: document)
            ?? element.childMarkup("title", Namespace.dublinCore, in: document))
            .map(HTMLText.plainText) ?? element.mediaText("title")
        let permalink =
            guid?.attribute("isPermaLink")?.lowercased() != "false"
            ? item.id.flatMap { $0.hasPrefix("http") ? $0 : nil } : nil
        item.writtenLink = element.rssChildText("link")
        item.link = element.resolve(item.writtenLink) ?? element.atomAlternateLink() ?? permalink
        item.link = item.link.map(LinkUnwrapping.unwrap)
        item.published = firstDate(
            element,
            [
                ("pubDate", nil), ("date", Namespace.dublinCore), ("issued", Namespace.dcTerms),
                ("created", Namespace.dcTerms), ("published", Namespace.atom10), ("updated", Namespace.atom10),
            ])
        item.updated = firstDate(element, [("updated", Namespace.atom10), ("modified", Namespace.dcTerms)])
        for author in element.rssChildren("author") + element.children("creator", Namespace.dublinCore)
            + element.children("author", Namespace.dublinCore)
        {
            if let text = author.text.trimmed.nonEmpty {
                item.authors.append(FeedAuthorText.parse(text))
            } else if let name = author.childText("name", Namespace.atom10) {
                item.authors.append(FeedAuthor(name: name))
            }
        }
        if item.authors.isEmpty { item.authors = element.atomAuthors() }
        if item.authors.isEmpty, let name = element.iTunesText("author") {
            item.authors.append(FeedAuthorText.parse(name))
        }
        if item.authors.isEmpty, let editor { item.authors.append(editor) }
        item.summary =
            element.childMarkup("description", in: document) ?? element.childMarkup("summary", in: document)
            ?? element.childMarkup("description", Namespace.dublinCore, in: document)
            ?? element.iTunesText("summary") ?? element.iTunesText("subtitle")
            ?? element.mediaText("description").map(HTMLEntities.escaped)
        // Full content: content:encoded, else an XHTML <body>, else the old <fullitem>, else atom:content.
        item.content =
            element.childMarkup("encoded", Namespace.content, in: document)
            ?? element.child("body", Namespace.xhtml).map { $0.content(in: document).trimmed }?.nonEmpty
            ?? element.childMarkup("body", in: document) ?? element.childMarkup("fullitem", in: document)
            ?? element.atomContent(in: document)
        item.categories = categories(element)
        for enclosure in element.children("enclosure") {
            guard let url = enclosure.resolve(enclosure.attribute("url")) else { continue }
            item.media.append(
                FeedMedia(
                    url: url, type: enclosure.attribute("type"),
                    length: enclosure.attribute("length").flatMap { Int($0) }))
        }
        item.media += element.mediaModule()
        item.inReplyTo = element.inReplyTo()
        item.setRaw(document, element.outerRange)
        return item
    }

    /// The first of the named date elements that holds a date we can read.
    static func firstDate(_ element: MarkupElement, _ names: [(String, String?)]) -> Date? {
        for (name, namespace) in names {
            if let date = element.childText(name, namespace).flatMap(FeedDate.parse) { return date }
        }
        return nil
    }

    /// `<category domain>`, `dc:subject`, `media:category`, a comma-separated `<tags>`, iTunes
    /// categories and keywords, then `atom:category`; each category once.
    private static func categories(_ element: MarkupElement) -> [FeedCategory] {
        var categories = element.rssChildren("category").compactMap { category in
            category.text.trimmed.nonEmpty.map {
                FeedCategory(term: $0, scheme: category.attribute("domain")?.trimmed.nonEmpty)
            }
        }
        categories += element.children("subject", Namespace.dublinCore).compactMap {
            $0.text.trimmed.nonEmpty.map { FeedCategory(term: $0) }
        }
        categories += element.children("category", Namespace.mediaRSS).compactMap(\.mediaCategory)
        categories +=
            element.childText("tags").map {
                $0.split(separator: ",").compactMap { String($0).trimmed.nonEmpty.map { FeedCategory(term: $0) } }
            } ?? []
        categories += iTunesCategories(element)
        categories +=
            element.iTunesText("keywords").map {
                $0.split(separator: ",").compactMap {
                    String($0).trimmed.nonEmpty.map { FeedCategory(term: $0, scheme: Namespace.iTunesScheme) }
                }
            } ?? []
        // A set, not a scan per category: a hostile item may carry tens of thousands.
        var seen: Set<FeedCategory> = []
        return (categories + element.atomCategories()).filter { seen.insert($0).inserted }
    }

    /// `<itunes:category text="Technology"><itunes:category text="Gadgets"/></itunes:category>`.
    private static func iTunesCategories(_ element: MarkupElement) -> [FeedCategory] {
        element.iTunesChildren("category").flatMap { category in
            [category.attribute("text")].compactMap {
                $0?.trimmed.nonEmpty.map { FeedCategory(term: $0, scheme: Namespace.iTunesScheme) }
            }
                + iTunesCategories(category)
        }
    }
}
