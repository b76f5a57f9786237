/// Every form of every name in one trie over match keys, a word per edge: a word-level
/// automaton. Finding all forms that start at a word follows at most as many edges as the
/// longest form has words, with one hash lookup each, however many names there are (10,000
/// staff give a million forms, and "juf" alone starts 25,000 of them).
///
/// The edges sit in one open-addressing table keyed by (node, FNV-1a of the word's bytes), their
/// words in one byte arena: a lookup hashes bytes already in hand and compares them once, with no
/// `String` and no dictionary per node (a million small dictionaries cost time and memory).
struct PatternTrie: Sendable {
    private struct Edge {
        /// The slot's hash (upper half); `child == 0` marks an empty slot (the root is no one's child).
        var tag: UInt32 = 0
        var parent: Int32 = 0
        var child: Int32 = 0
        /// The word's bytes in `arena`, after their length (two bytes; 0xFFFF and four more for a longer word).
        var word: Int32 = 0
    }

    private var edges = [Edge](repeating: Edge(), count: 1 << 10)
    private var edgeCount = 0
    private var arena: [UInt8] = []
    /// The forms ending at each node: `forms[formStarts[node]..<formStarts[node + 1]]`, in the order
    /// given (one array for all, where an array per node cost a million small allocations).
    private var forms: [NamePattern] = []
    /// What the matcher asks of each of `forms`, as plain values: candidates are form indices, and
    /// judging them this way touches no reference counts.
    private(set) var facts: [FormFacts] = []
    private var formStarts: [Int32] = []
    /// What the forms ending at each node can be without school context (`FormKind`).
    private var kinds: [FormKind] = [.none]
    /// Whose forms that need context end at each node: 1 the school's, 2 a staff member's (`Matcher`'s
    /// mutual context: the two together confirm each other).
    private var contextualOwners: [UInt8] = [0]
    private(set) var count = 0
    /// A bit for each first word's hash, sixteen bits a first word: most words of a text start no
    /// form, and this table (small enough to stay in cache) says so before the edge table is probed.
    private var firstWords: [UInt64] = []
    private var firstWordBits = 0

    /// Whether a form can be a mention in a post with no school context.
    enum FormKind: UInt8, Comparable {
        case none
        /// Only with context (a surname alone, initials), or next to a word read as a misspelt name.
        case contextual
        /// Without context too, or the school's name spelled out letter by letter.
        case free

        static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
    }

