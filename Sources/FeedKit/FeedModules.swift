import Foundation

/// Namespaces of the extension modules feeds use, and the fields mentionwatch takes from them.
enum Namespace {
    static let dublinCore = "http://purl.org/dc/elements/1.1/"
    static let dcTerms = "http://purl.org/dc/terms/"
    static let content = "http://purl.org/rss/1.0/modules/content/"
    static let mediaRSS = "http://search.yahoo.com/mrss/"
    static let iTunes = "http://www.itunes.com/dtds/podcast-1.0.dtd"
    static let atom10 = "http://www.w3.org/2005/Atom"
    static let atom03 = "http://purl.org/atom/ns#"
    static let xhtml = "http://www.w3.org/1999/xhtml"
    /// Atom Threading Extensions (RFC 4685): `thr:in-reply-to`, in Atom entries and RSS items.
    static let thread = "http://purl.org/syndication/thread/1.0"
    /// The scheme of iTunes categories and keywords (Apple's vocabulary), as feedparser names it.
    static let iTunesScheme = "http://www.itunes.com/"
    /// Media RSS: `media:category`'s scheme when none is given.
    static let mediaCategoryScheme = "http://search.yahoo.com/mrss/category_schema"

    /// One spelling per module: feeds drop Media RSS's trailing slash and write iTunes's
    /// `DTDs/Podcast` in any case.
    static func canonical(_ uri: String) -> String {
        switch uri {
        case "http://search.yahoo.com/mrss": return mediaRSS
        case "http://purl.org/dc/elements/1.1": return dublinCore
        case "http://purl.org/rss/1.0/modules/content": return content
        default: return uri.lowercased() == iTunes ? iTunes : uri
        }
    }
}

extension MarkupElement {
    /// RFC 4685 §3: `<thr:in-reply-to ref="…"/>`, where `ref` is the id of the entry replied to.
    /// The first one: a reply to several is rare, and the first names the thread.
    func inReplyTo() -> String? {
        child("in-reply-to", Namespace.thread)?.attribute("ref")?.trimmed.nonEmpty
    }

    /// iTunes namespaces are spelled in several cases in the wild (`.../DTDs/Podcast-1.0.dtd`).
    func iTunesChildren(_ name: String) -> [MarkupElement] {
        children.filter { $0.name == name && $0.namespace == Namespace.iTunes }
    }

    func iTunesText(_ name: String) -> String? {
        iTunesChildren(name).first?.text.trimmed.nonEmpty
    }

    /// Media RSS (`media:content`, `media:thumbnail`, also inside `media:group`), iTunes
    /// `<itunes:image href>`: what tells "a picture or video was posted".
    func mediaModule() -> [FeedMedia] {
        var media: [FeedMedia] = []
        var elements = children.filter { $0.namespace == Namespace.mediaRSS }
        for group in children("group", Namespace.mediaRSS) {
            elements.append(contentsOf: group.children.filter { $0.namespace == Namespace.mediaRSS })
        }
        for element in elements where element.name == "content" || element.name == "thumbnail" {
            guard let url = element.resolve(element.attribute("url")) else { continue }
            let type =
                element.attribute("type")
                ?? element.attribute("medium").map { $0 == "image" ? "image/*" : $0 == "video" ? "video/*" : $0 }
            media.append(FeedMedia(url: url, type: type, length: element.attribute("fileSize").flatMap { Int($0) }))
        }
        for image in iTunesChildren("image") {
            if let url = image.resolve(image.attribute("href")) { media.append(FeedMedia(url: url, type: "image/*")) }
        }
        return media
    }

    /// `media:title`/`media:description`, directly or in a `media:group`.
    func mediaText(_ name: String) -> String? {
        let direct = child(name, Namespace.mediaRSS)
        return (direct ?? child("group", Namespace.mediaRSS)?.child(name, Namespace.mediaRSS))?.text.trimmed.nonEmpty
    }

    /// `<media:category scheme label>term</media:category>`; Media RSS names a default scheme.
    var mediaCategory: FeedCategory? {
        text.trimmed.nonEmpty.map {
            FeedCategory(
                term: $0, label: attribute("label")?.trimmed.nonEmpty,
                scheme: attribute("scheme")?.trimmed.nonEmpty ?? Namespace.mediaCategoryScheme)
        }
    }

    /// `xml:lang` as a language tag ("en_US" is written "en-US", BCP 47).
    var xmlLanguage: String? {
        attributes.first { $0.name == "xml:lang" }?.value.trimmed.replacingOccurrences(of: "_", with: "-").nonEmpty
    }
}

enum FeedAuthorText {
    /// RSS `<author>` is "email (Name)"; feeds also write "Name (email)", "Name <email>", a bare
    /// address or just a name.
    static func parse(_ text: String) -> FeedAuthor {
        let text = text.trimmed
        if let open = text.lastIndex(where: { $0 == "(" || $0 == "<" }), let last = text.last,
            last == ")" || last == ">"
        {
            let inner = String(text[text.index(after: open)..<text.index(before: text.endIndex)]).trimmed
            let outer = String(text[..<open]).trimmed
            if looksLikeAddress(inner) { return FeedAuthor(name: outer.nonEmpty, email: inner) }
            if looksLikeAddress(outer) { return FeedAuthor(name: inner.nonEmpty, email: outer) }
        }
        if looksLikeAddress(text), !text.hasPrefix("@") {
            return FeedAuthor(email: text.hasPrefix("mailto:") ? String(text.dropFirst(7)) : text)
        }
        return FeedAuthor(name: text)
    }

    private static func looksLikeAddress(_ text: String) -> Bool {
        text.utf8.contains(UInt8(ascii: "@")) && !text.utf8.contains(UInt8(ascii: " "))
    }
}
