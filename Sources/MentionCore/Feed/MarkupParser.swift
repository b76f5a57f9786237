/// One element of a parsed XML document.
final class MarkupElement {
    let name: String          // local name, without prefix
    let namespace: String     // resolved namespace URI, "" when none
    let attributes: [(name: String, value: String)]
    var children: [MarkupElement] = []
    var text = ""             // direct character data and CDATA, entities decoded
    /// Byte range of the whole element (start tag to end tag) and of its content.
    var outerRange: Range<Int>
    var innerRange: Range<Int>

    init(name: String, namespace: String, attributes: [(name: String, value: String)], start: Int, contentStart: Int) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.outerRange = start..<contentStart
        self.innerRange = contentStart..<contentStart
    }

    /// The value of an attribute by local name (prefix ignored), e.g. "href" or "base" for xml:base.
    func attribute(_ local: String) -> String? {
        for (name, value) in attributes where name == local || name.hasSuffix(":" + local) { return value }
        return nil
    }

    /// The element's content as written: its text when it has no child elements, else the markup
    /// between its tags (unescaped HTML inside an RSS <description>, for one).
    func content(in document: [UInt8]) -> String {
        children.isEmpty ? text : String(decoding: document[innerRange], as: UTF8.self)
    }

    func child(_ name: String, _ namespace: String? = nil) -> MarkupElement? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    func children(_ name: String, _ namespace: String? = nil) -> [MarkupElement] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }
}

/// A small, forgiving XML parser for feeds, working on UTF-8 bytes.
///
/// Why not libxml2: feeds in the wild are often not well-formed, and a feed monitor must
/// recover what it can rather than stop at the first error. Safety by construction:
/// DOCTYPEs are skipped, so no external entity is ever resolved and no entity can expand
/// (only the predefined, numeric and HTML named references are decoded); nesting deeper
/// than `maxDepth` is flattened; work is linear in the input.
struct MarkupParser {
    static let maxDepth = 64
    static let neverNested: Set<String> = ["item", "entry"]

    private let bytes: [UInt8]
    private var index = 0
    private(set) var malformed = false

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The document's root element, or nil when there is none.
    mutating func parse() -> MarkupElement? {
        let document = MarkupElement(name: "", namespace: "", attributes: [], start: 0, contentStart: 0)
        var stack: [MarkupElement] = [document]
        var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
        var qualifiedNames: [String] = [""]
        var ignoredDepth = 0  // open elements beyond maxDepth, counted but not kept

        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                if ignoredDepth == 0 { stack[stack.count - 1].text += decodeText(start..<index) }
                continue
            }
            if hasPrefix("<!--") {
                skip(past: "-->")
            } else if hasPrefix("<![CDATA[") {
                let start = index + 9
                let end = find("]]>", from: start) ?? bytes.count
                if ignoredDepth == 0 { stack[stack.count - 1].text += String(decoding: bytes[start..<end], as: UTF8.self) }
                index = min(end + 3, bytes.count)
            } else if hasPrefix("<!") {
                skipDeclaration()
            } else if hasPrefix("<?") {
                skip(past: "?>")
            } else if hasPrefix("</") {
                let tagStart = index
                index += 2
                let name = readName()
                skip(past: ">")
                if ignoredDepth > 0 { ignoredDepth -= 1; continue }
                guard let depth = qualifiedNames.lastIndex(of: name), depth > 0 else { malformed = true; continue }
                if depth != qualifiedNames.count - 1 { malformed = true }
                while qualifiedNames.count > depth {
                    let element = stack.removeLast()
                    element.innerRange = element.innerRange.lowerBound..<max(element.innerRange.lowerBound, tagStart)
                    element.outerRange = element.outerRange.lowerBound..<index
                    qualifiedNames.removeLast()
                    scopes.removeLast()
                }
            } else {
                let tagStart = index
                index += 1
                let name = readName()
                guard !name.isEmpty else {
                    // A lone "<" in text: keep it as text, as a browser would.
                    malformed = true
                    if ignoredDepth == 0 { stack[stack.count - 1].text += "<" }
                    continue
                }
                let (attributes, selfClosing) = readAttributes()
                if ignoredDepth > 0 || stack.count > Self.maxDepth {
                    if !selfClosing { ignoredDepth += 1 }
                    malformed = true
                    continue
                }
                var scope = scopes[scopes.count - 1]
                for (attribute, value) in attributes {
                    if attribute == "xmlns" { scope[""] = value }
                    else if attribute.hasPrefix("xmlns:") { scope[String(attribute.dropFirst(6))] = value }
                }
                let (prefix, local) = split(name)
                // An unclosed <item> or <entry> ends where the next one starts: they never nest in a feed.
                if Self.neverNested.contains(local), stack.count > 1, stack[stack.count - 1].name == local {
                    malformed = true
                    let open = stack.removeLast()
                    open.innerRange = open.innerRange.lowerBound..<tagStart
                    open.outerRange = open.outerRange.lowerBound..<tagStart
                    qualifiedNames.removeLast()
                    scopes.removeLast()
                }
                let element = MarkupElement(name: local, namespace: scope[prefix] ?? "", attributes: attributes,
                                            start: tagStart, contentStart: index)
                stack[stack.count - 1].children.append(element)
                if selfClosing {
                    element.outerRange = tagStart..<index
                } else {
                    stack.append(element)
                    scopes.append(scope)
                    qualifiedNames.append(name)
                }
            }
        }
        if stack.count > 1 { malformed = true }
        for element in stack.dropFirst() {
            element.innerRange = element.innerRange.lowerBound..<bytes.count
            element.outerRange = element.outerRange.lowerBound..<bytes.count
        }
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
            if bytes[position] == pointer[0] {
                var matched = true
                for offset in 1..<count where bytes[position + offset] != pointer[offset] { matched = false; break }
                if matched { return position }
            }
            position += 1
        }
        return nil
    }

    private mutating func skip(past literal: StaticString) {
        if let found = find(literal, from: index) {
            index = found + literal.utf8CodeUnitCount
        } else {
            malformed = true
            index = bytes.count
        }
    }

    /// Skips `<!DOCTYPE ...>` including an internal subset in brackets, without interpreting it.
    private mutating func skipDeclaration() {
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
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
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
           !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), bytes[index] != UInt8(ascii: "-"), bytes[index] != UInt8(ascii: ".") {
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
            guard index < bytes.count else { malformed = true; return (attributes, true) }
            if bytes[index] == UInt8(ascii: ">") { index += 1; return (attributes, false) }
            if hasPrefix("/>") { index += 2; return (attributes, true) }
            let name = readName()
            if name.isEmpty { index += 1; malformed = true; continue }
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
                while index < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ">")].contains(bytes[index]) { index += 1 }
                attributes.append((name, decodeText(start..<index)))
            }
        }
    }

    private func decodeText(_ range: Range<Int>) -> String {
        let raw = String(decoding: bytes[range], as: UTF8.self)
        return bytes[range].contains(UInt8(ascii: "&")) ? HTMLEntities.decode(raw) : raw
    }

    private func split(_ qualified: String) -> (prefix: String, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }
}
