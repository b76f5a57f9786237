import Foundation

/// Microsoft's Channel Definition Format (1997): `<CHANNEL HREF LASTMOD>` with `<ITEM HREF LASTMOD>`,
/// `<TITLE>` and `<ABSTRACT>`. Old, but still served by some intranet and school portals.
enum CDFReader {
    static func read(_ channel: MarkupElement, document: [UInt8]) -> Feed {
        var feed = Feed(format: .cdf)
        feed.title = channel.childText("title").map(HTMLText.plainText)
        feed.link = channel.resolve(channel.attribute("href"))
        feed.description = channel.childMarkup("abstract", in: document)
        feed.updated = channel.attribute("lastmod").flatMap(FeedDate.parse)
        feed.items = channel.children("item").map { element in
            var item = FeedItem()
            item.writtenLink = element.attribute("href")
            item.link = item.writtenLink.flatMap { URLResolution.resolve($0, against: element.base ?? feed.link) }.map(
                LinkUnwrapping.unwrap)
            item.title = element.childText("title").map(HTMLText.plainText)
            item.summary = element.childMarkup("abstract", in: document)
            item.updated = element.attribute("lastmod").flatMap(FeedDate.parse)
            item.setRaw(document, element.outerRange)
            return item
        }
        return feed
    }
}
