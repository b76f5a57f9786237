/// "de toets van meneer Mulder is waardeloos", "het huiswerk van juf Marieke is achterlijk veel": a
/// target after "van" or "of" and a noun is that noun's owner, and the verb after it says something of
/// the noun, not of the person. An entry that starts with a target and a verb of being ("@target is
/// ... waardeloos") then does not count: blunt criticism of a lesson is no insult (issue 13's hard
/// negatives). Not for threats: "de auto van meneer Mulder gaat eraan" threatens him through his car.
/// Not when the noun is a person, a relative, a part of the body or a share of a group ("de moeder
/// van", "het gezicht van", "een van de leraren van De Zeehoek is …"): those still speak of the target.
extension Lexicon.Entry {
    func isSaidOfAnOwnedThing(at start: Int, in text: ClassifyText, people: Set<String>) -> Bool {
        guard category != .threat, start >= 2, phrase.items.count >= 2 else { return false }
        switch phrase.items[0] {
        case .target, .mention, .school: break
        default: return false
        }
        guard case .word(let verb) = phrase.items[1], OwnedThing.verbs.contains(where: verb.matches) else {
            return false
        }
        // Back over "de leerlingen van De Zeehoek": the owner may itself be a group of the school.
        var at = start
        let words = text.words
        while at >= 2, OwnedThing.joints.contains(words[at - 1].key), words[at - 1].mention == nil,
            words[at - 2].clause == words[start].clause
        {
            var noun = at - 2
            if let mention = words[noun].mention {
                while noun > 0, words[noun - 1].mention == mention { noun -= 1 }
            } else if OwnedThing.isPerson(words[noun].key, people: people) {
                if noun > 0, OwnedThing.articles.contains(words[noun - 1].key) { noun -= 1 }
            } else {
                return !OwnedThing.stillThePerson.contains(words[noun].key)
            }
            at = noun
        }
        return false
    }
}

enum OwnedThing {
    static let joints: Set<String> = ["van", "of"]
    static let articles: Set<String> = ["de", "het", "die", "deze", "alle", "the", "those", "all"]
    /// A word for a person: one of the `person` list, a compound that ends in one ("gymleraar",
    /// "anti-pestcoördinator"), or a word for a group of people.
    static func isPerson(_ word: String, people: Set<String>) -> Bool {
        people.contains(word) || groupWords.contains(word)
            || people.contains { $0.utf8.count >= 5 && word.utf8.count > $0.utf8.count && word.hasSuffix($0) }
    }

    static let groupWords: Set<String> = [
        "personeel", "staff", "team", "lui", "mensen", "people", "volk", "type", "types", "figuren", "crew",
    ]

    /// Verbs that say what the subject is, has or does to the senses.
    static let verbs: Set<String> = [
        "is", "zijn", "bent", "ben", "was", "waren", "wordt", "worden", "blijft", "blijven", "lijkt", "lijken",
        "heeft", "hebben", "ziet", "zien", "stinkt", "stinken", "ruikt", "meurt", "are", "were", "am", "has",
        "have", "looks", "smells", "stinks", "seems",
    ]
    /// Nouns before "van" that still speak of the person: relatives, the body and the voice, a share of
    /// a group, a word that is no noun ("genoeg van").
    static let stillThePerson: Set<String> = [
        // relatives
        "moeder", "vader", "mama", "papa", "ma", "pa", "vrouw", "man", "zoon", "dochter", "kind", "kinderen",
        "kids", "familie", "broer", "zus", "zusje", "broertje", "vriend", "vriendin", "mother", "father", "mom",
        "mum", "dad", "wife", "husband", "son", "daughter", "sister", "brother", "family",
        // the body, the voice, the look
        "gezicht", "kop", "hoofd", "smoel", "harses", "kanis", "stem", "lijf", "lichaam", "adem", "neus", "tanden",
        "ogen", "kont", "reet", "buik", "uiterlijk", "face", "voice", "body", "breath", "nose", "teeth", "looks",
        // a share of a group
        "een", "eentje", "twee", "drie", "sommige", "meeste", "veel", "paar", "helft", "deel", "rest", "geen",
        "niemand", "iemand", "iedereen", "elk", "ieder", "allen", "one", "some", "most", "many", "none", "all",
        "half", "each", "any", "few", "couple",
        // no noun
        "genoeg", "bang", "vol", "af", "last", "hekel",
    ]
}
