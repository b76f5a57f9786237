/// The `String`s for element and attribute names, by their bytes. Names repeat (every item has a
/// `<title>`), and decoding a name again costs UTF-8 validation and a string each time: a small
/// direct-mapped table keeps the last string seen per slot, for names of 1 to 15 bytes.
struct MarkupNames {
    private static let slots = 128
    /// Per slot: the name's bytes packed into two words (the length in the top byte), then its string.
    private var keys: [UInt64]
    private var strings: [String]

    init() {
        keys = [UInt64](repeating: 0, count: 2 * Self.slots)
        strings = [String](repeating: "", count: Self.slots)
    }

    mutating func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let count = range.count
        guard count > 0, count < 16 else {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        if range.lowerBound + 16 <= bytes.count {
            // Two loads, and the bytes past the name masked off.
            low = ByteWord.load(bytes, range.lowerBound)
            high = ByteWord.load(bytes, range.lowerBound + 8)
            if count < 8 { low &= (1 << (UInt64(count) * 8)) - 1 }
            high = count <= 8 ? 0 : high & ((1 << (UInt64(count - 8) * 8)) - 1)
        } else {
            var offset = 0
            for index in range {
                let byte = UInt64(bytes[index])
                if offset < 8 { low |= byte << (UInt64(offset) * 8) } else { high |= byte << (UInt64(offset - 8) * 8) }
                offset += 1
            }
        }
        high |= UInt64(count) << 56
        let slot = Int(truncatingIfNeeded: ((low ^ (high &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 57)
        if keys[2 * slot] == low, keys[2 * slot + 1] == high { return strings[slot] }
        let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        keys[2 * slot] = low
        keys[2 * slot + 1] = high
        strings[slot] = string
        return string
    }
}
