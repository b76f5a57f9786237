/// Reads obfuscated words back as the lexicon word they hide: vowels left out ("knkr", "tfs"), two
/// letters swapped ("kankre"), one letter dropped ("kaner") or doubled ("kannker"), and a vowel-less
/// curse at the start of a compound ("knkrjf"). Only a word that is in no dictionary is read back:
/// the dictionaries (Debian's `wdutch` and `wamerican`, read by the adapter) say which forms are
/// ordinary words ("kater" is a cat, not a slip of "kanker"), so the repair knows them without
/// keeping a dictionary in memory.
public struct SpellingRepair: Sendable {
    /// Every slip of the lexicon's words, by the FNV-1a hash of the slip: about 100,000 of them, so
    /// hashes, not strings (2 MB instead of 15).
    public struct Slips: Sendable {
        fileprivate var wordOfSlip: [UInt64: Int32]
        fileprivate let words: [String]

        public var count: Int { wordOfSlip.count }

        /// The hashes of every slip, for a filter in front of `contains(hash:)`.
        public var hashes: Dictionary<UInt64, Int32>.Keys { wordOfSlip.keys }

        /// Whether a word of a dictionary (its bytes) is a slip: then it is an ordinary word instead.
        public func contains(hash: UInt64) -> Bool { wordOfSlip[hash] != nil }

        /// The lexicon word `slip` stands for.
        public func word(for slip: String) -> String? {
            wordOfSlip[SpellingRepair.hash(slip.utf8)].map { words[Int($0)] }
        }
    }

    private let slips: Slips
    /// Hashes of the lexicon's plain words, for a stretched word written back ("haaaat" → "haat").
    private let lexiconWords: Set<UInt64>
    /// Vowel-less skeletons of words that start compounds ("knkr" → "kanker" for "knkrjf").
    private let compoundHeads: [(skeleton: String, word: String)]

    /// The forms a dictionary must be asked about: every slip of the lexicon's words. A slip two words
    /// share goes to the one more entries use ("knkr": "kanker", not its variant "kenker"), or to none.
    public static func slips(of lexicon: Lexicon) -> Slips {
        let literal = lexicon.literalWords()
        let taken = Set(literal.keys).union(lexicon.cueVocabulary()).map { hash($0.utf8) }
        let takenHashes = Set(taken)
        let words = literal.keys.sorted()
        let uses = words.map { literal[$0] ?? 0 }
        // The slip's word by number (its uses by `uses`): 12 bytes a slot of 100,000, not a copy of twice that.
        var best: [UInt64: Int32] = [:]
        best.reserveCapacity(words.count * 32)
        var ambiguous: Set<UInt64> = []
        var forms = SlipForms()
        for (number, word) in words.enumerated() where word.utf8.count >= 4 && word.utf8.allSatisfy(isLetter) {
            forms.read(word)
            // A slip met twice for one word changes nothing the second time: no need to dedupe.
            for key in forms.hashes {
                guard !takenHashes.contains(key) else { continue }
                guard let other = best[key], other != Int32(number) else {
                    best[key] = Int32(number)
                    continue
                }
                if uses[number] == uses[Int(other)] {
                    ambiguous.insert(key)
                } else if uses[number] > uses[Int(other)] {
                    best[key] = Int32(number)
                }
            }
        }
        for key in ambiguous { best[key] = nil }
        return Slips(wordOfSlip: best, words: words)
    }

    /// `ordinaryWords`: the slips that a dictionary knows as words of their own; those are never repaired.
    public init(lexicon: Lexicon, ordinaryWords: Set<String>) {
        self.init(
            slips: Self.slips(of: lexicon), lexicon: lexicon, ordinary: Set(ordinaryWords.map { Self.hash($0.utf8) }))
    }

    /// `ordinary`: hashes (`hash`) of the slips a dictionary knows as words of their own.
    public init(slips: Slips, lexicon: Lexicon, ordinary: Set<UInt64>) {
        var slips = slips
        for key in ordinary { slips.wordOfSlip[key] = nil }
        self.slips = slips
        lexiconWords = Set(lexicon.literalWords().keys.map { Self.hash($0.utf8) })
        compoundHeads = lexicon.compoundPrefixes().compactMap { word in
            let skeleton = Self.skeleton(word, dropping: Self.vowelsAndY)
            return skeleton.utf8.count >= 3 && skeleton != word ? (skeleton, word) : nil
        }.sorted { $0.skeleton.utf8.count > $1.skeleton.utf8.count }
    }

