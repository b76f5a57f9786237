/// The byte range of each element of a JSON Feed's top-level `"items"` array, so that an
/// item's evidence is its own bytes as fetched (like an XML entry's), not a re-serialisation.
/// A scanner, not a parser: strings and nesting are tracked, values are not built.
struct JSONItemRanges {
    private let bytes: [UInt8]
    private var index = 0

    static func find(in bytes: [UInt8]) -> [Range<Int>]? {
        var scanner = JSONItemRanges(bytes: bytes)
        return scanner.itemsOfTopLevelObject()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// The whole object is read: a second "items" key, or a key written with escapes (which
    /// JSONSerialization may read as "items"), makes the ranges unsure, and then there are none.
    private mutating func itemsOfTopLevelObject() -> [Range<Int>]? {
        skipSpace()
        guard consume(UInt8(ascii: "{")) else { return nil }
        var found: [Range<Int>]?
        skipSpace()
        if consume(UInt8(ascii: "}")) { return nil }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            let keyStart = index + 1
            guard skipString() else { return nil }
            let key = bytes[keyStart..<(index - 1)]
            if key.contains(UInt8(ascii: "\\")) { return nil }
            skipSpace()
            guard consume(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            if key.elementsEqual("items".utf8) {
                guard found == nil, let ranges = elementsOfArray() else { return nil }
                found = ranges
            } else {
                guard skipValue() else { return nil }
            }
            skipSpace()
            if consume(UInt8(ascii: "}")) { return found }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    private mutating func elementsOfArray() -> [Range<Int>]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var ranges: [Range<Int>] = []
        skipSpace()
        if consume(UInt8(ascii: "]")) { return ranges }
        while true {
            skipSpace()
            let start = index
            guard skipValue() else { return nil }
            ranges.append(start..<index)
            skipSpace()
            if consume(UInt8(ascii: "]")) { return ranges }
            guard consume(UInt8(ascii: ",")) else { return nil }
        }
    }

    /// Skips one value: a string, an object or array (by bracket depth, strings skipped whole),
    /// or a literal/number (up to the next delimiter).
    private mutating func skipValue() -> Bool {
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard skipString() else { return false }
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return true
                    }
                default: break
                }
                index += 1
            }
            return false
        default:
            let start = index
            while index < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D].contains(
                    bytes[index])
            { index += 1 }
            return index > start
        }
    }

    /// From an opening quote to just past its closing one; backslash escapes are skipped.
    private mutating func skipString() -> Bool {
        index += 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""):
                index += 1
                return true
            default: index += 1
            }
        }
        return false
    }

    private mutating func skipSpace() {
        while index < bytes.count,
            bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D
        { index += 1 }
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }
}
