import Foundation

/// A parsed feed, independent of its wire format (RSS, Atom, ...).
public struct Feed: Sendable, Equatable {
    public var format: FeedFormat
    public var title: String?
    public var link: String?
    public var description: String?
    public var language: String?
    public var updated: Date?
    /// RSS `<ttl>`: how long the feed may be cached, in seconds.
    public var ttl: Int?
    /// The channel's or feed's own categories (RSS `<category>`, Atom `<category>`).
    public var categories: [FeedCategory] = []
    public var items: [FeedItem]
    /// True when the document was not well-formed and the parser recovered what it could.
    public var malformed: Bool
    /// The character encoding the document was read in ("utf-8", "windows-1252", ...).
    public var encoding: String?

    public init(
        format: FeedFormat, title: String? = nil, link: String? = nil, description: String? = nil,
        language: String? = nil, updated: Date? = nil, items: [FeedItem] = [], malformed: Bool = false
    ) {
        self.format = format
        self.title = title
        self.link = link
        self.description = description
        self.language = language
        self.updated = updated
        self.items = items
        self.malformed = malformed
    }
}

public enum FeedFormat: String, Sendable, Equatable {
    case rss20 = "rss2.0"
    case rss10 = "rss1.0"
    case rss09x = "rss0.9x"
    case atom10 = "atom1.0"
    case atom03 = "atom0.3"
    case json10 = "json1.0"
    case json11 = "json1.1"
    case cdf
}

public struct FeedAuthor: Sendable, Equatable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }
}

/// A category or tag: `term` is the value (what a rule would compare), `label` the text a reader
/// sees (Atom's `label`, RFC 4287 §4.2.2), `scheme` the vocabulary (Atom `scheme`, RSS `domain`).
public struct FeedCategory: Sendable, Hashable {
    public var term: String
    public var label: String?
    public var scheme: String?

    public init(term: String, label: String? = nil, scheme: String? = nil) {
        self.term = term
        self.label = label
        self.scheme = scheme
    }

    /// What to show: the label when the feed gives one, else the term.
    public var display: String { label ?? term }
}

public struct FeedMedia: Sendable, Equatable {
    public var url: String
    public var type: String?
    public var length: Int?

    public init(url: String, type: String? = nil, length: Int? = nil) {
        self.url = url
        self.type = type
        self.length = length
    }
}

public struct FeedItem: Sendable, Equatable {
    public var id: String?
    public var title: String?
    public var link: String?
    /// The link as the feed wrote it, before it was resolved or unwrapped: what identity uses,
    /// so that identities never change when resolution does.
    public var writtenLink: String?
    public var published: Date?
    public var updated: Date?
    public var authors: [FeedAuthor] = []
    /// Summary and content as the feed gave them (may be HTML).
    public var summary: String?
    public var content: String?
    public var categories: [FeedCategory] = []
    public var media: [FeedMedia] = []
    /// The id of the entry this one replies to (RFC 4685 `thr:in-reply-to`): a comment under a post.
    public var inReplyTo: String?
    /// The entry exactly as it appeared in the (UTF-8) document: kept as evidence for flagged hits.
    /// Held as the shared document and a range, and copied out only when asked for: most items
    /// are never flagged.
    public var raw: [UInt8] {
        get { Array(rawDocument[rawRange]) }
        set {
            rawDocument = newValue
            rawRange = 0..<newValue.count
        }
    }
    private var rawDocument: [UInt8] = []
    private var rawRange: Range<Int> = 0..<0

    /// Points `raw` at `range` of `document` without copying.
    mutating func setRaw(_ document: [UInt8], _ range: Range<Int>) {
        rawDocument = document
        rawRange = range.clamped(to: 0..<document.count)
    }

    public static func == (lhs: FeedItem, rhs: FeedItem) -> Bool {
        lhs.id == rhs.id && lhs.title == rhs.title && lhs.link == rhs.link && lhs.published == rhs.published
            && lhs.updated == rhs.updated && lhs.authors == rhs.authors && lhs.summary == rhs.summary
            && lhs.content == rhs.content
            && lhs.categories == rhs.categories && lhs.media == rhs.media && lhs.inReplyTo == rhs.inReplyTo
            && lhs.rawDocument[lhs.rawRange] == rhs.rawDocument[rhs.rawRange]
    }

    public init(id: String? = nil, title: String? = nil, link: String? = nil) {
        self.id = id
        self.title = title
        self.link = link
    }

    /// The plain text used for matching: content if present, else summary, without markup.
    public var text: String {
        HTMLText.plainText(content ?? summary ?? "")
    }

    /// The identity of the entry this one replies to, as `identity` would give it for that entry.
    public var repliesToIdentity: String? { inReplyTo.map { "id:" + $0 } }

    /// Stable identity across polls (docs/feed-parser.md): GUID/id, else link, else a hash of title and content.
    public var identity: String {
        if let id = id?.trimmed, !id.isEmpty { return "id:" + id }
        if let link = (writtenLink ?? link)?.trimmed, !link.isEmpty { return "link:" + link }
        return "sha256:" + SHA256.hex(Array(((title ?? "") + "\u{1F}" + (content ?? summary ?? "")).utf8))
    }
}
