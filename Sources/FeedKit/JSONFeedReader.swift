import Foundation

/// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), leniently: ids given as
/// numbers, a 1.0 `author` beside 1.1 `authors`, missing optional fields.
enum JSONFeedReader {
    /// The two `version` values the spec allows (https://www.jsonfeed.org/version/1.1/).
    static let versions: [String: FeedFormat] = [
        "https://jsonfeed.org/version/1": .json10, "https://jsonfeed.org/version/1.1": .json11,
    ]

    static func read(_ utf8: [UInt8], baseURL: String? = nil) throws(FeedParseError) -> Feed {
        guard let object = try? JSONSerialization.jsonObject(with: Data(utf8)), let root = object as? [String: Any]
        else {
            throw .notAFeed(rootElement: "JSON that is not an object")
        }
        var feed: Feed
        let version = root["version"] as? String
        if let format = version.flatMap({ versions[$0.trimmed] }) {
            feed = Feed(format: format)
        } else if hasJSONFeedShape(root, version: version) {
            // Read, and flagged as XML that is not well-formed is: as 1.1 unless it names version 1.
            let oldVersion = version?.trimmed.hasSuffix("/1") ?? false
            feed = Feed(format: oldVersion ? .json10 : .json11, malformed: true)
        } else {
            throw .notAFeed(rootElement: "JSON without a JSON Feed version")
        }
        feed.title = string(root["title"])
        feed.link = string(root["home_page_url"]).flatMap { URLResolution.resolve($0, against: baseURL) }
        feed.description = string(root["description"])
        feed.language = string(root["language"])
        let elements = root["items"] as? [Any] ?? []
        let ranges = JSONItemRanges.find(in: utf8)
        for (position, element) in elements.enumerated() {
            guard let object = element as? [String: Any] else { continue }
            var item = item(object, baseURL: baseURL)
            if let ranges, ranges.count == elements.count {
                item.setRaw(utf8, ranges[position])
            } else {
                // Not found by the scanner (it cannot happen for a document JSONSerialization
                // accepted, but evidence must never be empty): the canonical form stands in.
                item.raw = Array(
                    (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data())
            }
            feed.items.append(item)
        }
        return feed
    }

    /// A JSON Feed with a wrong or missing `version` ("http://…", "…/version/1.1/", "1.1"): an `items`
    /// array beside a field only a JSON Feed has at its top, or a version naming jsonfeed.org.
    /// Other JSON (an API's answer, an ActivityStreams collection) is still no feed.
    private static func hasJSONFeedShape(_ root: [String: Any], version: String?) -> Bool {
        if version?.contains("jsonfeed.org/version/") ?? false { return true }
        guard root["items"] is [Any] else { return false }
        return ["title", "home_page_url", "feed_url"].contains { string(root[$0]) != nil }
    }

    private static func item(_ object: [String: Any], baseURL: String?) -> FeedItem {
        var item = FeedItem()
        item.id = string(object["id"])
        item.title = string(object["title"]).map(HTMLText.plainText)
        item.writtenLink = string(object["url"]) ?? string(object["external_url"])
        item.link = item.writtenLink.flatMap { URLResolution.resolve($0, against: baseURL) }.map(LinkUnwrapping.unwrap)
        item.published = string(object["date_published"]).flatMap(FeedDate.parse)
        item.updated = string(object["date_modified"]).flatMap(FeedDate.parse)
        let authors = (object["authors"] as? [Any] ?? []) + [object["author"]].compactMap { $0 }
        item.authors = authors.compactMap { $0 as? [String: Any] }.map {
            FeedAuthor(name: string($0["name"]), uri: string($0["url"]))
        }
        item.summary = string(object["summary"])
        item.content = string(object["content_html"]) ?? string(object["content_text"]).map(HTMLEntities.escaped)
        item.categories = (object["tags"] as? [Any] ?? []).compactMap(string).map { FeedCategory(term: $0) }
        for attachment in object["attachments"] as? [Any] ?? [] {
            guard let attachment = attachment as? [String: Any],
                let url = string(attachment["url"]).flatMap({ URLResolution.resolve($0, against: baseURL) })
            else { continue }
            item.media.append(
                FeedMedia(
                    url: url, type: string(attachment["mime_type"]),
                    length: (attachment["size_in_bytes"] as? NSNumber)?.intValue))
        }
        if let image = string(object["image"]) { item.media.append(FeedMedia(url: image)) }
        return item
    }

    /// Strings as given, numbers as their decimal text (some feeds write `"id": 123`), nil otherwise or empty.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text.trimmed.nonEmpty
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }
}
