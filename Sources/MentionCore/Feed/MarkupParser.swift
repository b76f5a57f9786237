/// A small, forgiving XML parser for feeds, working on UTF-8 bytes.
///
/// Why not libxml2: feeds in the wild are often not well-formed, and a feed monitor must
/// recover what it can rather than stop at the first error. Safety by construction:
/// no external entity is ever loaded and entities declared in the DOCTYPE expand only
/// within a budget (`DeclaredEntities`); nesting deeper than `maxDepth` is refused; at most
/// `maxAttributes` attributes per element are kept; work is linear in the input.
struct MarkupParser {
    static let maxDepth = 256
    static let maxAttributes = 64

    private let bytes: [UInt8]
    private let baseURL: String?
    private var index = 0
    private var entities: DeclaredEntities?
    private var entityBudgetExceeded = false
    private(set) var malformed = false

    init(_ bytes: [UInt8], baseURL: String? = nil) {
        self.bytes = bytes
        self.baseURL = baseURL
    }

    /// The document's root element, or nil when there is none.
    mutating func parse() throws(FeedParseError) -> MarkupElement? {
        let document = MarkupElement(name: "", namespace: "", attributes: [], base: baseURL, start: 0, contentStart: 0)
        var stack: [MarkupElement] = [document]
        // Prefixed namespaces per open element; the default namespace has a stack of its own,
        // so the common unprefixed element needs no dictionary lookup.
        var scopes: [[String: String]] = [["xml": "http://www.w3.org/XML/1998/namespace"]]
        var defaults: [String] = [""]
        var qualifiedNames: [String] = [""]

        while index < bytes.count {
            if entityBudgetExceeded { throw .entityExpansion(limit: DeclaredEntities.maxExpandedBytes) }
            guard bytes[index] == UInt8(ascii: "<") else {
                let start = index
                index = firstIndex(of: UInt8(ascii: "<"), from: index) ?? bytes.count
                let blank = !bytes[start..<index].contains { !($0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D) }
                // Indentation between elements is not text anyone reads: skip the string work.
                if !blank || !stack[stack.count - 1].text.isEmpty { stack[stack.count - 1].text += decodeText(start..<index) }
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
            if next == UInt8(ascii: "!"), hasPrefix("<!--") {
                skip(past: "-->")
            } else if next == UInt8(ascii: "!"), hasPrefix("<![CDATA[") {
                let start = index + 9
                let end = find("]]>", from: start) ?? bytes.count
                stack[stack.count - 1].text += String(decoding: bytes[start..<end], as: UTF8.self)
                index = min(end + 3, bytes.count)
            } else if next == UInt8(ascii: "!") {
                skipDeclaration()
            } else if next == UInt8(ascii: "?") {
                skip(past: "?>")
            } else if next == UInt8(ascii: "/") {
                let tagStart = index
                index += 2
                let name = readName()
                skip(past: ">")
                guard let depth = qualifiedNames.lastIndex(of: name), depth > 0 else { malformed = true; continue }
                if depth != qualifiedNames.count - 1 { malformed = true }
                while qualifiedNames.count > depth {
                    let element = stack.removeLast()
                    element.innerRange = element.innerRange.lowerBound..<max(element.innerRange.lowerBound, tagStart)
                    element.outerRange = element.outerRange.lowerBound..<index
                    qualifiedNames.removeLast()
                    scopes.removeLast()
                    defaults.removeLast()
                }
            } else {
                let tagStart = index
                index += 1
                let name = readName()
                guard !name.isEmpty else {
                    // A lone "<" in text: keep it as text, as a browser would.
                    malformed = true
                    stack[stack.count - 1].text += "<"
                    continue
                }
                let (attributes, selfClosing) = readAttributes()
                guard stack.count <= Self.maxDepth else { throw .tooDeep(limit: Self.maxDepth) }
                var scope = scopes[scopes.count - 1]
                var defaultNamespace = defaults[defaults.count - 1]
                for (attribute, value) in attributes where attribute.utf8.starts(with: "xmlns".utf8) {
                    if attribute == "xmlns" { defaultNamespace = Namespace.canonical(value) }
                    else if attribute.hasPrefix("xmlns:") { scope[String(attribute.dropFirst(6))] = Namespace.canonical(value) }
                }
                let (prefix, local) = split(name)
                // An unclosed <item> or <entry> ends where the next one starts: they never nest in a feed.
                if local == "item" || local == "entry", stack.count > 1, stack[stack.count - 1].name == local {
                    malformed = true
                    let open = stack.removeLast()
                    open.innerRange = open.innerRange.lowerBound..<tagStart
                    open.outerRange = open.outerRange.lowerBound..<tagStart
                    qualifiedNames.removeLast()
                    scopes.removeLast()
                    defaults.removeLast()
                }
                let parentBase = stack[stack.count - 1].base
                var base = parentBase
                if !attributes.isEmpty, let xmlBase = attributes.first(where: { $0.name == "xml:base" }) {
                    base = URLResolution.resolve(xmlBase.value, against: parentBase) ?? xmlBase.value
                }
                var namespace = defaultNamespace
                if !prefix.isEmpty {
                    // A prefix nobody declared: not namespace-well-formed (Namespaces in XML §5).
                    if let declared = scope[prefix] { namespace = declared } else { namespace = ""; malformed = true }
                }
                let element = MarkupElement(name: local, namespace: namespace, attributes: attributes,
                                            base: base, start: tagStart, contentStart: index)
                stack[stack.count - 1].children.append(element)
                if selfClosing {
                    element.outerRange = tagStart..<index
                } else {
                    stack.append(element)
                    scopes.append(scope)
                    defaults.append(defaultNamespace)
                    qualifiedNames.append(name)
                }
            }
        }
        if entityBudgetExceeded { throw .entityExpansion(limit: DeclaredEntities.maxExpandedBytes) }
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
            guard let candidate = firstIndex(of: pointer[0], from: position), candidate + count <= bytes.count else { return nil }
            var matched = true
            for offset in 1..<count where bytes[candidate + offset] != pointer[offset] { matched = false; break }
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
    private mutating func skipDeclaration() {
        let start = index
        defer {
            let declaration = bytes[start..<index]
            if declaration.starts(with: Array("<!DOCTYPE".utf8)), declaration.contains(UInt8(ascii: "[")) {
                let declared = DeclaredEntities(doctype: declaration)
                if !declared.isEmpty { entities = declared }
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
            if attributes.count > Self.maxAttributes { attributes.removeLast(); malformed = true }
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

    /// Character data with references decoded. Recovered like a browser would, but marked
    /// malformed: control characters XML forbids (dropped), a bare `&`, or a reference to an
    /// entity XML does not define (`&eacute;` in RSS: decoded as HTML).
    private mutating func decodeText(_ range: Range<Int>) -> String {
        var hasReference = false, hasControl = false
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer[range] where byte < 0x27 {
                if byte == UInt8(ascii: "&") { hasReference = true } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D { hasControl = true }
            }
        }
        if hasControl { malformed = true }
        if hasReference, !malformed, !referencesAreXML(range) { malformed = true }
        if entities != nil, hasReference {
            var raw = String(decoding: bytes[range], as: UTF8.self)
            if hasControl { raw.unicodeScalars.removeAll { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" } }
            do { raw = try entities!.expand(raw) } catch { entityBudgetExceeded = true; return "" }
            return HTMLEntities.decode(raw)
        }
        guard hasReference || hasControl else { return String(decoding: bytes[range], as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        if hasControl {
            HTMLEntities.decode(ArraySlice(bytes[range].filter { $0 >= 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }), into: &out)
        } else {
            HTMLEntities.decode(bytes[range], into: &out)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Every `&` starts `&#N;`, `&#xH;`, one of XML's five predefined entities or a declared one.
    private func referencesAreXML(_ range: Range<Int>) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            guard bytes[index] == UInt8(ascii: "&") else { index += 1; continue }
            var end = index + 1
            while end < range.upperBound, end - index <= 32, bytes[end] != UInt8(ascii: ";"), bytes[end] != UInt8(ascii: "&"), bytes[end] > 0x20 { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return false }
            let name = bytes[(index + 1)..<end]
            if name.first == UInt8(ascii: "#") {
                let digits = name.dropFirst()
                let hex = digits.first == UInt8(ascii: "x")
                let body = hex ? digits.dropFirst() : digits
                guard !body.isEmpty, body.allSatisfy({ hex ? $0.isHexDigit : (0x30...0x39).contains($0) }) else { return false }
            } else {
                let text = String(decoding: name, as: UTF8.self)
                guard Self.predefinedEntities.contains(text) || entities?.declares(text) == true else { return false }
            }
            index = end + 1
        }
        return true
    }

    private static let predefinedEntities: Set<String> = ["amp", "lt", "gt", "quot", "apos"]

    private func split(_ qualified: String) -> (prefix: String, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }
}

extension UInt8 {
    var isHexDigit: Bool { (0x30...0x39).contains(self) || (0x41...0x46).contains(self) || (0x61...0x66).contains(self) }
}
