/// One element of a parsed XML document.
final class MarkupElement {
    let name: String  // local name, without prefix
    var namespace: String {  // resolved namespace URI, "" when none
        didSet { inCoreNamespace = Self.isCore(namespace) }
    }
    /// `namespace` is one of `coreNamespaces`: known once, not hashed at every lookup.
    private var inCoreNamespace: Bool
    let attributes: [(name: String, value: String)]
    /// The base URL for relative references inside this element: `xml:base` resolved against
    /// the parent's base, the document's URL at the root (XML Base, RFC 3986 §5.1).
    let base: String?
    var children: [MarkupElement] = []
    var text = ""  // direct character data and CDATA, entities decoded
    /// Byte range of the whole element (start tag to end tag) and of its content.
    var outerRange: Range<Int>
    var innerRange: Range<Int>

    init(
        name: String, namespace: String, attributes: [(name: String, value: String)], base: String?, start: Int,
        contentStart: Int, inCoreNamespace: Bool? = nil
    ) {
        self.name = name
        self.namespace = namespace
        self.inCoreNamespace = inCoreNamespace ?? Self.isCore(namespace)
        self.attributes = attributes
        self.base = base
        self.outerRange = start..<contentStart
        self.innerRange = contentStart..<contentStart
    }

    /// The value of an attribute by local name (prefix ignored), e.g. "href" or "base" for xml:base.
    /// Compared without case: old formats (CDF) wrote `HREF`.
    func attribute(_ local: String) -> String? {
        assert(local.utf8.allSatisfy { $0 < 0x80 }, "attribute names asked for are ASCII")
        let wanted = local.utf8
        for (name, value) in attributes {
            let bytes = name.utf8
            // Of the same length, a string equal to an ASCII one has its bytes (no character that
            // is canonically equal to ASCII has as few bytes); `==` compares short strings at once.
            if bytes.count == wanted.count, name == local { return value }
            // "prefix:local"
            if bytes.count > wanted.count, bytes.dropFirst(bytes.count - wanted.count - 1).first == UInt8(ascii: ":"),
                bytes.suffix(wanted.count).elementsEqual(wanted)
            {
                return value
            }
        }
        for (name, value) in attributes
        where name.utf8.count == wanted.count && name.utf8.elementsEqual(wanted, by: { $0 | 0x20 == $1 | 0x20 }) {
            return value
        }
        return nil
    }

    /// The element's content as written: its text when it has no child elements, else the markup
    /// between its tags (unescaped HTML inside an RSS <description>, for one).
    func content(in document: [UInt8]) -> String {
        children.isEmpty ? text : String(decoding: document[innerRange], as: UTF8.self)
    }

    /// `reference` (a link, an enclosure URL) made absolute against this element's base.
    func resolve(_ reference: String?) -> String? {
        reference.flatMap { URLResolution.resolve($0, against: base) }?.nonEmpty
    }

    /// The format's own namespaces: none (RSS 0.9x/2.0), RSS 0.90 and 1.0, Atom 0.3 and 1.0, and
    /// the namespaces some feeds put RSS 2.0 in. A lookup without a namespace means these, so a
    /// module's element with the same local name (`szf:description`) is not taken for the core one.
    static let coreNamespaces: Set<String> = [
        "", "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/",
        "http://channel.netscape.com/rdf/simple/0.9/",
        "http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#", "http://backend.userland.com/rss2",
        "http://blogs.law.harvard.edu/tech/rss",
    ]

    /// Element names compare without case, as feedparser and browsers do (`<pubdate>`, `<TITLE>`).
    /// `local` is ASCII (callers pass literals): the first bytes then differ only between different names.
    func isNamed(_ local: String, _ namespace: String?) -> Bool {
        guard name.utf8.count == local.utf8.count,
            (name.utf8.first ?? 0) | 0x20 == (local.utf8.first ?? 0) | 0x20,
            name == local || name.utf8.elementsEqual(local.utf8, by: { $0 | 0x20 == $1 | 0x20 })
        else { return false }
        if let namespace { return namespace == self.namespace }
        return inCoreNamespace
    }

    static func isCore(_ namespace: String) -> Bool {
        namespace.isEmpty || coreNamespaces.contains(namespace)
    }

    func child(_ name: String, _ namespace: String? = nil) -> MarkupElement? {
        children.first { $0.isNamed(name, namespace) }
    }

    func children(_ name: String, _ namespace: String? = nil) -> [MarkupElement] {
        children.filter { $0.isNamed(name, namespace) }
    }
}
