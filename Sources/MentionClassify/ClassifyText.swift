import MentionMatch

/// One word of a post as the classifier reads it.
struct ClassWord: Sendable {
    /// The folded word: `MatchText` keys with "l" kept (the lexicon needs "lul" and "lijer" as written),
    /// "homo's" as "homos", "k*nker" with "*" for each masked letter, an emoji as itself.
    var key: String
    /// Offsets in Unicode scalars of the text, end exclusive.
    var start: Int
    var end: Int
    var sentence = 0
    /// Clauses end where sentences do and at a comma, colon, dash or bracket.
    var clause = 0
    /// Inside quotation marks: a quote is not the poster's own voice.
    var quoted = false
    /// Joined to the next word by a hyphen only ("kanker-juf"), so the pair can be read as one word.
    var hyphenNext = false
    /// The index of the name (`Mention`) this word is part of.
    var mention: Int?
}

/// A post split into classifier words and sentences, with the found names laid over it.
struct ClassifyText: Sendable {
    let text: String
    let scalars: [Unicode.Scalar]
    private(set) var words: [ClassWord]
    /// The words of each sentence, and the sentences that end in a question mark.
    let sentences: [Range<Int>]
    let questions: Set<Int>

    /// `abbreviations`: words after which a dot does not end a sentence (the lexicon's `abbreviation`
    /// list); a dot after a single letter never does. The words themselves do not depend on them.
    init(_ text: String, mentions: [Mention] = [], abbreviations: Set<String> = []) {
        self.text = text
        let scalars = Array(text.unicodeScalars)
        var words = Self.joined(MatchText.tokens(text, readingLAsI: false), scalars)
        words = Self.withEmoji(words, scalars)
        var sentence = 0
        var clause = 0
        var quotes = QuoteTracker()
        let byStart = mentions.indices.filter { mentions[$0].start < mentions[$0].end }.sorted {
            (mentions[$0].start, $0) < (mentions[$1].start, $1)
        }
        var nextMention = 0
        var position = 0
        for index in words.indices {
            while position < words[index].start {
                quotes.read(scalars, position)
                position += 1
            }
            if index > 0 {
                let gap = scalars[min(words[index - 1].end, words[index].start)..<words[index].start]
                if Self.endsSentence(gap, after: words[index - 1].key, abbreviations: abbreviations) {
                    sentence += 1
                    clause += 1
                } else if gap.contains(where: { ",:()\u{2013}\u{2014}".unicodeScalars.contains($0) }) {
                    clause += 1
                }
            }
            words[index].sentence = sentence
            words[index].clause = clause
            words[index].quoted = quotes.open
            position = max(position, words[index].end)
            // Mentions come sorted by start: one sweep lays them over the words.
            while nextMention < byStart.count, mentions[byStart[nextMention]].end <= words[index].start {
                nextMention += 1
            }
            var probe = nextMention
            while probe < byStart.count, mentions[byStart[probe]].start < words[index].end {
                let mention = mentions[byStart[probe]]
                if words[index].start < mention.end {
                    words[index].mention = byStart[probe]
                    break
                }
                probe += 1
            }
        }
        self.words = words
        self.scalars = scalars
        var sentences = [Range<Int>](repeating: 0..<0, count: sentence + 1)
        var questions: Set<Int> = []
        var first = 0
        for index in words.indices where index + 1 == words.count || words[index + 1].sentence != words[index].sentence
        {
            sentences[words[index].sentence] = first..<(index + 1)
            let after = scalars[words[index].end..<(index + 1 < words.count ? words[index + 1].start : scalars.count)]
            if after.contains("?") { questions.insert(words[index].sentence) }
            first = index + 1
        }
        self.sentences = sentences
        self.questions = questions
    }

    /// Obfuscated words read back as the lexicon word they hide ("knkr" as "kanker"); names stay as written.
    mutating func repairSpelling(_ repair: SpellingRepair) {
        for index in words.indices where words[index].mention == nil {
            if let word = repair.repaired(words[index].key) {
                words[index].key = word
            } else if let letters = stretchedLetters(words[index]), let word = repair.unstretched(letters),
                !repair.isLexiconWord(words[index].key)
            {
                words[index].key = word
            }
        }
    }

