/// The byte-level scanning under `MarkupParser.parse()`: literals, names, attributes, declarations,
/// and text with its character references.
extension MarkupParser {

    func hasPrefix(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    func find(_ literal: StaticString, from start: Int) -> Int? {
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

    func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        ByteSearch.next(byte, in: bytes, from: start)
    }

    mutating func skip(past literal: StaticString) {
        if let found = find(literal, from: index) {
            index = found + literal.utf8CodeUnitCount
        } else {
            malformed = true
            index = bytes.count
        }
    }

    /// Skips `<!DOCTYPE ...>` including an internal subset in brackets, keeping only the
    /// general entities it declares.
    mutating func skipDeclaration(beforeRoot: Bool) {
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

    static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
            return true
        default:
            return false
        }
    }

    mutating func readName() -> String {
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

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func readAttributes() -> ([(name: String, value: String)], selfClosing: Bool) {
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
    mutating func decodeText(_ range: Range<Int>) -> String {
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
    func referencesAreXML(_ range: Range<Int>) -> Bool {
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

    func split(_ qualified: String) -> (prefix: String, local: String) {
        guard let colon = qualified.firstIndex(of: ":") else { return ("", qualified) }
        return (String(qualified[..<colon]), String(qualified[qualified.index(after: colon)...]))
    }
}