    init(_ patterns: [NamePattern]) {
        let nodes = patterns.map { insert($0) }
        // Grouped by node, each group in the given order (a counting sort).
        var starts = [Int32](repeating: 0, count: kinds.count + 1)
        for node in nodes { starts[Int(node) + 1] += 1 }
        for node in kinds.indices { starts[node + 1] += starts[node] }
        var next = starts
        var grouped = [NamePattern?](repeating: nil, count: patterns.count)
        for (pattern, node) in zip(patterns, nodes) {
            grouped[Int(next[Int(node)])] = pattern
            next[Int(node)] += 1
        }
        forms = grouped.map { $0! }
        facts = forms.map(FormFacts.init)
        formStarts = starts
        let firstHashes = Set(patterns.compactMap { $0.words.first.map(WordHash.of) })
        firstWordBits = 12
        while 1 << firstWordBits < firstHashes.count * 16 { firstWordBits += 1 }
        firstWords = [UInt64](repeating: 0, count: 1 << (firstWordBits - 6))
        for hash in firstHashes {
            let bit = Self.firstWordBit(hash, bits: firstWordBits)
            firstWords[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    private static func firstWordBit(_ hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// False when no form starts with a word of this hash; true when one may.
    private func mayStartForm(_ hash: UInt64) -> Bool {
        let bit = Self.firstWordBit(hash, bits: firstWordBits)
        return firstWords[bit >> 6] & (1 << UInt64(bit & 63)) != 0
    }

    /// A form's facts that `Matcher.fullPass` filters and sorts candidates by.
    struct FormFacts: Sendable {
        let isSchool: Bool
        let rule: MentionRule
        let needsContext: Bool
        let vetoable: Bool
        let kind: NamePattern.SchoolKind
        let wordCount: Int32
        let firstWordBytes: Int32

        init(_ pattern: NamePattern) {
            isSchool = pattern.entity == "school"
            rule = pattern.rule
            needsContext = pattern.needsContext
            vetoable = pattern.vetoable
            kind = pattern.kind
            wordCount = Int32(pattern.words.count)
            firstWordBytes = Int32(pattern.words.first?.utf8.count ?? 0)
        }
    }

    /// The form at an index of `facts`.
    func pattern(_ form: Int32) -> NamePattern { forms[Int(form)] }

    /// The index of `pattern` (the very object given to `init`), if it is one of the forms.
    func formIndex(of pattern: NamePattern) -> Int32? {
        var node: Int32 = 0
        for word in pattern.words {
            guard let next = child(of: node, word, WordHash.of(word)) else { return nil }
            node = next
        }
        return terminalRange(node).first { forms[$0] === pattern }.map { Int32($0) }
    }

    private func terminalRange(_ node: Int32) -> Range<Int> {
        Int(formStarts[Int(node)])..<Int(formStarts[Int(node) + 1])
    }

    /// Adds the words of `pattern`; the node it ends at.
    private mutating func insert(_ pattern: NamePattern) -> Int32 {
        var node: Int32 = 0
        for word in pattern.words {
            let bytes = Array(word.utf8)
            let hash = WordHash.of(bytes)
            if let next = child(of: node, bytes, hash) {
                node = next
                continue
            }
            kinds.append(.none)
            contextualOwners.append(0)
            let new = Int32(kinds.count - 1)
            let offset = Int32(arena.count)
            let length = bytes.count
            arena +=
                length < 0xFFFF
                ? [UInt8(truncatingIfNeeded: length >> 8), UInt8(truncatingIfNeeded: length)]
                : [0xFF, 0xFF] + (0..<4).map { UInt8(truncatingIfNeeded: length >> (24 - 8 * $0)) }
            arena += bytes
            if (edgeCount + 1) * 4 > edges.count * 3 { grow() }
            place(Edge(tag: 0, parent: node, child: new, word: offset), hash: Self.slotHash(node, hash))
            edgeCount += 1
            node = new
        }
        // `Matcher.isSpelledOut`: a one-word school name of five letters or more needs no context then.
        let spelledOut = pattern.entity == "school" && pattern.words.count == 1 && pattern.words[0].utf8.count >= 5
        kinds[Int(node)] = max(kinds[Int(node)], pattern.needsContext && !spelledOut ? .contextual : .free)
        if pattern.needsContext { contextualOwners[Int(node)] |= pattern.entity == "school" ? 1 : 2 }
        count += 1
        return node
    }

    private mutating func grow() {
        let old = edges
        edges = [Edge](repeating: Edge(), count: old.count * 2)
        for edge in old where edge.child != 0 {
            let (start, length) = wordRange(edge)
            let hash = arena.withUnsafeBufferPointer {
                WordHash.of(UnsafeBufferPointer(rebasing: $0[start..<start + length]))
            }
            place(edge, hash: Self.slotHash(edge.parent, hash))
        }
    }

    private mutating func place(_ edge: Edge, hash: UInt64) {
        let mask = edges.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while edges[slot].child != 0 { slot = (slot + 1) & mask }
        edges[slot] = edge
        edges[slot].tag = UInt32(truncatingIfNeeded: hash >> 32)
    }

    private func wordRange(_ edge: Edge) -> (start: Int, length: Int) {
        let offset = Int(edge.word)
        let short = Int(arena[offset]) << 8 | Int(arena[offset + 1])
        guard short == 0xFFFF else { return (offset + 2, short) }
        return (offset + 6, arena[(offset + 2)..<(offset + 6)].reduce(0) { $0 << 8 | Int($1) })
    }

    private static func slotHash(_ node: Int32, _ wordHash: UInt64) -> UInt64 {
        var hash = wordHash ^ (UInt64(UInt32(bitPattern: node)) &* 0x9E37_79B9_7F4A_7C15)
        hash ^= hash >> 29
        hash &*= 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }

    /// The node reached from `node` over the word `bytes` (whose `WordHash` is `hash`), if any.
    func child(of node: Int32, _ bytes: some Collection<UInt8>, _ hash: UInt64) -> Int32? {
        if node == 0, !firstWords.isEmpty, !mayStartForm(hash) { return nil }
        let slotHash = Self.slotHash(node, hash)
        let tag = UInt32(truncatingIfNeeded: slotHash >> 32)
        let mask = edges.count - 1
        var slot = Int(truncatingIfNeeded: slotHash) & mask
        while edges[slot].child != 0 {
            let edge = edges[slot]
            if edge.tag == tag, edge.parent == node {
                let (start, length) = wordRange(edge)
                if length == bytes.count, arena[start..<start + length].elementsEqual(bytes) { return edge.child }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private func child(of node: Int32, _ word: String, _ hash: UInt64) -> Int32? {
        word.utf8.withContiguousStorageIfAvailable { child(of: node, $0, hash) }
            ?? child(of: node, Array(word.utf8), hash)
    }

    /// The node a form's first word `word` (whose `WordHash` is `hash`) leads to, or -1 when no form
    /// starts with it: found once per word of a post, and walked on from there.
    func firstWordNode(_ word: String, hash: UInt64) -> Int32 { child(of: 0, word, hash) ?? -1 }

    /// The one-word forms that are exactly `word`, as indices of `facts`.
    func oneWordFormIndices(_ word: String) -> Range<Int> {
        child(of: 0, word, WordHash.of(word)).map { terminalRange($0) } ?? 0..<0
    }

    /// Calls `body` with the forms that start at `words[start]`, as a range of indices of `facts`, and
    /// the index after their last word; `hashes` are the words' `WordHash`es, `firstNode` the
    /// `firstWordNode` of `words[start]`.
    func forEachFormRange(
        in words: [String], hashes: [UInt64], at start: Int, firstNode: Int32, _ body: (Range<Int>, Int) -> Void
    ) {
        guard firstNode > 0 else { return }
        var node = firstNode
        var index = start + 1
        body(terminalRange(node), index)
        while index < words.count, let next = child(of: node, words[index], hashes[index]) {
            node = next
            index += 1
            body(terminalRange(node), index)
        }
    }

    /// The most a form that starts at word `start` of `text` can be (the bytes-only check of `Matcher`),
    /// and whether any form starts with that word.
    /// `owners`: whose forms that need context end on the way (`contextualOwners`).
    func formKind(in text: KeyedText, at start: Int) -> (kind: FormKind, startsForm: Bool, owners: UInt8) {
        guard let first = child(of: 0, text.key(start), text.words[start].hash) else { return (.none, false, 0) }
        var node = first
        var index = start + 1
        var kind = kinds[Int(first)]
        var owners = contextualOwners[Int(first)]
        while index < text.words.count, kind != .free {
            let word = text.words[index]
            guard let next = child(of: node, text.key(index), word.hash) else { break }
            kind = max(kind, kinds[Int(next)])
            owners |= contextualOwners[Int(next)]
            node = next
            index += 1
        }
        return (kind, true, owners)
    }

    /// True when some form starts with word `index` of `text`.
    func startsSomeForm(_ text: KeyedText, _ index: Int) -> Bool {
        child(of: 0, text.key(index), text.words[index].hash) != nil
    }

    /// Every form as its words joined by spaces.
    var literals: [String] {
        forms.map { $0.words.joined(separator: " ") }
    }
}

/// FNV-1a over a match key's bytes: cheap, and computed once per word of a text.
enum WordHash {
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    static func of(_ word: String) -> UInt64 {
        word.utf8.withContiguousStorageIfAvailable { of($0) } ?? of(word.utf8)
    }
}
