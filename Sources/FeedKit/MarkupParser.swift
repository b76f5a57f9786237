/// A small, forgiving XML parser for feeds, working on UTF-8 bytes.
///
/// Why not libxml2: feeds in the wild are often not well-formed, and a feed monitor must
/// recover what it can rather than stop at the first error. Safety by construction:
/// no external entity is ever loaded, and only the first DOCTYPE's entities expand, within one
/// budget for the document (`DeclaredEntities`); elements deeper than `maxDepth` are kept flat,
/// and more than `maxOpenElements` of them refuse the document; at most `maxAttributes`
/// attributes per element are kept; namespace scopes are restored, never copied.
struct MarkupParser {
    static let maxDepth = 256
    /// Unclosed start tags beyond `maxDepth` before the document is refused ("100,000 deep").
    static let maxOpenElements = 50_000
    static let maxAttributes = 64

    let bytes: [UInt8]
    private let baseURL: String?
    var index = 0
    var entities: DeclaredEntities?
    var entityBudgetExceeded = false
    var sawDoctype = false
    var malformed = false {
        // Where the document first broke the rules: OPML import names its line.
        didSet { if malformed, malformedAt == nil { malformedAt = index } }
    }
    var malformedAt: Int?
    var names = MarkupNames()
    /// `readAttributes()`'s buffer, kept so that its capacity serves every tag.
    var attributeBuffer: [(name: String, value: String)] = []

    init(_ bytes: [UInt8], baseURL: String? = nil) {
        self.bytes = bytes
        self.baseURL = baseURL
    }

    /// An element whose end tag has not come yet, with what closing it must undo.
    private struct OpenElement {
        let element: MarkupElement
        /// Where its qualified name is in the document: end tags are matched on these bytes.
        let name: Range<Int>
        /// Where its children start in `pending`.
        let firstChild: Int
        let defaultNamespace: String
        /// Prefixes this element declared, with the bindings they hid (restored when it closes).
        let hidden: [(prefix: String, binding: String?)]
    }