    public var count: Int { slips.count }

    /// FNV-1a over bytes: the key of a slip, the same for a post's word and a dictionary's line.
    public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return value
    }

    /// The lexicon word a post word stands for, or nil when it is no known slip.
    func repaired(_ key: String) -> String? {
        if let word = slips.word(for: key) { return word }
        // "knkrwijf": no Dutch or English word starts with a curse's skeleton ("knkr", "trng", "tfs").
        guard key.utf8.count > 3, key.utf8.allSatisfy(Self.isLetter) else { return nil }
        for head in compoundHeads where key.utf8.count > head.skeleton.utf8.count && key.hasPrefix(head.skeleton) {
            return head.word + key.dropFirst(head.skeleton.count)
        }
        return nil
    }

    func isLexiconWord(_ key: String) -> Bool { lexiconWords.contains(Self.hash(key.utf8)) }

    /// A stretched word read back: its runs of three or more letters written twice ("haaaat" → "haat",
    /// "doooood" → "dood"), when that is a lexicon word. A key writes such a run once ("hat"), which
    /// loses the double vowel of "haat"; nobody stretches "hat" to mean "haat" by accident. `letters`:
    /// the word as written, lowercased; nil unless it is all a-z with a run of three or more.
    func unstretched(_ letters: [UInt8]) -> String? {
        guard letters.count > 3, letters.allSatisfy(Self.isLetter) else { return nil }
        var word: [UInt8] = []
        var stretched = false
        var index = 0
        while index < letters.count {
            var end = index + 1
            while end < letters.count, letters[end] == letters[index] { end += 1 }
            stretched = stretched || end - index >= 3
            word.append(contentsOf: repeatElement(letters[index], count: min(end - index, 2)))
            index = end
        }
        return stretched && lexiconWords.contains(Self.hash(word)) ? String(decoding: word, as: UTF8.self) : nil
    }

    // MARK: - The forms of a word

    static let vowels: Set<UInt8> = Set("aeiou".utf8)
    static let vowelsAndY: Set<UInt8> = Set("aeiouy".utf8)

    static func isLetter(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }

    static func skeleton(_ word: String, dropping: Set<UInt8>) -> String {
        String(decoding: word.utf8.filter { !dropping.contains($0) }, as: UTF8.self)
    }
}

extension Lexicon {
    /// The plain words of the category entries (not the cue lists) with the number of entries that
    /// use each.
    func literalWords() -> [String: Int] {
        var uses: [String: Int] = [:]
        for entry in entries {
            for case .word(let pattern) in entry.phrase.items {
                switch pattern {
                case .exact(let word), .prefix(let word): uses[word, default: 0] += 1
                case .oneOf(let words): for word in words { uses[word, default: 0] += 1 }
                case .suffix, .any: break
                }
            }
        }
        return uses
    }

    /// The words that start compounds (`kanker*`), sorted.
    func compoundPrefixes() -> [String] {
        var prefixes: Set<String> = []
        for entry in entries {
            for case .word(.prefix(let word)) in entry.phrase.items { prefixes.insert(word) }
        }
        return prefixes.sorted()
    }

    /// Every plain word of the cue lists ("niet", "politie"): never read as a slip of an entry's word.
    /// Not the `ground` list: its stems ("mongol", "nigg") only let the model name discrimination, and
    /// must not stop "mongol" being read as the insult "mongool".
    func cueVocabulary() -> Set<String> {
        var words: Set<String> = []
        for (list, phrases) in cues where list != "ground" {
            for phrase in phrases {
                for case .word(let pattern) in phrase.items {
                    if case .exact(let word) = pattern { words.insert(word) }
                    if case .oneOf(let alternatives) = pattern { words.formUnion(alternatives) }
                }
            }
        }
        return words
    }
}
