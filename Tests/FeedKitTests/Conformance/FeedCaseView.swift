import Foundation

@testable import FeedKit

/// feedparser's result shape, seen through mentionwatch's feed model.
///
/// Only the fields mentionwatch has are mapped (title, link, id, summary, content, authors,
/// dates, categories (term, label, scheme), enclosures, language, encoding, malformed, format); a check on any
/// other field is "not applicable". Text fields are compared as the text a reader sees
/// (`FeedCaseView.sameText`), because mentionwatch keeps HTML only as evidence and
/// matches on plain text, where feedparser returns sanitised HTML.
struct FeedCaseView {
    enum Field {
        case bool(Bool)
        case text(String?)  // HTML, compared as reader-visible text
        case plain(String?)  // already plain text (titles), compared with the expected text
        case exact(String?)  // compared as written (URLs, ids, languages)
        case date(Date?)  // compared with a time tuple, to the second
        case count(Int)
        case version(FeedFormat)
        case refused
        case notApplicable
    }

    let feed: Feed?

    /// A refused document has none of the fields: a check on one it would have is a failure.
    func field(_ path: [Any]) -> Field {
        guard let head = path.first as? String else { return .notApplicable }
        if feed == nil, head != "bozo" {
            let probe = FeedCaseView(feed: Feed(format: .rss20)).field(path)
            if case .notApplicable = probe { return .notApplicable }
            return .refused
        }
        switch head {
        case "bozo": return .bool(feed?.malformed ?? true)
        case "encoding": return .exact(feed?.encoding)
        case "version": return feed.map { .version($0.format) } ?? .notApplicable
        case "feed": return feed.map { channelField($0, Array(path.dropFirst())) } ?? .notApplicable
        case "entries":
            guard let feed, path.count >= 3, let index = path[1] as? Int else { return .notApplicable }
            guard index < feed.items.count else { return isEntryField(path[2]) ? .exact(nil) : .notApplicable }
            return entryField(feed.items[index], Array(path.dropFirst(2)))
        default: return .notApplicable
        }
    }

    /// feedparser's version names; it tells RSS 0.90–0.94 apart, mentionwatch calls them all rss0.9x.
    static func sameVersion(_ format: FeedFormat, _ expected: String) -> Bool {
        switch format {
        case .rss20: return expected == "rss20"
        case .rss10: return expected == "rss10"
        case .rss09x: return expected.hasPrefix("rss09")
        case .atom10: return expected == "atom10"
        case .atom03: return expected == "atom03"
        case .cdf: return expected == "cdf"
        case .json10: return expected == "json1"
        case .json11: return expected == "json11"
        }
    }

    private func channelField(_ feed: Feed, _ path: [Any]) -> Field {
        if let key = path.first as? String, key == "category" || key == "tags" {
            return Self.categoryField(feed.categories, key, Array(path.dropFirst()))
        }
        guard path.count == 1, let key = path[0] as? String else { return .notApplicable }
        switch key {
        case "title": return .plain(feed.title)
        case "subtitle", "tagline", "description": return .text(feed.description)
        case "link": return .exact(feed.link)
        case "language": return .exact(feed.language)
        case "updated_parsed": return .date(feed.updated)
        default: return .notApplicable
        }
    }

    /// feedparser's `category` (the first term) and `tags[i].term/label/scheme`.
    static func categoryField(_ categories: [FeedCategory], _ key: String, _ path: [Any]) -> Field {
        if key == "category" { return path.isEmpty ? .exact(categories.first?.term) : .notApplicable }
        if path.count == 1, path[0] as? String == "#len" { return .count(categories.count) }
        guard path.count == 2, let index = path[0] as? Int else { return .notApplicable }
        let category = index < categories.count ? categories[index] : nil
        switch path[1] as? String {
        case "term": return .exact(category?.term)
        case "label": return .exact(category?.label)
        case "scheme": return .exact(category?.scheme)
        default: return .notApplicable
        }
    }

    private func isEntryField(_ key: Any) -> Bool {
        guard let key = key as? String else { return false }
        return [
            "title", "link", "id", "guid", "summary", "description", "content", "author_detail", "authors",
            "tags", "category", "enclosures", "published_parsed", "updated_parsed",
        ].contains(key)
    }

    private func entryField(_ item: FeedItem, _ path: [Any]) -> Field {
        guard let key = path.first as? String else { return .notApplicable }
        let rest = Array(path.dropFirst())
        switch (key, rest.count) {
        case ("title", 0): return .plain(item.title)
        case ("link", 0): return .exact(item.link)
        case ("id", 0), ("guid", 0): return .exact(item.id)
        case ("summary", 0), ("description", 0): return .text(item.summary ?? item.content)
        case ("content", 2) where rest[0] as? Int == 0 && rest[1] as? String == "value": return .text(item.content)
        case ("author_detail", 1): return author(item.authors.first, rest[0])
        case ("authors", 2):
            return (rest[0] as? Int).map { $0 < item.authors.count ? author(item.authors[$0], rest[1]) : .exact(nil) }
                ?? .notApplicable
        case ("category", 0), ("tags", _): return Self.categoryField(item.categories, key, rest)
        case ("enclosures", 2):
            guard let index = rest[0] as? Int, let attribute = rest[1] as? String else { return .notApplicable }
            let media = index < item.media.count ? item.media[index] : nil
            switch attribute {
            case "href", "url": return .exact(media?.url)
            case "type": return .exact(media?.type)
            case "length": return .exact(media?.length.map(String.init))
            default: return .notApplicable
            }
        case ("published_parsed", 0): return .date(item.published)
        case ("updated_parsed", 0): return .date(item.updated ?? item.published)
        default: return .notApplicable
        }
    }

    private func author(_ author: FeedAuthor?, _ key: Any) -> Field {
        switch key as? String {
        case "name": return .exact(author?.name)
        case "email": return .exact(author?.email)
        case "href", "url": return .exact(author?.uri)
        default: return .notApplicable
        }
    }

    /// Reader-visible text: the same after markup is removed and whitespace collapsed. An
    /// expected value may be plain text or HTML (feedparser's `type` says which; the checks
    /// do not carry it), so either reading of it counts.
    static func sameText(_ ours: String?, _ expected: String?) -> Bool {
        guard let expected else { return ours?.isEmpty ?? true }
        let visible = collapse(HTMLText.plainText(ours ?? ""))
        return visible == collapse(expected) || visible == collapse(HTMLText.plainText(expected))
    }

    static func samePlainText(_ ours: String?, _ expected: String?) -> Bool {
        guard let expected else { return ours?.isEmpty ?? true }
        let visible = collapse(ours ?? "")
        return visible == collapse(expected) || visible == collapse(HTMLText.plainText(expected))
    }

    private static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