    /// A word's ASCII letters, lowercased, when it has a run of three or more of one letter ("haaaat");
    /// nil for most words, which have none.
    private func stretchedLetters(_ word: ClassWord) -> [UInt8]? {
        let written = scalars[word.start..<word.end]
        guard written.count > 3,
            zip(written, zip(written.dropFirst(), written.dropFirst(2))).contains(where: { $0 == $1.0 && $0 == $1.1 })
        else { return nil }
        return written.map { scalar in
            let value = scalar.value
            return value >= 65 && value <= 90 ? UInt8(value + 32) : value < 128 ? UInt8(value) : 0
        }
    }

    /// The words of a sentence (none for a sentence number out of range).
    func words(inSentence sentence: Int) -> ArraySlice<ClassWord> {
        sentence >= 0 && sentence < sentences.count ? words[sentences[sentence]] : []
    }

    /// The keys of a lexicon word or phrase, folded exactly as post words are.
    static func keys(_ phrase: String) -> [String] {
        if let key = plainKey(phrase) { return [key] }
        return ClassifyText(phrase).words.map(\.key)
    }

    /// The key of a word of letters a-z only, as `MatchText` folds it (a run of three or more letters
    /// written once, a pair kept), without splitting a text: most lexicon words are such words, and
    /// the whole way cost a tenth of a poll that finds nothing new. Nil for any other text.
    static func plainKey(_ word: String) -> String? {
        guard !word.isEmpty, word.utf8.allSatisfy({ $0 &- UInt8(ascii: "a") < 26 }) else { return nil }
        let letters = Array(word.utf8)
        var key: [UInt8] = []
        key.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            var end = index + 1
            while end < letters.count, letters[end] == letters[index] { end += 1 }
            key.append(letters[index])
            if end - index == 2 { key.append(letters[index]) }
            index = end
        }
        return String(decoding: key, as: UTF8.self)
    }

    func surface(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(scalars[words[range.lowerBound].start..<words[range.upperBound - 1].end]))
    }

    // MARK: - Building the words

    /// English contractions of a pronoun and a verb, read as the two words ("they're" as "they are"), so
    /// a phrase "@target are ..." finds "they're ..." too: each pronoun with the ending and verb of its
    /// contraction.
    private static let contracted: [String: (ending: String, verb: String)] = [
        "he": ("s", "is"), "she": ("s", "is"), "they": ("re", "are"), "you": ("re", "are"), "we": ("re", "are"),
        "i": ("m", "am"),
    ]
    /// Written without the apostrophe only these split: "hes" is a Dutch vest, and "im" is left as written.
    static let unambiguousContractions: Set<String> = ["theyre", "youre"]
    private static let hasBefore: Set<String> = ["got", "been", "had", "gotten"]

    /// The verb `ending` stands for after `pronoun` ("he" + "s" is "is"; before "got", "been", "had" it is
    /// "has"), or nil when the two make no contraction. The rules and the model's words both ask it.
    static func contractedVerb(_ pronoun: String, _ ending: String, before next: String?) -> String? {
        guard let form = contracted[pronoun], form.ending == ending else { return nil }
        return form.verb == "is" && next.map(hasBefore.contains) == true ? "has" : form.verb
    }

    /// A contraction written as one word without its apostrophe ("theyre"), as its pronoun and verb.
    static func unambiguousContraction(_ word: String) -> (pronoun: String, verb: String)? {
        guard unambiguousContractions.contains(word) else { return nil }
        let pronoun = String(word.dropLast(2))
        return contractedVerb(pronoun, "re", before: nil).map { (pronoun, $0) }
    }

    /// Apostrophes as typed: straight, curly, the acute accent of Dutch keyboards. (The modifier letter
    /// apostrophe is a letter: it stays inside its word.)
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{2018}", "\u{00B4}"]

    /// Apostrophe endings join their word ("homo's", "zo'n"); stars between letters mask letters
    /// ("k*nker", "f**k"); a lone hyphen between words is remembered. A contraction of a pronoun and a
    /// verb is two words (`contractedVerb`).
    private static func joined(_ tokens: [TextToken], _ scalars: [Unicode.Scalar]) -> [ClassWord] {
        var out: [ClassWord] = []
        for (index, token) in tokens.enumerated() {
            if var last = out.last {
                let gap = scalars[last.end..<token.start]
                if gap.count == 1, let mark = gap.first, apostrophes.contains(mark), token.end - token.start <= 3 {
                    let next = index + 1 < tokens.count ? tokens[index + 1].folded : nil
                    if let verb = contractedVerb(last.key, token.folded, before: next) {
                        out.append(ClassWord(key: verb, start: token.start - 1, end: token.end))
                        continue
                    }
                    last.key += token.folded
                    last.end = token.end
                    out[out.count - 1] = last
                    continue
                }
                if (1...3).contains(gap.count), gap.allSatisfy({ $0 == "*" }) {
                    last.key += String(repeating: "*", count: gap.count) + token.folded
                    last.end = token.end
                    out[out.count - 1] = last
                    continue
                }
                if gap.count == 1, gap.first == "-" { out[out.count - 1].hyphenNext = true }
            }
            if let (pronoun, verb) = unambiguousContraction(token.folded) {
                // Written without the apostrophe, and maybe stretched or spaced ("theyyyre"): both words
                // span the whole, so evidence never cuts it.
                out.append(ClassWord(key: pronoun, start: token.start, end: token.end))
                out.append(ClassWord(key: verb, start: token.start, end: token.end))
                continue
            }
            out.append(ClassWord(key: token.folded, start: token.start, end: token.end))
        }
        return out
    }

    /// Emoji are words too: 🔪 next to a name is a threat. Keycaps and plain digits are not emoji here.
    private static func withEmoji(_ words: [ClassWord], _ scalars: [Unicode.Scalar]) -> [ClassWord] {
        var emoji: [ClassWord] = []
        // Ⓜ and 🅰 🅱 🅾 🅿 are letters too: they are inside words already.
        for (offset, scalar) in scalars.enumerated()
        where scalar.value >= 0x2300 && scalar.properties.isEmoji && !TextTokens.isWordScalar(scalar) {
            emoji.append(ClassWord(key: String(scalar), start: offset, end: offset + 1))
        }
        guard !emoji.isEmpty else { return words }
        return (words + emoji).sorted { $0.start < $1.start }
    }

    /// A sentence ends at . ! ? ; … or a line break, but not at the dot of "mevr." or an initial ("M. Verbeek").
    private static func endsSentence(_ gap: ArraySlice<Unicode.Scalar>, after word: String, abbreviations: Set<String>)
        -> Bool
    {
        for scalar in gap {
            switch scalar {
            case "!", "?", ";", "\n", "\u{2026}": return true
            case ".":
                if word.unicodeScalars.count == 1 || abbreviations.contains(word) { continue }
                return true
            default: continue
            }
        }
        return false
    }
}

