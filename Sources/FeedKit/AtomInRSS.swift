import Foundation

/// Atom 1.0 elements inside RSS (RSS 2.0 and 1.0 feeds borrow RFC 4287's vocabulary), read only
/// where RSS gives nothing itself. Matched by namespace URI, never by prefix: any prefix bound to
/// http://www.w3.org/2005/Atom counts, and an `atom:` prefix bound to something else does not.
extension MarkupElement {
    /// The format's own children only: a lookup without a namespace also answers Atom's (for Atom
    /// documents), which in RSS would let an Atom element stand in front of the RSS one.
    func rssChildren(_ name: String) -> [MarkupElement] {
        children(name).filter { $0.namespace != Namespace.atom10 }
    }

    /// Trimmed text of the first such RSS child that has text.
    func rssChildText(_ name: String) -> String? {
        for child in rssChildren(name) {
            if let text = child.text.trimmed.nonEmpty { return text }
        }
        return nil
    }

    /// `<atom:link rel="alternate" href>`, or without rel (RFC 4287 §4.2.7.2: absent means alternate).
    /// Never `rel="self"`: that is the feed's own URL, not the page.
    func atomAlternateLink() -> String? {
        let link = children("link", Namespace.atom10).first {
            $0.attribute("href") != nil && ($0.attribute("rel")?.trimmed ?? "alternate") == "alternate"
        }
        return link.flatMap { $0.resolve($0.attribute("href")) }
    }

    /// `<atom:content>` as RFC 4287 §4.1.3 defines it (text, html, xhtml, other MIME types), as HTML.
    /// Content given by reference (`src`) has nothing inline to read.
    func atomContent(in document: [UInt8]) -> String? {
        guard let content = child("content", Namespace.atom10), content.attribute("src") == nil else { return nil }
        return AtomReader.textConstruct(content, document: document, plain: false).nonEmpty
    }

    /// `<atom:author>` person constructs that name someone (RFC 4287 §3.2).
    func atomAuthors() -> [FeedAuthor] {
        children("author", Namespace.atom10).map(AtomReader.author).filter { $0.name != nil || $0.email != nil }
    }

    /// `<atom:category term label scheme/>` (RFC 4287 §4.2.2).
    func atomCategories() -> [FeedCategory] {
        children("category", Namespace.atom10).compactMap(AtomReader.category)
    }
}
