/// A bitmap in front of a set of hashes: most lines of a word list are not asked about, and one bit
/// tells most of them so without the set's SipHash. A set bit is only a maybe.
struct HashBitmap {
    private var words: [UInt64]
    private let shift: UInt64

    /// At least 16 bits a hash (256 KB for the lexicon's slips): about one line in 20 that is not
    /// asked about gets past it.
    init(capacity: Int) {
        var bits: UInt64 = 12
        while 1 << bits < capacity * 16 { bits += 1 }
        shift = 64 - bits
        words = [UInt64](repeating: 0, count: 1 << (bits - 6))
    }

    mutating func insert(_ hash: UInt64) {
        let bit = index(hash)
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    private func index(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func mightContain(_ hash: UInt64) -> Bool {
        let bit = index(hash)
        return words[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }
}