/// Follows quotation marks through a text. Straight and curly double quotes, „ … ” and « »;
/// single quotes only at a word's edge, so the apostrophe in "zo'n" is not a quote.
private struct QuoteTracker {
    var open = false

    mutating func read(_ scalars: [Unicode.Scalar], _ index: Int) {
        let scalar = scalars[index]
        let before = index > 0 ? scalars[index - 1] : " "
        let after = index + 1 < scalars.count ? scalars[index + 1] : " "
        switch scalar {
        case "\"": open.toggle()
        case "\u{201C}", "\u{201E}", "\u{00AB}": open = true
        case "\u{201D}", "\u{00BB}": open = false
        case "\n": open = false  // a quotation that is never closed ends with its line
        case "'", "\u{2018}", "\u{2019}":
            let letterBefore = TextTokens.isWordScalar(before)
            let letterAfter = TextTokens.isWordScalar(after)
            // "'t", "'s", "'n", "'k": Dutch elisions, not quotation marks.
            let afterNext = index + 2 < scalars.count ? scalars[index + 2] : " "
            if letterAfter, !TextTokens.isWordScalar(afterNext), "tsnkTSNK".unicodeScalars.contains(after) { return }
            // A quotation may end in its own punctuation: 'hou op!', 'echt?'.
            let endsQuote = letterBefore || "!?.…".unicodeScalars.contains(before)
            if !letterBefore, letterAfter, !open {
                open = true
            } else if endsQuote, !letterAfter, open {
                open = false
            }
        default: break
        }
    }
}
