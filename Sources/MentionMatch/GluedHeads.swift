/// Whole surnames that need no context, of six letters or more, looked for at the start of a
/// sentence written as one word ("OOSTERHUISISEENDIKKEKUTBOER"). The first of them, in order, whose
/// word starts the long word: found by looking up the word's prefixes, not by trying thousands of
/// names one by one (10,000 staff give thousands of such surnames).
struct GluedHeads: Sendable {
    private let heads: [NamePattern]
    /// Each head's index among the trie's forms (`PatternTrie.facts`).
    private let forms: [Int32]
    /// An ASCII head word → the first index that has it.
    private let firstIndex: [String: Int]
    private let lengths: [Int]
    /// Heads with other letters, tried one by one as before (String prefixes compare characters).
    private let otherHeads: [Int]

    /// `heads` are among the forms of `trie`.
    init(_ heads: [NamePattern], in trie: PatternTrie) {
        self.heads = heads
        forms = heads.map { head in
            guard let form = trie.formIndex(of: head) else {
                preconditionFailure("a glued head is no form of the trie")
            }
            return form
        }
        var firstIndex: [String: Int] = [:]
        var otherHeads: [Int] = []
        for (index, head) in heads.enumerated() {
            if head.words[0].utf8.allSatisfy({ $0 < 0x80 }) {
                if firstIndex[head.words[0]] == nil { firstIndex[head.words[0]] = index }
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
        guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
            return heads.firstIndex(where: { word.hasPrefix($0.words[0]) })
        }
        var best = otherHeads.first { word.hasPrefix(heads[$0].words[0]) }
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
}
