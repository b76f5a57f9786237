/// Whole surnames that need no context, of six letters or more, looked for at the start of a
/// sentence written as one word ("OOSTERHUISISEENDIKKEKUTBOER"). The first of them, in order, whose
/// word starts the long word: found by looking up the word's prefixes, not by trying thousands of
/// names one by one (10,000 staff give thousands of such surnames). And the school's own names that
/// need no context, of eight letters or more ("dezehoek", "prozehoek"), anywhere in such a word:
/// "allelerarenvandezeehoekmoetendood" names the school as plainly as its words apart would. A
/// surname inside a word is not looked for: "Berg" is in "bergschoen". A head of more words is looked
/// for as one ("jufmariekeisdedomste": the honorific and the name glued too).
struct GluedHeads: Sendable {
    private let heads: [NamePattern]
    /// Each head's words as one key.
    private let keys: [String]
    /// Each head's index among the trie's forms (`PatternTrie.facts`).
    private let forms: [Int32]
    /// An ASCII head word → the first index that has it.
    private let firstIndex: [String: Int]
    private let lengths: [Int]
    /// Heads with other letters, tried one by one as before (String prefixes compare characters).
    private let otherHeads: [Int]
    /// The school's names looked for anywhere in the word: their keys and indices in `heads`.
    private let inside: [(key: [UInt8], index: Int)]

    /// `heads` and `inside` are among the forms of `trie`.
    init(_ heads: [NamePattern], inside: [NamePattern] = [], in trie: PatternTrie) {
        self.heads = heads + inside
        // Joined words are keyed again: "juf" + "fatma" is "jufatma" (a doubled letter folds).
        keys = self.heads.map { $0.words.count == 1 ? $0.words[0] : MatchText.key(Array($0.words.joined().utf8)) }
        self.inside = inside.enumerated().map { (Array($1.words[0].utf8), heads.count + $0) }
        forms = self.heads.map { head in
            guard let form = trie.formIndex(of: head) else {
                preconditionFailure("a glued head is no form of the trie")
            }
            return form
        }
        var firstIndex: [String: Int] = [:]
        var otherHeads: [Int] = []
        for (index, key) in keys.prefix(heads.count).enumerated() {  // the prefix heads only
            if key.utf8.allSatisfy({ $0 < 0x80 }) {
                if firstIndex[key] == nil { firstIndex[key] = index }
            } else {
                otherHeads.append(index)
            }
        }
        self.firstIndex = firstIndex
        self.otherHeads = otherHeads
        lengths = Set(firstIndex.keys.map(\.utf8.count)).sorted()
    }

    /// The first head whose word starts `word`, if any.
    func head(of word: String) -> NamePattern? { headIndex(of: word).map { heads[$0] } }

    /// The same as its index among the trie's forms.
    func headForm(of word: String) -> Int32? { headIndex(of: word).map { forms[$0] } }

    private func headIndex(of word: String) -> Int? {
        prefixIndex(of: word) ?? insideIndex(of: Array(word.utf8))
    }

    private func insideIndex(of bytes: [UInt8]) -> Int? {
        for (key, index) in inside where key.count < bytes.count {
            for start in 0...(bytes.count - key.count) where bytes[start] == key[0] {
                guard bytes[start..<start + key.count].elementsEqual(key) else { continue }
                let rest = bytes[(start + key.count)...]
                // A letter shared by the name's end and the ending's start is written once in a key
                // ("zeehoek" + "kade" is "zehoekade").
                let isPlace = Self.placeEndings.contains { ending in
                    rest.starts(with: ending) || (ending.first == key.last && rest.starts(with: ending.dropFirst()))
                }
                if !isPlace { return index }
            }
        }
        return nil
    }

    /// A place named after the school's name ("dezeehoekstraat", "de Zeehoeklaan") is no school.
    private static let placeEndings: [[UInt8]] = [
        "straat", "weg", "laan", "plein", "kade", "dijk", "pad", "hof", "singel", "gracht", "park", "strand",
        "paviljoen", "steeg", "dreef", "erf",
    ].map { Array(MatchText.key(Array($0.utf8)).utf8) }

    private func prefixIndex(of word: String) -> Int? {
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
            return heads.indices.first { !isInside($0) && word.hasPrefix(keys[$0]) }
        }
        var best = otherHeads.first { word.hasPrefix(keys[$0]) }
        let bytes = Array(word.utf8)
        for length in lengths where length <= bytes.count {
            if let index = firstIndex[String(decoding: bytes[..<length], as: UTF8.self)],
                best.map({ index < $0 }) ?? true
            {
                best = index
            }
        }
        return best
    }

    private func isInside(_ index: Int) -> Bool { index >= heads.count - inside.count }
}
