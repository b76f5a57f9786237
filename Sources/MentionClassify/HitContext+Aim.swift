import MentionMatch

/// Whom a hit is aimed at (docs/classification.md, "Aimed at whom"): a name in its sentence, or one named
/// before that a pronoun, a role or a word for the building refers back to, or the post a reply is under.
extension HitContext {
    /// The names a hit is aimed at: a name inside it or in its sentence that is not the speaker
    /// ("Juf Marieke zei: ..."), or else a staff member named in one of the two sentences before when the
    /// hit's sentence refers back before or inside the hit ("..., die gaat spijt krijgen", "Ga haar maar opwachten").
    func aim(_ hit: inout Hit) {
        guard !hit.words.isEmpty else { return }
        let sentence = words[hit.words.lowerBound].sentence
        var aimed = Set(hit.words.compactMap { words[$0].mention })
        // Names in the sentence count too: "die El Amrani van de zeehoek ga ik in elkaar slaan" is
        // aimed at El Amrani, though the phrase starts at "de zeehoek".
        let speech = search.occurrences(of: "speech", inSentence: sentence)
        let elsewhere = earlierSchool(inSentence: sentence, before: hit.words.lowerBound)
        for index in text.sentences[sentence] {
            guard let mention = words[index].mention else { continue }
            if let elsewhere, index < elsewhere || [.role, .group].contains(mentions[mention].rule) { continue }
            let speaks =
                index < hit.words.lowerBound && !isSpokenAbout(index)
                && speech.contains { $0.lowerBound > index && $0.upperBound <= hit.words.lowerBound }
            if !speaks { aimed.insert(mention) }
        }
        // "die tent", "het gebouw": the school as a building, back to the school named in any sentence
        // before ("De Zeehoek ... Ik steek die tent in de fik"); a pronoun or a role refers to people:
        // back to a staff member or a group of the school ("de leerlingen van De Zeehoek ... Ze zijn
        // ratten") in the two sentences before, not to the school itself.
        if aimed.isEmpty, refersBack(hit, sentence, through: ["institution"]) || callsASchool(hit) {
            aimed = namedBefore(sentence, within: sentence) { $0.entity == "school" }
        }
        if aimed.isEmpty, refersBack(hit, sentence) {
            aimed = namedBefore(sentence, within: 2) { $0.entity != "school" || $0.rule == .group }
        }
        // A plural pronoun may mean the people of the school named just before ("Die Zeehoek-kinderen?
        // Ik ga ze ...", "De Zeehoek? They're ..."); a singular one never means the school.
        if aimed.isEmpty, !describesThroughPronoun(hit), refersBack(hit, sentence, through: ["plural"]) {
            aimed = namedBefore(sentence, within: 2) { $0.entity == "school" }
        }
        // A reply ("die vent moet weg", "die tent"): the one named in the post it replies to.
        if aimed.isEmpty, mentions.contains(where: { $0.rule == .thread }) {
            let thread = mentions.indices.filter { mentions[$0].rule == .thread }
            if refersBack(hit, sentence, through: ["institution"]) {
                aimed = Set(thread.filter { mentions[$0].entity == "school" })
            }
            if aimed.isEmpty, refersBack(hit, sentence) {
                let staff = thread.filter { mentions[$0].entity != "school" }
                aimed = Set(staff.isEmpty ? thread : staff)
            }
        }
        hit.aimedAt = aimed.sorted()
    }

    /// "ik zit nu op De Zeehoek, maar op mijn vorige school had je juf Tineke, die mens …": a hit after a
    /// phrase that places its sentence at the writer's other or earlier school or job is about the people there,
    /// not the names before the phrase, nor a role or group after it (`aim`); a name after it still counts
    /// ("op mijn vorige school was het saai, maar juf Marieke is een heks"). The phrase's last word.
    private func earlierSchool(inSentence sentence: Int, before end: Int) -> Int? {
        let range = text.sentences[sentence]
        for index in range.lowerBound..<max(range.lowerBound, end - 1) where Self.earlier.contains(words[index].key) {
            // The writer's own ("mijn vorige school"), not the target's past ("Oosterhuis is op zijn vorige school
            // ontslagen": gossip about him).
            guard index > range.lowerBound,
                Self.writersOwn.contains(words[index - 1].key)
                    || (index > range.lowerBound + 1 && words[index - 2].key == "m" && words[index - 1].key == "n")
            else { continue }
            let next = index + 1
            if Self.schoolOrWork.contains(words[next].key) { return next }
            if next + 1 < end, ["middelbare", "high"].contains(words[next].key),
                Self.schoolOrWork.contains(words[next + 1].key)
            {
                return next + 1
            }
        }
        return nil
    }
    private static let writersOwn: Set<String> = ["mijn", "mn", "my", "onze", "our"]
    private static let earlier: Set<String> = [
        "vorige", "oude", "andere", "ex", "former", "previous", "old", "other", "another",
    ]
    private static let schoolOrWork: Set<String> = [
        "school", "basisschool", "schooltje", "werk", "baan", "stage", "stageplek", "job", "work", "werkplek",
    ]

