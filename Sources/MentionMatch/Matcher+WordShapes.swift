/// What a word or a run of words is where a name was found: an ordinary word after an article, the
/// school's name spelled out, a house number, a phrase among the words.
extension Matcher {
    /// "in het bos", "een berg": a name word that is also an ordinary word, used as one after an article.
    /// Case says little (pupils write "mulder is een sukkel"), and neither does a rare dictionary word
    /// alone, so the article decides. (For a one-word surname or first name at `from`.) The article as
    /// written, not its key: keys fold a doubled letter, so "aan" and "en" would be "an" and "een"
    /// ("iets aan Mulder vragen", "De Vries en Mulder"). An epithet names the person, written with a
    /// capital: "die kneus van een Mulder", "zo'n Mulder" (but "een foto van een bos").
    static func isOrdinaryWord(
        at from: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar],
        _ ordinaryWords: Set<String>
    ) -> Bool {
        guard !ordinaryWords.isEmpty, from > 0 else { return false }
        let word = words[from]
        guard ordinaryWords.contains(word) || (word.hasSuffix("s") && ordinaryWords.contains(String(word.dropLast())))
        else { return false }
        let article = written(tokens[from - 1], scalars)
        guard writtenArticles.contains(article) else { return false }
        let epithet =
            from > 1
            && (article == "n"
                ? words[from - 2] == "zo" : indefinite.contains(article) && epithetWords.contains(words[from - 2]))
        return !(epithet && scalars[tokens[from].start].properties.isUppercase)
    }

    /// A token as written, lowercased.
    static func written(_ token: TextToken, _ scalars: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[token.start..<token.end])
        return String(text).lowercased()
    }

    private static let writtenArticles: Set<String> = [
        "de", "het", "t", "een", "n", "the", "a", "an", "mijn", "ons", "onze",
    ]
    private static let indefinite: Set<String> = ["een", "a", "an"]
    private static let epithetWords: Set<String> = Set(MatchText.words("van of"))

    /// "boos" (angry) is no Bos, though its key is hers (keys fold doubled letters): written so, a name
    /// word with a letter doubled is the ordinary word it makes (`MatchingSettings.stretchedWords`).
    static func isStretchedWord(_ token: TextToken, _ scalars: [Unicode.Scalar], _ stretchedWords: Set<String>)
        -> Bool
    {
        guard !stretchedWords.isEmpty else { return false }
        var written = String.UnicodeScalarView()
        written.append(contentsOf: scalars[token.start..<token.end])
        return stretchedWords.contains(String(written).lowercased())
    }

    /// "Z e e h o e k", "Z.e.e.h.o.e.k": the school's name spelled out letter by letter (five or more) is
    /// written to be read as that name, not a street or a beach pavilion, so it needs no context.
    static func isSpelledOut(
        _ form: PatternTrie.FormFacts, _ from: Int, _ to: Int, _ tokens: [TextToken], _ scalars: [Unicode.Scalar]
    ) -> Bool {
        guard form.isSchool, to - from == 1, form.wordCount == 1, form.firstWordBytes >= 5 else { return false }
        let token = tokens[from]
        return scalars[token.start..<token.end].contains { " .-_*".unicodeScalars.contains($0) }
    }

    /// "14", "3a", "112": a house number, in the text as written (a year such as 2026 is not one; nor
    /// is "06" of a phone number "06-12345678": no house number starts with 0). Its letter is one of the
    /// first few ("14a", "3-D"): "1s" and "1k" are "is" and "ik" with a digit for the i.
    static func isHouseNumber(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = written.prefix { $0.isASCII && $0.properties.numericType != nil }
        let letter = written.dropFirst(digits.count).first.map { "abcdABCD".unicodeScalars.contains($0) } ?? true
        return (1...3).contains(digits.count) && written.count - digits.count <= 1 && digits.first != "0" && letter
    }

    static func matches(_ pattern: [String], _ words: [String], at index: Int) -> Bool {
        guard index + pattern.count <= words.count else { return false }
        for offset in 1..<max(pattern.count, 1) where words[index + offset] != pattern[offset] { return false }
        return true
    }

    static func contains(_ phrase: [String], in words: [String]) -> Bool {
        words.indices.contains { words[$0] == phrase[0] && matches(phrase, words, at: $0) }
    }

    /// "die Zeehoek" is as plainly the school as "de Zeehoek", which is a form of its own; so are
    /// "die hele Zeehoek" and "die kut Zeehoek" (`TargetWords.beforeBareName`).
    static func demonstrated(_ names: [[String]], between words: [String]) -> [[String]] {
        let gaps: [[String]] = [[]] + words.map(MatchText.words)
        var phrases: [[String]] = []
        for name in names {
            for demonstrative in TargetWords.demonstratives.map(MatchText.words) {
                for gap in gaps { phrases.append(demonstrative + gap + name) }
            }
        }
        return phrases
    }

    /// Whether a word ends in these bytes and is longer than them ("kutschool" ends in "school").
    static func endsWith(_ word: String, _ tail: [UInt8]) -> Bool {
        let bytes = word.utf8
        guard bytes.count > tail.count else { return false }
        return bytes.suffix(tail.count).elementsEqual(tail)
    }
}

/// Name words that are ordinary words (`MatchingSettings.ordinaryWords`, as match keys) and the ordinary
/// words a name word becomes with a letter doubled (`stretchedWords`, as written).
struct OrdinaryNameWords: Sendable {
    let keys: Set<String>
    let stretched: Set<String>

    init(_ matching: MatchingSettings) {
        keys = Set(matching.ordinaryWords.flatMap(MatchText.words))
        stretched = matching.stretchedWords
    }

    /// Whether the one-word name at `from` is an ordinary word there: "in het bos", or "boos" written so.
    func contains(at from: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar]) -> Bool {
        Matcher.isOrdinaryWord(at: from, words, tokens, scalars, keys)
            || Matcher.isStretchedWord(tokens[from], scalars, stretched)
    }
}
