#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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

    /// Letters, digits, `_ : - .` and every byte from 0x80, as two bitmaps (one test a byte, no branches
    /// per range: names are scanned byte by byte).
    @inline(__always)
    static func isNameByte(_ byte: UInt8) -> Bool {
        let below64: UInt64 = 0x07FF_6000_0000_0000  // - . 0-9 :
        let below128: UInt64 = 0x07FF_FFFE_87FF_FFFE  // A-Z _ a-z
        return byte >= 0x80 || ((byte < 64 ? below64 : below128) >> UInt64(byte & 63)) & 1 != 0
    }

    /// The bytes of the name at `index` (empty when none starts there), moving past it.
    mutating func readNameRange() -> Range<Int> {
        let start = index
        // A name must not start with a digit, '-' or '.': "<3" is text, not a tag.
        if index < bytes.count, Self.isNameByte(bytes[index]),
            !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]), bytes[index] != UInt8(ascii: "-"),
            bytes[index] != UInt8(ascii: ".")
        {
            while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        }
        return start..<index
    }

    mutating func readName() -> String {
        let range = readNameRange()
        return name(range)
    }

    /// The string for a name's bytes (names are whole UTF-8 sequences: every byte from 0x80 is a name byte).
    mutating func name(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { names.string($0, range) }
    }

    /// Prefix and local part of a qualified name, split at its first colon.
    mutating func splitName(_ range: Range<Int>) -> (prefix: String, local: String) {
        guard let colon = ByteSearch.next(UInt8(ascii: ":"), in: bytes, from: range.lowerBound, to: range.upperBound)
        else { return ("", name(range)) }
        return (name(range.lowerBound..<colon), name((colon + 1)..<range.upperBound))
    }

    /// The two ranges hold the same bytes (an end tag's name against an open element's).
    func sameBytes(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        guard !a.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer {
            memcmp($0.baseAddress! + a.lowerBound, $0.baseAddress! + b.lowerBound, a.count) == 0
        }
    }

    mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x09 || bytes[index] == 0x0D
        {
            index += 1
        }
    }

    mutating func readAttributes() -> ([(name: String, value: String)], selfClosing: Bool) {
        // Built in a buffer kept across tags, then copied once at its size: one allocation a tag.
        var attributes = attributeBuffer
        attributeBuffer = []
        attributes.removeAll(keepingCapacity: true)
        defer { attributeBuffer = attributes }
        while true {
            skipSpace()
            guard index < bytes.count else {
                malformed = true
                return (Array(attributes), true)
            }
            if attributes.count > Self.maxAttributes {
                attributes.removeLast()
                malformed = true
            }
            if bytes[index] == UInt8(ascii: ">") {
                index += 1
                return (attributes.isEmpty ? [] : Array(attributes), false)
            }
            if hasPrefix("/>") {
                index += 2
                return (attributes.isEmpty ? [] : Array(attributes), true)
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
                index = firstIndex(of: quote, from: index) ?? bytes.count
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
            var index = range.lowerBound
            while index < range.upperBound {
                // Whole words without an `&` or a byte below 0x20 are skipped eight bytes at a time.
                if index + 8 <= range.upperBound {
                    let word = ByteWord.load(buffer, index)
                    if !ByteWord.hasByte(UInt8(ascii: "&"), in: word), !ByteWord.hasByte(below: 0x20, in: word) {
                        index += 8
                        continue
                    }
                }
                let byte = buffer[index]
                if byte == UInt8(ascii: "&") {
                    hasReference = true
                } else if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    hasControl = true
                }
                index += 1
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
        while let ampersand = ByteSearch.next(UInt8(ascii: "&"), in: bytes, from: index, to: range.upperBound) {
            index = ampersand
            var end = index + 1
            while end < range.upperBound, end - index <= 32, bytes[end] != UInt8(ascii: ";"),
                bytes[end] != UInt8(ascii: "&"), bytes[end] > 0x20
            { end += 1 }
            guard end < range.upperBound, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return false }
            let name = (index + 1)..<end
            if bytes[name.lowerBound] == UInt8(ascii: "#") {
                guard characterReferenceIsXML(name.dropFirst()) else { return false }
            } else if !isPredefinedEntity(name) {
                // Bytes first: a String per reference was a tenth of parsing escaped HTML.
                guard let entities, entities.declares(String(decoding: bytes[name], as: UTF8.self)) else {
                    return false
                }
            }
            index = end + 1
        }
        return true
    }

    /// `N` or `xH` (after `&#`, before `;`) names a character XML allows.
    private func characterReferenceIsXML(_ digits: Range<Int>) -> Bool {
        let hex = digits.first.map { bytes[$0] == UInt8(ascii: "x") } ?? false
        let body = hex ? digits.dropFirst() : digits
        guard !body.isEmpty, body.count <= 8 else { return false }
        var value: UInt32 = 0  // eight hex digits at most: no overflow
        for index in body {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = byte - UInt8(ascii: "A") + 10
            default: return false
            }
            value = value &* (hex ? 16 : 10) &+ UInt32(digit)
        }
        return Self.isXMLChar(value)
    }

    /// `amp`, `lt`, `gt`, `quot` or `apos`, compared as bytes.
    private func isPredefinedEntity(_ name: Range<Int>) -> Bool {
        var packed: UInt32 = 0
        guard name.count >= 2, name.count <= 4 else { return false }
        for index in name { packed = packed << 8 | UInt32(bytes[index]) }
        switch packed {
        case 0x616D70, 0x6C74, 0x6774, 0x7175_6F74, 0x6170_6F73: return true  // amp lt gt quot apos
        default: return false
        }
    }

    /// XML 1.0 §2.2 `Char`: what a character reference may name.
    static func isXMLChar(_ value: UInt32) -> Bool {
        value == 0x9 || value == 0xA || value == 0xD || (0x20...0xD7FF).contains(value)
            || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    }

}
