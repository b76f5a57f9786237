/// Shortened forms of a name that count after an honorific, where the honorific shows that a person
/// is meant, or else only with context: a clipped last word of a two-word surname ("meneer El Amr"
/// for El Amrani) and a name written without its vowels ("mnr Strhs" for Oosterhuis).
extension NameForms {
    /// "El Amrani" → [["el", "amr"], ["el", "amra"]]: the surname's core (without tussenvoegsels) of at
    /// least two words, its last word cut to three letters or more and at least two short of the word.
    static func clippedSurnames(_ surnames: [String]) -> [[String]] {
        var clipped: [[String]] = []
        for surname in surnames where !surname.contains("-") {
            let words = MatchText.words(surname)
            let core = words.drop { tussenvoegselKeys.contains($0) }
            guard core.count >= 2, let last = core.last, last.count >= 6 else { continue }
            for length in 3...(last.count - 2) {
                clipped.append(Array(words.dropLast()) + [String(last.prefix(length))])
            }
        }
        return clipped
    }

    /// The consonant skeleton of each name word of every staff member ("Oosterhuis" → "strhs"), kept
    /// only when it has `minimum` consonants or more (three letters as a key), differs from the word,
    /// and belongs to one name word of one person: a skeleton that two names share says nothing. Made
    /// from the letters as written and then made a match key, since a key reads "l" as "i" ("Mulder" →
    /// "mldr" → "midr"). Four alone; after an honorific three ("jf mrk", "mstr ptr"): the honorific says
    /// a person is meant, and a three-letter skeleton alone is an abbreviation as often.
    static func skeletons(_ staff: [StaffMember], minimum: Int = 4) -> [String: (entity: String, word: String)] {
        var owners: [String: Set<String>] = [:]
        var found: [String: (entity: String, word: String)] = [:]
        for member in staff {
            for token in MatchText.tokens(member.name, readingLAsI: false) {
                let word = MatchText.key(Array(token.folded.utf8))
                guard !tussenvoegselKeys.contains(word) else { continue }
                let consonants = token.folded.filter { !vowels.contains($0) }
                let skeleton = MatchText.key(Array(consonants.utf8))
                guard consonants.count >= minimum, skeleton.count >= 3, skeleton != word else { continue }
                owners[skeleton, default: []].insert(member.id + " " + word)
                found[skeleton] = (member.id, word)
            }
        }
        let nameWords = Set(staff.flatMap { MatchText.words($0.name) })
        return found.filter { owners[$0.key]?.count == 1 && !nameWords.contains($0.key) }
    }

    /// The school's name without its school word, article and vowels ("De Zeehoek" → "zhk"), when each
    /// word keeps three consonants or more and differs from the word; nil otherwise (a short name's
    /// skeleton is some other abbreviation as often). Made from the letters as written, then made a
    /// key, as `skeletons` does: a key reads "l" as "i", which would drop every "l".
    static func schoolSkeleton(_ name: String) -> [String]? {
        var skeleton: [String] = []
        for token in MatchText.tokens(name, readingLAsI: false) {
            let key = MatchText.key(Array(token.folded.utf8))
            guard !schoolWordKeys.contains(key), !articleKeys.contains(key) else { continue }
            let consonants = token.folded.filter { !vowels.contains($0) }
            guard consonants.count >= 3, consonants != token.folded else { return nil }
            skeleton.append(MatchText.key(Array(consonants.utf8)))
        }
        return skeleton.isEmpty ? nil : skeleton
    }

    /// What a skeleton leaves out ("Yilmaz" keeps its y: "ylmz").
    static let vowels: Set<Character> = ["a", "e", "i", "o", "u"]

    private static let tussenvoegselKeys: Set<String> = Set(tussenvoegsels.flatMap(MatchText.words))
}
