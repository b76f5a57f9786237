/// A lexicon word pattern with its words as ids of `PhraseTables.vocabulary`, so a post's word is
/// hashed once and then compared by number. Plain numbers only (the words and bytes it needs are in
/// the tables' pools), so trying a pattern costs no reference counting.
struct IDPattern: Sendable {
    enum Kind: UInt8, Sendable { case exact, oneOf, prefix, suffix, any }
    var kind: Kind
    /// The word's id (`exact`), or where its ids (`oneOf`) or bytes (`prefix`, `suffix`) are in the pools.
    var low: Int32
    var high: Int32
    /// The pattern as written (`PhraseTables.originals`): it decides for masked words ("k*nker").
    var original: Int32
    var isAny: Bool { kind == .any }
}

/// A phrase item over ids; `never` is a compound that was not resolved (it matches nothing).
enum IDItem: Sendable {
    case word(IDPattern)
    case gap
    case cue(Int)
    case target, mention, school
    case never
}

/// The lexicon compiled once per classifier for `PhraseSearch`: every word of its phrases as an id,
/// the entry and cue indexes by id, and the cue lists by number. Without it, every word of a post
/// was hashed as a string again at every phrase and list that was tried there.
final class PhraseTables: Sendable {
    let lexicon: Lexicon
    /// Every word a phrase, index or cue list names, by its id.
    let vocabulary: [String: Int32]
    /// The items of every phrase one after another; a phrase is a range of them.
    let items: [IDItem]
    let entries: [Range<Int>]
    /// Per entry, its word items after the first that name words (exact, alternatives): each must
    /// be in the post for the entry to match, which rules out most entries without trying them.
    let required: [Range<Int>]
    let requiredItems: [Int]
    /// The phrases of the cue lists (referred to by number from `cueFirst` and `cueOthers`).
    let cuePhrases: [Range<Int>]
    let silenced: [Range<Int>]
    let ignored: [IDPattern]
    /// The pools of `IDPattern`: ids of alternatives (sorted per pattern), bytes of prefixes and suffixes.
    let oneOfIDs: [Int32]
    let patternBytes: [UInt8]
    let originals: [WordPattern]
    /// Cue lists by name; the number is a bit of `cueSingles` (fewer than 64 lists).
    let listNumbers: [String: Int]
    /// Lists that exist in the lexicon (a list with no phrases finds nothing).
    let listExists: [Bool]
    let fillerList: Int?
    let personList: Int
    let pronounList: Int

    // Per word id.
    let cueSingles: [UInt64]
    /// The lists a phrase of which can start with the word (a one-word phrase or a longer one).
    let cueStarts: [UInt64]
    let cueFirst: [[(list: Int, phrases: [Int32])]]
    let byWord: [[Int32]]
    let atTargetsByNextWord: [[Int32]]

    // By list number, and the entry index's other groups.
    let cueOthers: [[Int32]]
    let byFirstByte: [[Int32]]
    let byLastByte: [[Int32]]
    let anywhere: [Int32]
    let atTargets: [Int32]
    let atTargetsAnyNext: [Int32]

