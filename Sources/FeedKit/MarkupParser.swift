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

    private let bytes: [UInt8]
    private let baseURL: String?
    private var index = 0
    private var entities: DeclaredEntities?
    private var entityBudgetExceeded = false
    private var sawDoctype = false
    private(set) var malformed = false

    init(_ bytes: [UInt8], baseURL: String? = nil) {
        self.bytes = bytes
        self.baseURL = baseURL
    }

    /// An element whose end tag has not come yet, with what closing it must undo.
    private struct OpenElement {
        let element: MarkupElement
        let qualifiedName: String
        let defaultNamespace: String
        /// Prefixes this element declared, with the bindings they hid (restored when it closes).
        let hidden: [(prefix: String, binding: String?)]
    }

    /// The document's root element, or nil when there is none.
    mutating func parse() throws(FeedParseError) -> MarkupElement? {
        let document = MarkupElement(name: "", namespace: "", attributes: [], base: baseURL, start: 0, contentStart: 0)
        var open = [OpenElement(element: document, qualifiedName: "", defaultNamespace: "", hidden: [])]
        // One table of prefixes in scope, changed as elements open and restored as they close:
        // no copy per element, so declaring prefixes costs the same at any depth.
        var prefixes: [String: String] = ["xml": "http://www.w3.org/XML/1998/namespace"]
        // Start tags beyond `maxDepth` are kept, but flat beside each other (as unclosed `<br>`s in
        // HTML content are), and counted until an end tag of an open element closes them.
        var overflow = 0

        func close(down to: Int, at end: Int, contentEnd: Int) {
            while open.count > to {
                let closing = open.removeLast()
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
                skipDeclaration(beforeRoot: document.children.isEmpty)
            } else if next == UInt8(ascii: "?") {
                skip(past: "?>")
            } else if next == UInt8(ascii: "/") {
                let tagStart = index
                index += 2
                let name = readName()
                skip(past: ">")
                if let depth = open.lastIndex(where: { $0.qualifiedName == name }), depth > 0 {
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
                let name = readName()
                guard !name.isEmpty else {
                    // A lone "<" in text: keep it as text, as a browser would.
                    malformed = true
                    top.text += "<"
                    continue
                }
                let (attributes, selfClosing) = readAttributes()
                let (prefix, local) = split(name)
                // An unclosed <item> or <entry> ends where the next one starts: they never nest in a feed.
                if local == "item" || local == "entry", open.count > 1, overflow == 0,
                    open[open.count - 1].element.name == local
                {
                    malformed = true
                    close(down: open.count - 1, at: tagStart, contentEnd: tagStart)
                }
                var defaultNamespace = open[open.count - 1].defaultNamespace
                var hidden: [(prefix: String, binding: String?)] = []
                for (attribute, value) in attributes where attribute.utf8.starts(with: "xmlns".utf8) {
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
                let element = MarkupElement(
                    name: local, namespace: namespace, attributes: attributes,
                    base: base, start: tagStart, contentStart: index)
                parent.children.append(element)
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
                            element: element, qualifiedName: name, defaultNamespace: defaultNamespace, hidden: hidden))
                }
            }
        }
        if entityBudgetExceeded { throw .entityExpansion(limit: DeclaredEntities.maxExpandedBytes) }
        if open.count > 1 { malformed = true }
        close(down: 1, at: bytes.count, contentEnd: bytes.count)
        return document.children.first
    }

    // MARK: - Scanning

    private func hasPrefix(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    private func find(_ literal: StaticString, from start: Int) -> Int? {
        let count = literal.utf8CodeUnitCount
        let pointer = literal.utf8Start
        var position = start
        while position + count <= bytes.count {
            guard let candidate = firstIndex(of: pointer[0], from: position), candidate + count <= bytes.count else {
                return nil
            }
            var matched = true
            for offset in 1..<count where bytes[candidate + offset] != pointer[offset] {
                matched = false
                break
            }
            if matched { return candidate }
            position = candidate + 1
        }
        return nil
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        ByteSearch.next(byte, in: bytes, from: start)
    }

    private mutating func skip(past literal: StaticString) {
        if let found = find(literal, from: index) {
            index = found + literal.utf8CodeUnitCount
        } else {
            malformed = true
            index = bytes.count
        }
    }

    /// Skips `<!DOCTYPE ...>` including an internal subset in brackets, keeping only the
    /// general entities it declares.
    private mutating func skipDeclaration(beforeRoot: Bool) {
        let start = index
        defer {
            let declaration = bytes[start..<index]
            if declaration.starts(with: Array("<!DOCTYPE".utf8)) {
                // XML allows one DOCTYPE, before the root: another one is ignored (and would
                // otherwise bring a fresh entity budget).
                if !beforeRoot || sawDoctype {
                    malformed = true
                } else if declaration.contains(UInt8(ascii: "[")) {
                    let declared = DeclaredEntities(doctype: declaration)
                    if !declared.isEmpty { entities = declared }
                }
                sawDoctype = true
            }
        }
        var bracketDepth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["): bracketDepth += 1
            case UInt8(ascii: "]"): bracketDepth -= 1
            case UInt8(ascii: ">") where bracketDepth <= 0:
                index += 1
                return
            default: break
            }
            index += 1
        }
        malformed = true
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    private mutating func readName() -> String {
        let start = index
        // A name must not start with a digit, '-' or '.': "<3" is text, not a tag.
        if index < bytes.count, Self.isNameByte(bytes[index]),
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), bytes[index] != UInt8(ascii: "-"),
            bytes[index] != UInt8(ascii: ".")
        {
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    private mutating func readAttributes() -> ([(name: String, value: String)], selfClosing: Bool) {
        var attributes: [(name: String, value: String)] = []
        while true {
            skipSpace()
            guard index < bytes.count else {
                malformed = true
                return (attributes, true)
            }
            if attributes.count > Self.maxAttributes {
                attributes.removeLast()
                malformed = true
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (attributes, false)
            }
            if hasPrefix("/>") {
                index += 2
                return (attributes, true)
            }
            let name = readName()
            if name.isEmpty {
                index += 1
                malformed = true
                continue
            }
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
                malformed = true
                attributes.append((name, ""))
                continue
            }
            index += 1
            skipSpace()
            guard index < bytes.count else { continue }
            let quote = bytes[index]
            let start: Int
            if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                index += 1
                start = index
                while index < bytes.count, bytes[index] != quote { index += 1 }
                attributes.append((name, decodeText(start..<index)))
                index = min(index + 1, bytes.count)
            } else {
                malformed = true
                start = index
                while index < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">")].contains(bytes[index]) {
                    index += 1
                }
                attributes.append((name, decodeText(start..<index)))
            }
        }
    }

    /// Character data with references decoded. Recovered like a browser would, but marked
    /// malformed: control characters XML forbids (dropped), a bare `&`, or a reference to an
    /// entity XML does not define (`&eacute;` in RSS: decoded as HTML).
    private mutating func decodeText(_ range: Range<Int>) -> String {
        var hasReference = false
        var hasControl = false
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer[range] where byte < 0x27 {
                if byte == UInt8(ascii: "&") {
                    hasReference = true
                } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    hasControl = true
                }
            }
        }
        if hasControl { malformed = true }
        if hasReference, !malformed, !referencesAreXML(range) { malformed = true }
        if entities != nil, hasReference {
            var raw = String(decoding: bytes[range], as: UTF8.self)
            if hasControl { raw.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" } }
            do { raw = try entities!.expand(raw) } catch {
                entityBudgetExceeded = true
                return ""
            }
            return HTMLEntities.decode(raw)
        }
        guard hasReference || hasControl else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        if hasControl {
            HTMLEntities.decode(
                ArraySlice(bytes[range].filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }), into: &out)
        } else {
            HTMLEntities.decode(bytes[range], into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every `&` starts `&#N;`, `&#xH;`, one of XML's five predefined entities or a declared one.
    private func referencesAreXML(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: "&") else {
                index += 1
                continue
            }
            var end = index + 1
            while end < range.upperBound, end - index <= 32, bytes[end] != UInt8(ascii: ";"),
                bytes[end] != UInt8(ascii: "&"), bytes[end] > 0x20
            { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return false }
            let name = bytes[(index + 1)..<end]
            if name.first == UInt8(ascii: "#") {
                let digits = name.dropFirst()
                let hex = digits.first == UInt8(ascii: "x")
                let body = hex ? digits.dropFirst() : digits
                guard !body.isEmpty, body.count <= 8,
                    body.allSatisfy({ hex ? $0.isHexDigit : (0x30...0x39).contains($0) }),
                    let value = UInt32(String(decoding: body, as: UTF8.self), radix: hex ? 16 : 10),
                    Self.isXMLChar(value)
                else { return false }
            } else {
                let text = String(decoding: name, as: UTF8.self)
                guard Self.predefinedEntities.contains(text) || entities?.declares(text) == true else { return false }
            }
            index = end + 1
        }
        return true
    }

    private static let predefinedEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    /// XML 1.0 §2.2 `Char`: what a character reference may name.
    static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

    private func split(_ qualified: String) -> (prefix: String, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }
}

extension UInt8 {
    var isHexDigit: Bool {
        (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self)
    }
}
