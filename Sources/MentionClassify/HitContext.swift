import MentionMatch

/// Reads each hit in its context: is it meant (negation, counter-speech, neutral reporting, a curse
/// as intensifier, one's own identity), and whom is it aimed at (docs/classification.md: an alert needs abuse
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
        if isIntensifier(hit) {
            hit.lower(.intensifier)
        } else if isNegated(hit) {
            hit.lower(.negated)
        } else if isCounterSpeech(hit) {
            hit.lower(.counterSpeech)
        } else if isReported(hit) {
            hit.lower(.reported)
        } else if isOwnIdentity(hit) || isOwnAccount(hit) {
            hit.lower(.ownIdentity)
        } else if isGame(hit) {
            hit.lower(.game)
        } else if isFestive(hit) {
            hit.lower(.festive)
        } else if isConduct(hit) {
            hit.lower(.conduct)
        }
    }

    /// "weet nog niet wat haar morgen te wachten staat 😏 surprise feestje": a veiled threat that is
    /// a surprise party (`festive`, in the hit's sentence or the next). Never a critical threat ("op
    /// zijn verjaardag steek ik hem neer"), nor with a menacing emoji in the post (`menace`); "verrassing"
    /// and "surprise" alone are not festive, they are the veiled threat's own words ("morgen ligt er een
    /// verrassing onder de school").
    private func isFestive(_ hit: Hit) -> Bool {
        // Not beside a menacing emoji ("Hij is jarig, dus dat komt mooi uit 😈": helper-102's review).
        guard hit.category == .threat, hit.severity < .critical, search.occurrences(of: "menace").isEmpty else {
            return false
        }
        let sentence = words[hit.words.lowerBound].sentence
        return search.cueInSentence("festive", sentence) != nil || search.cueInSentence("festive", sentence + 1) != nil
    }

    /// "ik maak je af met trefbal", "I'll kill you in fortnite": a threat in a game whose own words
    /// are violent (`game`: a preposition and such a game, right after the threat, up to two words
    /// between). Not team sports: "tijdens de voetbal sla ik hem" is a fight.
    private func isGame(_ hit: Hit) -> Bool {
        guard hit.category == .threat else { return false }
        let sentence = words[hit.words.lowerBound].sentence
        let follows = { (cue: Range<Int>) in
            cue.lowerBound >= hit.words.upperBound && cue.lowerBound <= hit.words.upperBound + 2
        }
        if search.occurrences(of: "game", inSentence: sentence).contains(where: follows) { return true }
        // "we komen jullie afmaken in de finale": to finish a team off in a match is to beat it.
        return hit.words.contains { Self.finishing.contains(words[$0].key) }
            && (search.occurrences(of: "contest", inSentence: sentence).contains(where: follows)
                || hasMatchup(hit, sentence))
    }

    /// "zeehoek vs Dalburg morgen, we gaan ze afslachten": two sides of a match in the sentence. Not a
    /// person on either side of "vs" ("Ik vs meneer Mulder na school, ik maak hem af": a fight), nor a hit
    /// that names a person ("eerst ga ik meester Youssef afslachten"; helper-123's review).
    private func hasMatchup(_ hit: Hit, _ sentence: Int) -> Bool {
        func isPerson(_ index: Int) -> Bool {
            guard words.indices.contains(index) else { return false }
            if let mention = words[index].mention { return mentions[mention].entity != "school" }
            return Self.personal.contains(words[index].key)
        }
        guard !hit.words.contains(where: isPerson) else { return false }
        return search.occurrences(of: "matchup", inSentence: sentence).contains {
            !isPerson($0.lowerBound - 1) && !isPerson($0.upperBound)
        }
    }
    private static let personal: Set<String> = [
        "ik", "jij", "jou", "je", "hij", "zij", "mij", "me", "hem", "haar", "i", "you", "him", "her",
    ]
    private static let finishing: Set<String> = [
        "afmaken", "af", "afslachten", "inmaken", "vernietigen", "kill", "murder", "destroy", "slaughter",
        "merken",
    ]

    /// A negation up to five words before the hit in its clause ("I would never call mr Mulder an
    /// idiot"), between its words ("ik maak je niet af"), or right after it at the end of the sentence
    /// or clause ("ik haat homo's niet", "ik haat juf Marieke niet, maar ...").
    private func isNegated(_ hit: Hit) -> Bool {
        if isSaidOfNobody(hit) { return true }
        let sentence = words[hit.words.lowerBound].sentence
        let clause = words[hit.words.lowerBound].clause
        for negation in search.occurrences(of: "negation", inSentence: sentence) {
            // "geen mens maar een ...", "ik snap niet waarom ...": a contrast or a new clause ends the negation.
            if negation.upperBound <= hit.words.lowerBound, hit.words.lowerBound - negation.upperBound <= 5,
                words[negation.upperBound - 1].clause == clause,
                !search.occurrences(of: "contrast", inSentence: sentence).contains(where: {
                    $0.lowerBound >= negation.upperBound && $0.upperBound <= hit.words.lowerBound
                })
            {
                return true
            }
            // Inside a lexicon phrase's gap ("maak je niet af"); a rule's own cue words may say "niet".
            if case .lexicon = hit.kind, negation.lowerBound >= hit.words.lowerBound,
                negation.upperBound <= hit.words.upperBound,
                !isLiteral(negation, in: hit)
            {
                return true
            }
            // Dutch puts "niet" after the object: "ik haat juf Marieke niet, ik snap haar alleen niet".
            if negation.lowerBound == hit.words.upperBound,
                negation.upperBound == words.count
                    || words[negation.upperBound].clause != words[negation.upperBound - 1].clause
            {
                return true
            }
        }
        // "meester Jan steelt niks": "niks" and "niets" end the clause after a verb as "niet" does. (They
        // are no negation words elsewhere: "juf Marieke kan niks" still insults her.)
        if case .lexicon = hit.kind,
            hit.words.dropFirst().contains(where: {
                saysNothing(at: $0) && !isLiteral($0..<$0 + 1, in: hit)
            })
        {
            return true  // in a phrase's gap: "steelt niks, dat gereedschap"
        }
        let after = hit.words.upperBound
        if after < words.count, saysNothing(at: after),
            after + 1 == words.count || words[after + 1].clause != words[after].clause
        {
            return true
        }
        return false
    }

    /// "niks" or "niets" as "not"; not "niks anders dan", "niks minder dan", "voor niks", "om niks".
    private func saysNothing(at index: Int) -> Bool {
        guard Self.nothing.contains(words[index].key) else { return false }
        if index + 1 < words.count, Self.nothingBut.contains(words[index + 1].key) { return false }
        return index == 0 || !Self.forNothing.contains(words[index - 1].key)
    }
    private static let nothing: Set<String> = ["niks", "niets"]
    private static let nothingBut: Set<String> = ["anders", "minder", "meer", "dan", "liever"]
    private static let forNothing: Set<String> = ["voor", "om", "van"]

    /// "niemand op De Zeehoek is dom", "nobody at Zeehoek is stupid": a hit that opens with its target,
    /// whose people it speaks of are no one. ("niemand" is no negation word itself: "niemand wil naast die
    /// vieze juf zitten" still insults her.)
    private func isSaidOfNobody(_ hit: Hit) -> Bool {
        // The hit opens with the name, or right after it ("niemand van het MT is een crimineel").
        var start = hit.words.lowerBound
        if words[start].mention == nil, start > 0, let name = words[start - 1].mention {
            start -= 1
            while start > 0, words[start - 1].mention == name { start -= 1 }
        }
        guard words[start].mention != nil, isNobody(before: start) else { return false }
        // "niemand op De Zeehoek is zo dom als juf Marieke": compared with someone named, it insults them.
        let sentence = words[start].sentence
        var index = hit.words.upperBound
        while index + 1 < words.count, words[index].sentence == sentence {
            if Self.comparing.contains(words[index].key),
                words[(index + 1)...].prefix(3).contains(where: { $0.mention != nil })
            {
                return false
            }
            index += 1
        }
        return true
    }

    /// Whether "niemand" comes before the found name at `start`, joined to it by "op", "van", …, maybe
    /// through other names of the school: "niemand van het MT van PrO Zeehoek".
    private func isNobody(before start: Int) -> Bool {
        var at = start
        while at >= 2, Self.joints.contains(words[at - 1].key), words[at - 2].clause == words[start].clause {
            let before = at - 2
            if Self.nobody.contains(words[before].key) { return true }
            if words[before].key == "one", before >= 1, words[before - 1].key == "no" { return true }
            guard let name = words[before].mention else { return false }
            at = before
            while at > 0, words[at - 1].mention == name { at -= 1 }
            if at > 0, Self.articles.contains(words[at - 1].key) { at -= 1 }
        }
        return false
    }
    static let articles: Set<String> = ["de", "het", "the"]

    private static let comparing: Set<String> = ["als", "as", "dan", "than"]

    private static let nobody: Set<String> = ["niemand", "nobody", "noone", "none"]
    private static let joints: Set<String> = ["op", "van", "bij", "aan", "in", "at", "of", "from"]

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
        if search.cueInSentence("counter", sentence) != nil { return true }
        // The next sentence answers a question: "Wie verspreidt die foto? Stop ermee."
        if text.questions.contains(sentence), search.cueInSentence("counter", sentence + 1) != nil { return true }
        // Or denies a rumour: "Er gaat een gerucht dat ... Dat is gewoon gelogen." Not a threat: a denial
        // does not take one back ("Ik maak je af. Dat is geen onzin.").
        if hit.category != .threat, isRebuttal(in: sentence) || isRebuttal(in: sentence + 1) { return true }
        // What was said called racist ("… Wat een racistische onzin."): against discrimination only; a
        // threat or an insult before it stays one.
        if hit.category == .discrimination,
            [sentence, sentence + 1].contains(where: {
                !text.questions.contains($0) && search.cueInSentence("callsracist", $0) != nil
            })
        {
            return true
        }
        // A warning that an account is not who it claims ("Let op: dat is niet meneer Mulder, niet
        // accepteren"): the protocol counts that as no breach, wherever in the post it stands.
        if hit.category == .impersonation, !search.occurrences(of: "warning").isEmpty { return true }
        // Quoted abuse and words against it anywhere, also those that would be abuse themselves said of
        // someone ("wie dit doet is zelf …", "that's a threat": `condemnquote`).
        return hit.words.allSatisfy { words[$0].quoted }
            && !(search.occurrences(of: "counter").isEmpty && search.occurrences(of: "condemnquote").isEmpty)
    }

    /// A rebuttal in the sentence, not one turned round by a negation inside it ("dat is geen onzin",
    /// "that's not a lie"; "not true" itself starts with one).
    private func isRebuttal(in sentence: Int) -> Bool {
        search.occurrences(of: "rebuttal", inSentence: sentence).contains { range in
            !range.dropFirst().contains { turns(at: $0, in: range) }
        }
    }

    private static let turning: Set<String> = ["geen", "not", "nooit", "never"]

    /// A word that turns a rebuttal round. "niet" too ("dat is niet gelogen" affirms), except where it
    /// is the denial's own ("dat is niet waar", "klopt niet", "verspreid het niet": last or before "waar").
    private func turns(at index: Int, in range: Range<Int>) -> Bool {
        let key = words[index].key
        if Self.turning.contains(key) { return true }
        return key == "niet" && index + 1 < range.upperBound && words[index + 1].key != "waar"
    }

    /// Neutral reporting: a report word in the sentence ("de politie onderzoekt", "is aangehouden"),
    /// a news post with a report word anywhere ("De school deed aangifte"), or a quotation in a news
    /// post or next to a report word.
    private func isReported(_ hit: Hit) -> Bool {
        let sentence = words[hit.words.lowerBound].sentence
        // "Ik steek hem neer, ook al komt de politie": a threat in the first person (a word of `me`) is no report.
        // A quoted threat's "ik" is the one quoted ("posted 'im gonna …' and sent it to the police").
        if hit.category == .threat, !hit.words.allSatisfy({ words[$0].quoted }),
            search.hasCue("firstperson", in: hit.words, before: 2)
                || hit.words.contains(where: { lexicon.cueWords("me").contains(words[$0].key) })
        {
            return false
        }
        if search.cueInSentence("report", sentence) != nil { return true }
        if isNews, !search.occurrences(of: "report").isEmpty { return true }
        let quoted = hit.words.allSatisfy { words[$0].quoted }
        // Words that put a quote on show, themselves outside the quotes ("uitgescholden voor 'mongool'",
        // "woorden als 'loser'"); not when they are part of what is quoted (a pasted accusation), nor
        // with the writer as the one who said it ("ik heb haar uitgemaakt voor 'hoer'").
        let outside = { (cue: Range<Int>) in !cue.allSatisfy { words[$0].quoted } }
        let onShow =
            search.occurrences(of: "quotes").contains(where: outside)
            || search.occurrences(of: "namecalled").contains { cue in
                outside(cue)
                    && !(max(0, cue.lowerBound - 4)..<cue.lowerBound).contains {
                        words[$0].sentence == words[cue.lowerBound].sentence && Self.speakers.contains(words[$0].key)
                    }
            }
        return quoted && (isNews || onShow || !search.occurrences(of: "report").isEmpty)
    }

    /// The writer as a subject, just before the words that say what someone was called.
    private static let speakers: Set<String> = ["ik", "we", "wij", "i"]

    /// "Ik ben homo", "wij zijn moslims", "ik ben zo'n loser": about oneself, not aimed at others.
    /// "ik ben mijn wachtwoord vergeten", "my account was hacked, that wasn't me": an impersonation hit in
    /// a post about the writer's own account or password (a pupil asking for help, the one whose account
    /// was taken), wherever in the post the cue stands.
    private func isOwnAccount(_ hit: Hit) -> Bool {
        hit.category == .impersonation && !search.occurrences(of: "ownaccount").isEmpty
    }

    private func isOwnIdentity(_ hit: Hit) -> Bool {
        guard hit.category == .discrimination || hit.category == .insult else { return false }
        // The entry's own words are no speaker: "als" in "iemand als @mention", "as a" in "as useful as a".
        return search.hasCue("firstperson", in: hit.words, before: 3) { cue in
            (hit.words.contains(cue.lowerBound) && hit.words.contains(cue.upperBound - 1) && isLiteral(cue, in: hit))
                || comparesWithSomeone(cue)
        }
    }

    /// "zo'n figuur als meester Youssef", "mensen als juf Marieke": "als" after a word for a person
    /// compares, it does not say who the writer is ("als moslim vind ik ...").
    private func comparesWithSomeone(_ cue: Range<Int>) -> Bool {
        guard cue.count == 1, words[cue.lowerBound].key == "als", cue.lowerBound > 0 else { return false }
        let before = cue.lowerBound - 1
        return Self.someone.contains(words[before].key)
            || search.occurrences(of: "person").contains { $0.upperBound == cue.lowerBound }
    }
    private static let someone: Set<String> = ["iemand", "mensen", "types", "type", "lui"]
}