    init(_ lexicon: Lexicon) {
        self.lexicon = lexicon
        var vocabulary: [String: Int32] = [:]
        func id(_ word: String) -> Int32 {
            if let known = vocabulary[word] { return known }
            let new = Int32(vocabulary.count)
            vocabulary[word] = new
            return new
        }
        var listNumbers: [String: Int] = [:]
        for name in (Lexicon.cueLists.union(lexicon.cueIndex.keys)).sorted() { listNumbers[name] = listNumbers.count }
        precondition(listNumbers.count <= 64, "cue lists are bits of a UInt64")
        var oneOfIDs: [Int32] = []
        var patternBytes: [UInt8] = []
        var originals: [WordPattern] = []
        func pattern(_ pattern: WordPattern) -> IDPattern {
            originals.append(pattern)
            let original = Int32(originals.count - 1)
            func pooled(_ kind: IDPattern.Kind, _ value: String) -> IDPattern {
                let low = Int32(patternBytes.count)
                patternBytes += value.utf8
                return IDPattern(kind: kind, low: low, high: Int32(patternBytes.count), original: original)
            }
            switch pattern {
            case .exact(let word): return IDPattern(kind: .exact, low: id(word), high: 0, original: original)
            case .oneOf(let words):
                let low = Int32(oneOfIDs.count)
                oneOfIDs += words.map(id).sorted()
                return IDPattern(kind: .oneOf, low: low, high: Int32(oneOfIDs.count), original: original)
            case .prefix(let value): return pooled(.prefix, value)
            case .suffix(let value): return pooled(.suffix, value)
            case .any: return IDPattern(kind: .any, low: 0, high: 0, original: original)
            }
        }
        var items: [IDItem] = []
        func add(_ phrase: Phrase) -> Range<Int> {
            let start = items.count
            for item in phrase.items {
                switch item {
                case .word(let value): items.append(.word(pattern(value)))
                case .gap: items.append(.gap)
                case .cue(let list): items.append(listNumbers[list].map { .cue($0) } ?? .never)
                case .target: items.append(.target)
                case .mention: items.append(.mention)
                case .school: items.append(.school)
                case .compound: items.append(.never)
                }
            }
            return start..<items.count
        }
        entries = lexicon.entries.map { add($0.phrase) }
        var requiredItems: [Int] = []
        required = entries.map { range in
            let start = requiredItems.count
            for index in range.dropFirst() {
                if case .word(let pattern) = items[index], pattern.kind == .exact || pattern.kind == .oneOf {
                    requiredItems.append(index)
                }
            }
            return start..<requiredItems.count
        }
        self.requiredItems = requiredItems
        silenced = lexicon.silenced.map(add)
        ignored = lexicon.ignored.map(pattern)

        var cuePhrases: [Range<Int>] = []
        var singles: [Int32: UInt64] = [:]
        var first: [Int32: [(list: Int, phrases: [Int32])]] = [:]
        var cueOthers = [[Int32]](repeating: [], count: listNumbers.count)
        var listExists = [Bool](repeating: false, count: listNumbers.count)
        for (name, index) in lexicon.cueIndex.sorted(by: { $0.key < $1.key }) {
            let list = listNumbers[name]!
            listExists[list] = true
            for word in index.singles { singles[id(word), default: 0] |= 1 << UInt64(list) }
            func number(_ phrase: Phrase) -> Int32 {
                cuePhrases.append(add(phrase))
                return Int32(cuePhrases.count - 1)
            }
            for (word, phrases) in index.byFirstWord.sorted(by: { $0.key < $1.key }) {
                first[id(word), default: []].append((list, phrases.map(number)))
            }
            cueOthers[list] = index.others.map(number)
        }
        let index = lexicon.index
        var byWord: [Int32: [Int32]] = [:]
        for (word, numbers) in index.byWord { byWord[id(word)] = numbers.map(Int32.init) }
        var atNext: [Int32: [Int32]] = [:]
        for (word, numbers) in index.atTargetsByNextWord { atNext[id(word)] = numbers.map(Int32.init) }

        let count = vocabulary.count
        var singlesByID = [UInt64](repeating: 0, count: count)
        for (word, bits) in singles { singlesByID[Int(word)] = bits }
        var firstByID = [[(list: Int, phrases: [Int32])]](repeating: [], count: count)
        for (word, lists) in first { firstByID[Int(word)] = lists }
        var byWordByID = [[Int32]](repeating: [], count: count)
        for (word, numbers) in byWord { byWordByID[Int(word)] = numbers }
        var atNextByID = [[Int32]](repeating: [], count: count)
        for (word, numbers) in atNext { atNextByID[Int(word)] = numbers }
        var byFirstByte = [[Int32]](repeating: [], count: 256)
        for (byte, numbers) in index.byFirstByte { byFirstByte[Int(byte)] = numbers.map(Int32.init) }
        var byLastByte = [[Int32]](repeating: [], count: 256)
        for (byte, numbers) in index.byLastByte { byLastByte[Int(byte)] = numbers.map(Int32.init) }

        self.vocabulary = vocabulary
        self.items = items
        self.oneOfIDs = oneOfIDs
        self.patternBytes = patternBytes
        self.originals = originals
        self.cuePhrases = cuePhrases
        self.listNumbers = listNumbers
        self.listExists = listExists
        fillerList = lexicon.cueIndex["filler"] != nil ? listNumbers["filler"] : nil
        personList = listNumbers["person"]!
        pronounList = listNumbers["pronoun"]!
        cueSingles = singlesByID
        var starts = singlesByID
        for (word, lists) in first { for entry in lists { starts[Int(word)] |= 1 << UInt64(entry.list) } }
        cueStarts = starts
        cueFirst = firstByID
        self.byWord = byWordByID
        atTargetsByNextWord = atNextByID
        self.cueOthers = cueOthers
        self.byFirstByte = byFirstByte
        self.byLastByte = byLastByte
        anywhere = index.anywhere.map(Int32.init)
        atTargets = index.atTargets.map(Int32.init)
        atTargetsAnyNext = index.atTargetsAnyNext.map(Int32.init)
    }

    /// Whether a word of this id is a one-word phrase of the list.
    @inline(__always) func isSingle(_ word: Int32, _ list: Int) -> Bool {
        word >= 0 && cueSingles[Int(word)] & (1 << UInt64(list)) != 0
    }

    /// Whether a phrase of the list can start with the word: false rules out the list there without
    /// trying a phrase (lists with phrases that start with a pattern or a list are always tried).
    @inline(__always) func mayStart(_ word: Int32, _ list: Int) -> Bool {
        !cueOthers[list].isEmpty || (word >= 0 && cueStarts[Int(word)] & (1 << UInt64(list)) != 0)
    }

    /// The phrases of a list worth trying at a word (beyond its one-word phrases), in
    /// `CueIndex.candidates` order: those that start with the word, then the others.
    func cueCandidates(_ word: Int32, _ list: Int) -> (first: [Int32], others: [Int32]) {
        if word >= 0 {
            for entry in cueFirst[Int(word)] where entry.list == list { return (entry.phrases, cueOthers[list]) }
        }
        return ([], cueOthers[list])
    }
}