    /// The document's root element, or nil when there is none.
    mutating func parse() throws(FeedParseError) -> MarkupElement? {
        let document = MarkupElement(name: "", namespace: "", attributes: [], base: baseURL, start: 0, contentStart: 0)
        var open = [OpenElement(element: document, name: 0..<0, firstChild: 0, defaultNamespace: "", hidden: [])]
        // The children of the open elements, each one's after the other's: an element takes its own
        // when it closes, in an array of their number (no growing array per element).
        var pending: [MarkupElement] = []
        // One table of prefixes in scope, changed as elements open and restored as they close:
        // no copy per element, so declaring prefixes costs the same at any depth.
        var prefixes: [String: String] = ["xml": "http://www.w3.org/XML/1998/namespace"]
        // Start tags beyond `maxDepth` are kept, but flat beside each other (as unclosed `<br>`s in
        // HTML content are), and counted until an end tag of an open element closes them.
        var overflow = 0
        var lastNamespace = (uri: "", isCore: true)

        func close(down to: Int, at end: Int, contentEnd: Int) {
            while open.count > to {
                let closing = open.removeLast()
                if closing.firstChild < pending.count {  // most elements (the leaves) have none
                    closing.element.children = Array(pending[closing.firstChild...])
                    pending.removeSubrange(closing.firstChild...)
                }
                closing.element.innerRange =
                    closing.element.innerRange.lowerBound..<max(closing.element.innerRange.lowerBound, contentEnd)
                closing.element.outerRange = closing.element.outerRange.lowerBound..<end
                for (prefix, binding) in closing.hidden.reversed() { prefixes[prefix] = binding }
            }
        }

        while index < bytes.count {
            if entityBudgetExceeded { throw .entityExpansion(limit: DeclaredEntities.maxExpandedBytes) }
            let top = open[open.count - 1].element
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                index = firstIndex(of: UInt8(ascii: "<"), from: index) ?? bytes.count
                let blank = !bytes[start..<index].contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D) }
                // Indentation between elements is not text anyone reads: skip the string work.
                if !blank || !top.text.isEmpty { top.text += decodeText(start..<index) }
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "!"), hasPrefix("<!--") {
                skip(past: "-->")
            } else if next == UInt8(ascii: "!"), hasPrefix("<![CDATA[") {
                let start = index + 9
                let end = find("]]>", from: start) ?? bytes.count
                top.text += String(decoding: bytes[start..<end], as: UTF8.self)
                index = min(end + 3, bytes.count)
            } else if next == UInt8(ascii: "!") {
                skipDeclaration(beforeRoot: pending.isEmpty)
            } else if next == UInt8(ascii: "?") {
                skip(past: "?>")
            } else if next == UInt8(ascii: "/") {
                let tagStart = index
                index += 2
                let name = readNameRange()
                skip(past: ">")
                if let depth = open.lastIndex(where: { sameBytes($0.name, name) }), depth > 0 {
                    if depth != open.count - 1 || overflow > 0 { malformed = true }
                    overflow = 0
                    close(down: depth, at: index, contentEnd: tagStart)
                } else if overflow > 0 {
                    overflow -= 1
                } else {
                    malformed = true
                }
            } else {
                let tagStart = index
                index += 1
                let name = readNameRange()
                guard !name.isEmpty else {
                    // A lone "<" in text: keep it as text, as a browser would.
                    malformed = true
                    top.text += "<"
                    continue
                }
                let (attributes, selfClosing) = readAttributes()
                let (prefix, local) = splitName(name)
                // An unclosed <item> or <entry> ends where the next one starts: they never nest in a feed.
                if local == "item" || local == "entry", open.count > 1, overflow == 0,
                    open[open.count - 1].element.name == local
                {
                    malformed = true
                    close(down: open.count - 1, at: tagStart, contentEnd: tagStart)
                }
                var defaultNamespace = open[open.count - 1].defaultNamespace
                var hidden: [(prefix: String, binding: String?)] = []
                for (attribute, value) in attributes
                where attribute.utf8.first == UInt8(ascii: "x") && attribute.utf8.starts(with: "xmlns".utf8) {
                    if attribute == "xmlns" {
                        defaultNamespace = Namespace.canonical(value)
                    } else if attribute.hasPrefix("xmlns:") {
                        let declared = String(attribute.dropFirst(6))
                        hidden.append((declared, prefixes[declared]))
                        prefixes[declared] = Namespace.canonical(value)
                    }
                }
                let parent = open[open.count - 1].element
                var base = parent.base
                if !attributes.isEmpty, let xmlBase = attributes.first(where: { $0.name == "xml:base" }) {
                    base = URLResolution.resolve(xmlBase.value, against: parent.base) ?? xmlBase.value
                }
                var namespace = defaultNamespace
                if !prefix.isEmpty {
                    // A prefix nobody declared: not namespace-well-formed (Namespaces in XML §5).
                    if let declared = prefixes[prefix] {
                        namespace = declared
                    } else {
                        namespace = ""
                        malformed = true
                    }
                }
                // Elements share a few namespaces: whether one is a core namespace is kept for the last
                // one seen (the same string compares at once) instead of hashed per element.
                if namespace != lastNamespace.uri {
                    lastNamespace = (namespace, MarkupElement.isCore(namespace))
                }
                let element = MarkupElement(
                    name: local, namespace: namespace, attributes: attributes,
                    base: base, start: tagStart, contentStart: index, inCoreNamespace: lastNamespace.isCore)
                pending.append(element)
                if selfClosing {
                    element.outerRange = tagStart..<index
                    for (prefix, binding) in hidden.reversed() { prefixes[prefix] = binding }
                } else if open.count > Self.maxDepth {
                    // Too deep to nest: kept flat, its declarations undone at once.
                    for (prefix, binding) in hidden.reversed() { prefixes[prefix] = binding }
                    element.innerRange = index..<index
                    element.outerRange = tagStart..<index
                    malformed = true
                    overflow += 1
                    guard overflow <= Self.maxOpenElements else { throw .tooDeep(limit: Self.maxOpenElements) }
                } else {
                    open.append(
                        OpenElement(
                            element: element, name: name, firstChild: pending.count,
                            defaultNamespace: defaultNamespace, hidden: hidden))
                }
            }
        }
        if entityBudgetExceeded { throw .entityExpansion(limit: DeclaredEntities.maxExpandedBytes) }
        if open.count > 1 { malformed = true }
        close(down: 1, at: bytes.count, contentEnd: bytes.count)
        return pending.first
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
