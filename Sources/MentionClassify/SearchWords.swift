/// One post's words as `PhraseSearch` reads them: each key hashed once into an id of the lexicon's
/// vocabulary (-1: a word no phrase names), its bytes in one buffer, and what a phrase step looks at
/// (sentence, clause, name) in flat arrays, so no step copies a word or hashes a string.
struct SearchWords {
    let count: Int
    let keys: [String]
    let ids: [Int32]
    /// The id of the word joined to the next one by a hyphen ("kanker-juf" as "kankerjuf"); -1 when
    /// unknown, and only meaningful where `joins` holds.
    let joinedIDs: [Int32]
    let joins: [Bool]
    /// Keys with "*" for masked letters: their patterns are compared letter by letter (`WordPattern`).
    let masked: [Bool]
    let sentence: [Int]
    let clause: [Int]
    /// The name (`Mention`) each word is part of, -1 for none.
    let mention: [Int]
    /// The keys' UTF-8 bytes one after another: word `i` is `bytes[offsets[i]..<offsets[i + 1]]`, so a
    /// word joined to the next is `bytes[offsets[i]..<offsets[i + 2]]`.
    let bytes: [UInt8]
    let offsets: [Int]
    /// Which ids occur, alone or joined (a bit each); nil when a word is masked, as a masked word
    /// can stand for any of them.
    let present: [UInt64]?

    /// A key's id, or that of the key with "y" read as "ij" ("kutwyf"), the way Dutch is often typed;
    /// -1 for a word no phrase names. Whole words only: the prefix and suffix patterns ("*lijer") read
    /// the word as written.
    static func id(of key: String, in vocabulary: [String: Int32]) -> Int32 {
        if let id = vocabulary[key] { return id }
        guard key.utf8.contains(UInt8(ascii: "y")) else { return -1 }
        return vocabulary[String(key.flatMap { $0 == "y" ? ["i", "j"] : [$0] })] ?? -1
    }

    init(_ words: [ClassWord], vocabulary: [String: Int32]) {
        count = words.count
        keys = words.map(\.key)
        var ids = [Int32](repeating: -1, count: count)
        var joinedIDs = ids
        var joins = [Bool](repeating: false, count: count)
        var masked = joins
        var bytes: [UInt8] = []
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        for (index, word) in words.enumerated() {
            ids[index] = Self.id(of: word.key, in: vocabulary)
            bytes += word.key.utf8
            offsets.append(bytes.count)
            masked[index] = word.key.utf8.contains(UInt8(ascii: "*"))
            if word.hyphenNext, index + 1 < count {
                joins[index] = true
                joinedIDs[index] = Self.id(of: word.key + words[index + 1].key, in: vocabulary)
            }
        }
        self.ids = ids
        self.joinedIDs = joinedIDs
        self.joins = joins
        self.masked = masked
        sentence = words.map(\.sentence)
        clause = words.map(\.clause)
        mention = words.map { $0.mention ?? -1 }
        self.bytes = bytes
        self.offsets = offsets
        if masked.contains(true) {
            present = nil
        } else {
            var present = [UInt64](repeating: 0, count: (vocabulary.count + 63) / 64)
            for id in ids + joinedIDs where id >= 0 { present[Int(id) / 64] |= 1 << UInt64(id % 64) }
            self.present = present
        }
    }

    /// Whether a word pattern that names words (exact, alternatives) could match any word of the post.
    func mayOccur(_ pattern: IDPattern, _ tables: PhraseTables) -> Bool {
        guard let present else { return true }
        func has(_ id: Int32) -> Bool { present[Int(id) / 64] & (1 << UInt64(id % 64)) != 0 }
        switch pattern.kind {
        case .exact: return has(pattern.low)
        case .oneOf: return tables.oneOfIDs[Int(pattern.low)..<Int(pattern.high)].contains(where: has)
        case .prefix, .suffix, .any: return true
        }
    }

    /// The key of a word, or of it joined to the next.
    func key(_ index: Int, joined: Bool) -> String { joined ? keys[index] + keys[index + 1] : keys[index] }

    func isMasked(_ index: Int, joined: Bool) -> Bool { masked[index] || (joined && masked[index + 1]) }

    /// The first and last byte of a key (nil for an empty one), for the entry index's prefix and suffix groups.
    func edges(_ index: Int, joined: Bool) -> (first: UInt8?, last: UInt8?) {
        let range = offsets[index]..<offsets[index + (joined ? 2 : 1)]
        return range.isEmpty ? (nil, nil) : (bytes[range.lowerBound], bytes[range.upperBound - 1])
    }

    /// `WordPattern.matches` for a word or a joined pair: by id, by bytes, or letter by letter when masked.
    func matches(_ pattern: IDPattern, _ index: Int, joined: Bool, _ tables: PhraseTables) -> Bool {
        if isMasked(index, joined: joined) {
            return tables.originals[Int(pattern.original)].matches(key(index, joined: joined))
        }
        switch pattern.kind {
        case .exact: return (joined ? joinedIDs[index] : ids[index]) == pattern.low
        case .oneOf:
            let id = joined ? joinedIDs[index] : ids[index]
            return id >= 0 && Self.contains(tables.oneOfIDs, Int(pattern.low)..<Int(pattern.high), id)
        case .prefix, .suffix:
            let value = tables.patternBytes[Int(pattern.low)..<Int(pattern.high)]
            let start = offsets[index]
            let end = offsets[index + (joined ? 2 : 1)]
            guard end - start > value.count else { return false }
            let from = pattern.kind == .prefix ? start : end - value.count
            return bytes[from..<(from + value.count)].elementsEqual(value)
        case .any: return true
        }
    }

    private static func contains(_ sorted: [Int32], _ range: Range<Int>, _ id: Int32) -> Bool {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < range.upperBound && sorted[low] == id
    }
}
