/// Words that sound like name-calling but judge what someone does or strengthen another word
/// (`HitContext.judge`): "dom bezig", "een idioot idee", "kankergoed", "achterlijk goed".
extension HitContext {
    /// "meneer Mulder is dom bezig", "de directie is echt gestoord bezig": an insult word right before
    /// "bezig" (doing), or before a word for a plan or a rule ("wat een idioot idee"), judges what someone
    /// does, which is blunt criticism, not name-calling (corpus/LABELS.md). Before "bezig" only a word said
    /// as an adverb, not a noun after an article ("die kankerlijer bezig", "een mongool bezig" call someone
    /// names), and nothing worse than medium (helper-104's review).
    func isConduct(_ hit: Hit) -> Bool {
        let after = hit.words.upperBound
        guard hit.category == .insult, hit.severity <= .medium, after < words.count,
            words[after].clause == words[after - 1].clause
        else { return false }
        // "wat een idioot idee", "een debiele regel": an adjective said of an idea or a decision, not of
        // anyone; not a noun ("wat een sukkel, regel jij dat maar") nor the word as a verb ("regel jij").
        if Self.ideas.contains(words[after].key), Self.adjectives.contains(words[after - 1].key) {
            return after + 1 == words.count || !Self.subjects.contains(words[after + 1].key)
        }
        guard words[after].key == "bezig" else { return false }
        return after < 2 || !Self.nounMarkers.contains(words[after - 2].key)
    }

    static let ideas: Set<String> = [
        "idee", "ideeen", "plan", "plannen", "regel", "regels", "besluit", "beslissing", "voorstel", "beleid",
        "systeem", "rooster", "idea", "ideas", "plans", "rule", "rules", "decision", "policy",
    ]

    /// Insult words said as adjectives before a word for a plan.
    static let adjectives: Set<String> = [
        "idioot", "idiote", "debiel", "debiele", "achterlijk", "achterlijke", "stom", "stomme", "dom", "domme",
        "belachelijk", "belachelijke", "gestoord", "gestoorde", "waardeloos", "waardeloze", "zinloos", "zinloze",
        "stupid", "dumb", "ridiculous", "idiotic", "moronic", "retarded",
    ]
    /// A pronoun after the plan word makes that word a verb.
    static let subjects: Set<String> = [
        "jij", "je", "ik", "hij", "zij", "ze", "we", "wij", "u", "you", "i", "he", "she", "they",
    ]

    static let nounMarkers: Set<String> = ["een", "die", "de", "het", "dat", "deze", "zon", "a", "the"]

    /// "kankergoed", "kanker lekker", "tering mooi": a curse that strengthens a word, aimed at nobody.
    func isIntensifier(_ hit: Hit) -> Bool {
        guard hit.category == .insult else { return false }
        if isDegreeAdjective(hit) { return true }
        guard hit.words.count == 1 || words[hit.words.lowerBound].hyphenNext else { return false }
        let word = words[hit.words.lowerBound]
        // Only a curse ("kanker lekker"): "klootzak, weer een 3" is no intensifier.
        guard let stem = curseStem(of: word.key) else { return false }
        if case .lexicon = hit.kind, word.key.count > stem.count,
            isIntensifierWord(String(word.key.dropFirst(stem.count)))
        {
            return true
        }
        let next = hit.words.upperBound
        return next < words.count && words[next].clause == words[hit.words.upperBound - 1].clause
            && isIntensifierWord(words[next].key)
    }

    /// "juf Marieke is achterlijk goed in wiskunde", "ze zijn gestoord creatief": a predicate that ends in
    /// an adjective said as a degree before a word of praise or a neutral measure praises or describes; it
    /// calls no one anything. Not before a negative word ("gestoord eng"), nor where a clause starts ("is
    /// achterlijk, goed dat ze weggaat", "achterlijk goed dat ze weggaat": helper-108's review).
    func isDegreeAdjective(_ hit: Hit) -> Bool {
        guard case .lexicon = hit.kind, hit.severity <= .medium, hit.words.count > 1 else { return false }
        let last = hit.words.upperBound - 1
        let next = hit.words.upperBound
        guard Self.degreeAdjectives.contains(words[last].key), next < words.count,
            words[next].clause == words[last].clause, Self.degreeOf.contains(words[next].key)
        else { return false }
        return next + 1 == words.count || !["dat", "that"].contains(words[next + 1].key)
    }

    static let degreeAdjectives: Set<String> = [
        "achterlijk", "debiel", "gestoord", "ziek", "ziekelijk", "abnormaal", "belachelijk", "krankzinnig",
        "waanzinnig", "bizar", "walgelijk", "idioot", "dom",
    ]

    /// Praise and neutral measures a degree adjective may strengthen.
    static let degreeOf: Set<String> = [
        "goed", "mooi", "lekker", "leuk", "snel", "sterk", "slim", "knap", "grappig", "lief", "gaaf", "tof", "cool",
        "vet", "gezellig", "handig", "creatief", "betrokken", "enthousiast", "aardig", "geduldig", "behulpzaam",
        "vriendelijk", "veel", "vaak", "duur", "groot", "hard", "druk", "lang", "gemotiveerd", "netjes", "precies",
        "fanatiek", "sportief", "nice", "good", "fast", "strong", "smart", "funny", "kind",
    ]

    func curseStem(of key: String) -> String? {
        for entry in lexicon.entries where entry.category == .insult {
            if case .word(.prefix(let value))? = entry.phrase.items.first, key.hasPrefix(value) { return value }
        }
        return nil
    }

    func isIntensifierWord(_ key: String) -> Bool {
        lexicon.cueIndex["intensifier"]?.singles.contains(key) ?? false
    }
}
