/// Whether a post may mention anyone, from the bytes and hashes of its keys alone: most posts name
/// no one, and for them the matcher's full pass (words as `String`s, candidates, context rules) is
/// skipped. Exact, not a guess: it answers no only when that pass would find nothing but the author,
/// that is when no form starts at any word, and no word is an honorific, starts a context phrase,
/// ends in a context word or a compound's honorific, is long enough to be a glued sentence, or is
/// written together with the word before it. A hash that collides only sends a post the long way.
struct MentionFilter: Sendable {
    /// `WordHash`es of the honorifics and of each context phrase's first word.
    private let words: Set<UInt64>
    /// `WordHash`es of the one-word context words a compound may end in, and their lengths.
    private let tails: Set<UInt64>
    private let tailLengths: [Int]
    /// Honorifics a compound may end in ("kankerjuf"); none when no compound heads are configured.
    private let compoundHonorifics: [[UInt8]]
    /// As `Matcher`'s glued sentences: a word this long may start with a surname.
    static let gluedLength = 14

    init(honorifics: [String], contextPhrases: [[String]], contextTails: [[UInt8]], compoundHonorifics: [String]) {
        words = Set((honorifics + contextPhrases.compactMap(\.first)).map(WordHash.of))
        tails = Set(contextTails.map(WordHash.of))
        tailLengths = Array(Set(contextTails.map(\.count))).sorted()
        self.compoundHonorifics = compoundHonorifics.map { Array($0.utf8) }
    }

    func mayMention(_ text: KeyedText, forms: PatternTrie) -> Bool {
        for index in text.words.indices {
            let word = text.words[index]
            let length = Int(word.keyEnd - word.keyStart)
            if length >= Self.gluedLength || words.contains(word.hash) { return true }
            // Split at a capital ("#DeZeehoek"): also matched as the one word it was written as.
            if index > 0, text.words[index - 1].end == word.start { return true }
            if forms.startsForm(in: text, at: index) { return true }
            guard length > 4 else { continue }
            let key = text.key(index)
            for tail in tailLengths where tail < length {
                if tails.contains(WordHash.of(key.suffix(tail))) { return true }
            }
            for honorific in compoundHonorifics where length > honorific.count {
                if key.suffix(honorific.count).elementsEqual(honorific) { return true }
            }
        }
        return false
    }
}
