/// A text's words as match keys (`MatchText`) in one byte buffer, each key's hash computed once:
/// what the matcher's hot path reads, with no `String` per word. `tokens` makes the `TextToken`s
/// of the public API from it.
struct KeyedText {
    struct Word {
        /// The key's bytes in `keys`.
        var keyStart: Int32
        var keyEnd: Int32
        /// `WordHash` of the key.
        var hash: UInt64
        /// Offsets in Unicode scalars of the text, end exclusive.
        var start: Int
        var end: Int
        var inHandle: Bool
    }

    /// All keys back to back.
    var keys: [UInt8] = []
    var words: [Word] = []

    /// Adds the key of the folded word `folded`.
    mutating func append(key folded: [UInt8], readingLAsI: Bool, start: Int, end: Int, inHandle: Bool) {
        let keyStart = keys.count
        MatchText.appendKey(folded, readingLAsI: readingLAsI, to: &keys)
        add(keyStart, start: start, end: end, inHandle: inHandle)
    }

    /// Adds a word of `other` as it is.
    mutating func append(copying word: Word, from other: KeyedText) {
        let keyStart = keys.count
        keys += other.keys[Int(word.keyStart)..<Int(word.keyEnd)]
        add(keyStart, start: word.start, end: word.end, inHandle: word.inHandle)
    }

    /// Adds already made keys (a `TextToken`'s `folded`), for text split before.
    mutating func append(folded: String, start: Int, end: Int, inHandle: Bool) {
        let keyStart = keys.count
        keys += folded.utf8
        add(keyStart, start: start, end: end, inHandle: inHandle)
    }

    private mutating func add(_ keyStart: Int, start: Int, end: Int, inHandle: Bool) {
        let hash = keys.withUnsafeBufferPointer { WordHash.of(UnsafeBufferPointer(rebasing: $0[keyStart...])) }
        words.append(
            Word(
                keyStart: Int32(keyStart), keyEnd: Int32(keys.count), hash: hash, start: start, end: end,
                inHandle: inHandle))
    }

    init() {}

    init(_ tokens: [TextToken]) {
        for token in tokens {
            append(folded: token.folded, start: token.start, end: token.end, inHandle: token.inHandle)
        }
    }

    /// The key of word `index`, as bytes.
    func key(_ index: Int) -> ArraySlice<UInt8> {
        keys[Int(words[index].keyStart)..<Int(words[index].keyEnd)]
    }

    var tokens: [TextToken] {
        words.map {
            TextToken(
                folded: String(decoding: keys[Int($0.keyStart)..<Int($0.keyEnd)], as: UTF8.self), start: $0.start,
                end: $0.end, inHandle: $0.inHandle)
        }
    }
}
