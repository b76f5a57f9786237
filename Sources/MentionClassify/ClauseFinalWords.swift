/// "Volgens juf Marieke is dom zijn niet erg", "De Zeehoek is echt dom ver fietsen": a word that ends an
/// entry but not its clause may belong to what follows it, and then the entry does not say what it says
/// (helper-110's review). A mild adjective said of someone ends the clause, or a comparison, a second
/// adjective or a tag follows ("zo dom als", "dom en lelijk", "zo dom dat", "dom hoor"). So with an object
/// ("hebben samen een hersencel getekend"), a noun ("zit aan de meiden kant", "get sick of winning", "sick
/// pay") or a reason ("i hate you all for making me cry") after the word (helper-113's review).
extension Lexicon.Entry {
    func endsInAClauseFinalWordWithinItsClause(at range: Range<Int>, in text: ClassifyText) -> Bool {
        let words = text.words
        guard severity >= .medium, case .word? = phrase.items.last, !range.isEmpty,
            ClauseFinalWords.words.contains(words[range.upperBound - 1].key)
        else { return false }
        let next = range.upperBound
        guard next < words.count, words[next].clause == words[next - 1].clause else { return false }
        // "geen mens meer" has entries of its own ("… meer, gewoon een ding"); "is geen mens meer sinds …" is tired.
        if words[next].key == "meer", ClauseFinalWords.human.contains(words[next - 1].key) { return true }
        // Dutch "of" is "or" ("dom of lui"); after an English word it is "of" ("sick of winning").
        if words[next].key == "of", ClauseFinalWords.english.contains(words[next - 1].key) { return true }
        return !ClauseFinalWords.continuations.contains(words[next].key)
    }
}

enum ClauseFinalWords {
    static let words: Set<String> = [
        "dom", "oliedom", "hersenloos", "kankerdom", "kkdom", "tyfusdom", "teringdom", "kutdom", "klotedom",
        "strontdom",
        "hersencel", "meiden", "sick", "allemaal", "all", "mens", "mensen", "mense",
        // Idioms that end their clause (2026.12.70): "lacht niet lang meer", "won't be smiling for long", "learn
        // the hard way", "kan zijn veters niet strikken", "drinks on the job", "een vriendin van 17".
        "meer", "long", "way", "strikken", "gestrikt", "job", "room", "staffroom", "12", "13", "14", "15", "16", "17",
        // "gaat eraan" is done for; "gaat eraan beginnen" is not (2026.12.72).
        "eraan",
    ]
    static let human: Set<String> = ["mens", "mensen", "mense"]
    static let english: Set<String> = ["sick", "all", "long", "way", "job", "room", "staffroom"]
    /// Words that may follow in a clause that says it of someone.
    static let continuations: Set<String> = [
        "en", "als", "dat", "of", "maar", "hoor", "he", "joh", "zeg", "ofzo", "man", "echt", "gewoon", "toch",
        "eigenlijk", "geworden", "geweest", "allemaal", "ook", "nou", "serieus", "lol", "haha", "xd",
        "and", "so", "too", "already", "soon", "asap", "tomorrow", "pls", "please", "lmao", "to", "with", "in", "at",
        "during", "meer",
        "over", "na", "zodra", "morgen", "vanavond", "vandaag",
    ]
}
