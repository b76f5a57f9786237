/// Reads each hit in its context: is it meant (negation, counter-speech, neutral reporting, a curse
/// as intensifier, one's own identity), and whom is it aimed at (design §7: an alert needs abuse
/// aimed at the school or its people).
struct HitContext {
    let text: ClassifyText
    let search: PhraseSearch
    let lexicon: Lexicon
    let mentions: [Mention]
    let isNews: Bool

    var words: [ClassWord] { text.words }

    func judge(_ hit: inout Hit) {
        guard !hit.words.isEmpty, hit.lowered == nil else { return }
        if isIntensifier(hit) { hit.lower(.intensifier) }
        else if isNegated(hit) { hit.lower(.negated) }
        else if isCounterSpeech(hit) { hit.lower(.counterSpeech) }
        else if isReported(hit) { hit.lower(.reported) }
        else if isOwnIdentity(hit) { hit.lower(.ownIdentity) }
    }

    /// "kankergoed", "kanker lekker", "tering mooi": a curse that strengthens a word, aimed at nobody.
    private func isIntensifier(_ hit: Hit) -> Bool {
        guard hit.category == .insult, hit.words.count == 1 || words[hit.words.lowerBound].hyphenNext else { return false }
        let word = words[hit.words.lowerBound]
        if case .lexicon = hit.kind, let prefix = curseStem(of: word.key) {
            let rest = String(word.key.dropFirst(prefix.count))
            if !rest.isEmpty, isIntensifierWord(rest) { return true }
        }
        let next = hit.words.upperBound
        return next < words.count && words[next].sentence == word.sentence && isIntensifierWord(words[next].key)
    }

    private func curseStem(of key: String) -> String? {
        for entry in lexicon.entries where entry.category == .insult {
            if case .word(.prefix(let value))? = entry.phrase.items.first, key.hasPrefix(value) { return value }
        }
        return nil
    }

    private func isIntensifierWord(_ key: String) -> Bool {
        (lexicon.cues["intensifier"] ?? []).contains { phrase in
            phrase.items.count == 1 && { if case .word(let pattern) = phrase.items[0] { return pattern.matches(key) } else { return false } }()
        }
    }

    /// A negation up to five words before the hit in its clause ("I would never call mr Mulder an
    /// idiot"), between its words ("ik maak je niet af"), or right after it at the end of the sentence
    /// ("ik haat homo's niet").
    private func isNegated(_ hit: Hit) -> Bool {
        let sentence = words[hit.words.lowerBound].sentence, clause = words[hit.words.lowerBound].clause
        for negation in search.occurrences(of: "negation") where words[negation.lowerBound].sentence == sentence {
            if negation.upperBound <= hit.words.lowerBound, hit.words.lowerBound - negation.upperBound <= 5,
               words[negation.upperBound - 1].clause == clause { return true }
            // Inside a lexicon phrase's gap ("maak je niet af"); a rule's own cue words may say "niet".
            if case .lexicon = hit.kind, negation.lowerBound >= hit.words.lowerBound, negation.upperBound <= hit.words.upperBound,
               !isLiteral(negation, in: hit) { return true }
            if negation.lowerBound == hit.words.upperBound, negation.upperBound == words.count || words[negation.upperBound].sentence != sentence { return true }
        }
        return false
    }

    /// Whether the entry itself names this word ("geen respect"), so it is not a negation of the entry.
    private func isLiteral(_ range: Range<Int>, in hit: Hit) -> Bool {
        guard case .lexicon(let number) = hit.kind else { return false }
        let entry = lexicon.entries[number]
        return range.allSatisfy { index in
            entry.phrase.items.contains { item in
                if case .word(let pattern) = item, pattern != .any { return pattern.matches(words[index].key) }
                return false
            }
        }
    }

    /// "Stop met juf Marieke uitschelden", "wie dat zegt moet zich schamen", "Wie verspreidt die foto?
    /// Stop ermee": speaking against abuse, in the hit's sentence or the next.
    private func isCounterSpeech(_ hit: Hit) -> Bool {
        let sentence = words[hit.words.lowerBound].sentence
        if search.cueInSentence("counter", sentence) != nil || search.cueInSentence("counter", sentence + 1) != nil { return true }
        return hit.words.allSatisfy { words[$0].quoted } && !search.occurrences(of: "counter").isEmpty
    }

    /// Neutral reporting: a report word in the sentence ("de politie onderzoekt", "is aangehouden"),
    /// a news post with a report word anywhere ("De school deed aangifte"), or a quotation in a news
    /// post or next to a report word.
    private func isReported(_ hit: Hit) -> Bool {
        let sentence = words[hit.words.lowerBound].sentence
        if search.cueInSentence("report", sentence) != nil { return true }
        if isNews, !search.occurrences(of: "report").isEmpty { return true }
        let quoted = hit.words.allSatisfy { words[$0].quoted }
        return quoted && (isNews || !search.occurrences(of: "report").isEmpty)
    }

    /// "Ik ben homo", "wij zijn moslims", "ik ben zo'n loser": about oneself, not aimed at others.
    private func isOwnIdentity(_ hit: Hit) -> Bool {
        guard hit.category == .discrimination || hit.category == .insult else { return false }
        return search.hasCue("firstperson", in: hit.words, before: 3)
    }

    // MARK: - Aim

    /// The names a hit is aimed at: a name inside it, a name in its sentence, or a name in one of the
    /// two sentences before when its sentence refers back with a pronoun or a person word ("..., die
    /// gaat spijt krijgen", "Ga haar maar opwachten").
    func aim(_ hit: inout Hit) {
        guard !hit.words.isEmpty else { return }
        let sentence = words[hit.words.lowerBound].sentence
        var aimed = Set(hit.words.compactMap { words[$0].mention })
        if aimed.isEmpty { aimed = Set(words.filter { $0.sentence == sentence }.compactMap(\.mention)) }
        if aimed.isEmpty, refersBack(sentence) {
            // A pronoun refers to a person: back to a staff member, not to the school.
            for earlier in stride(from: sentence - 1, through: max(0, sentence - 2), by: -1) {
                let named = words.filter { $0.sentence == earlier }.compactMap(\.mention).filter { mentions[$0].entity != "school" }
                if !named.isEmpty { aimed = Set(named); break }
            }
        }
        hit.aimedAt = aimed.sorted()
    }

    /// A pronoun, a school role or a plain word for a person ("die juf", "die vent") refers back,
    /// unless the sentence is about someone else ("Mijn broertje ... hij", "die scheids").
    private func refersBack(_ sentence: Int) -> Bool {
        guard search.cueInSentence("other", sentence) == nil else { return false }
        return ["role", "pronoun", "person"].contains { search.cueInSentence($0, sentence) != nil }
    }
}