    /// "kijk wat iemand over meneer El Amrani zegt: '…'": the name after "over" or "about" is what is said
    /// of, not who speaks (2026.12.70).
    private func isSpokenAbout(_ index: Int) -> Bool {
        var start = index
        while start > 0, words[start - 1].mention == words[index].mention { start -= 1 }
        if start > 0, Self.articles.contains(words[start - 1].key) { start -= 1 }
        return start > 0 && ["over", "about"].contains(words[start - 1].key)
    }

    /// "De Zeehoek heeft nieuwe gymshirts gekocht. Ze zijn walgelijk.": a plural pronoun with a verb of
    /// being describes things as often as people, so it refers back only to the school's people named as
    /// such (a group or staff, the branch before), not to the school's name (helper-110's review).
    private func describesThroughPronoun(_ hit: Hit) -> Bool {
        let first = hit.words.lowerBound
        guard first + 1 < words.count else { return false }
        return ["ze", "zij", "het", "they"].contains(words[first].key)
            && ["zijn", "waren", "are", "were"].contains(words[first + 1].key)
    }

    /// "Langs De Zeehoek gelopen. Wat een kutschool is dat": a curse compound on "school" names a school
    /// itself, so, like "die tent", it means the school named before. Not where the sentence speaks of
    /// another or an earlier school, or of someone else (helper-108's review): a place word before it ("op
    /// een kutschool in Zwolle"), a word of other-ness ("mijn vorige school was een kloteschool", "die andere
    /// kutschool"), a name written with a capital inside the sentence ("Het Baken blijft een kutschool"),
    /// or `refersBack`'s `other` list.
    private func callsASchool(_ hit: Hit) -> Bool {
        let sentence = words[hit.words.lowerBound].sentence
        guard hit.category == .insult, search.cueInSentence("other", sentence) == nil,
            let curse = hit.words.first(where: { words[$0].key.utf8.count > 7 && words[$0].key.hasSuffix("school") })
        else { return false }
        let range = text.sentences[sentence]
        if range.contains(where: { Self.otherness.contains(words[$0].key) }) { return false }
        if range.dropFirst().contains(where: { words[$0].mention == nil && startsWithCapital($0) }) { return false }
        var before = curse - 1
        if before >= range.lowerBound, ["een", "a", "an"].contains(words[before].key) { before -= 1 }
        return before < range.lowerBound || !Self.places.contains(words[before].key)
    }

    private func startsWithCapital(_ index: Int) -> Bool {
        text.scalars[words[index].start].properties.isUppercase
    }

    private static let otherness: Set<String> = [
        "vorige", "oude", "andere", "nieuwe", "ex", "former", "previous", "old", "other", "another",
    ]
    private static let places: Set<String> = ["op", "naar", "bij", "in", "van", "at", "to", "from"]

    /// The mentions that `wanted` takes in the nearest of the `within` sentences before `sentence` that has any.
    private func namedBefore(_ sentence: Int, within: Int, _ wanted: (Mention) -> Bool) -> Set<Int> {
        for earlier in stride(from: sentence - 1, through: max(0, sentence - within), by: -1) {
            let named = text.words(inSentence: earlier).compactMap(\.mention).filter { wanted(mentions[$0]) }
            if !named.isEmpty { return Set(named) }
        }
        return []
    }

    /// A pronoun, a school role or a plain word for a person ("die juf", "die vent") refers back (or, with
    /// `lists` ["institution"], a word for the school as a building: "die tent"),
    /// unless the sentence is about someone else ("Mijn broertje ... hij", "die scheids").
    /// A reference after the hit counts only in its clause, and not as a relative pronoun (`relative`) right
    /// after it: "wat een kankerlijer is die vent" refers back, "een klootzak die zijn hond sloeg" and
    /// "een idioot, hij bleef praten" do not; nor does a speaker ("He said bullies are idiots").
    private func refersBack(
        _ hit: Hit, _ sentence: Int, through lists: [String] = ["role", "pronoun", "person", "pluralhet"]
    ) -> Bool {
        guard search.cueInSentence("other", sentence) == nil else { return false }
        let end = hit.words.upperBound
        let clause = words[end - 1].clause
        let speech = search.occurrences(of: "speech", inSentence: sentence)
        let relatives = lexicon.cueWords("relative")
        return lists.contains { list in
            search.occurrences(of: list, inSentence: sentence).contains { reference in
                // "He said bullies are idiots": the one referred to is speaking, not the target.
                if reference.upperBound <= hit.words.lowerBound,
                    speech.contains(where: {
                        $0.lowerBound >= reference.upperBound && $0.upperBound <= hit.words.lowerBound
                    })
                {
                    return false
                }
                if reference.lowerBound < end { return true }
                let relative = reference.lowerBound == end && relatives.contains(words[end].key)
                return words[reference.lowerBound].clause == clause && !relative
            }
        }
    }
}
