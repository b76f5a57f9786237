/// "Volgens juf Marieke is dom zijn niet erg", "De Zeehoek is echt dom ver fietsen": a mild adjective that
/// ends an entry but not its clause belongs to what follows it, and is not said of the name before it
/// (helper-110's review). Said of someone it ends the clause, or a comparison, a second adjective or a
/// tag follows ("zo dom als", "dom en lelijk", "zo dom dat", "dom hoor").
extension Lexicon.Entry {
    func endsInAMildWordWithinItsClause(at range: Range<Int>, in text: ClassifyText) -> Bool {
        guard category == .insult, severity >= .medium, case .word(let last)? = phrase.items.last,
            MildPredicate.words.contains(where: last.matches)
        else { return false }
        let words = text.words
        let next = range.upperBound
        guard next < words.count, words[next].clause == words[next - 1].clause else { return false }
        return !MildPredicate.continuations.contains(words[next].key)
    }
}

enum MildPredicate {
    static let words: Set<String> = ["dom", "oliedom", "hersenloos"]
    /// Words that may follow the adjective in a clause that says it of someone.
    static let continuations: Set<String> = [
        "en", "als", "dat", "of", "maar", "hoor", "he", "joh", "zeg", "ofzo", "man", "echt", "gewoon", "toch",
        "eigenlijk", "geworden", "geweest", "allemaal", "ook", "nou", "serieus", "lol", "haha", "xd",
    ]
}
