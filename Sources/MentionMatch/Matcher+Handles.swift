/// The school's bare name in a handle or address someone chose ("@zeehoek_directie", "directie@zeehoek",
/// "@ingrid.directrice.zeehoek"): fake accounts are named so (docs/matching.md, "Vetoes").
extension Matcher {
    /// Words in a handle beside the school's bare name that say it is the school's account, a part of it
    /// or its people: "@zeehoek_surf" and "@zeehoek_bar" are a shop and a bar.
    static let handleSchoolWords: Set<String> = Set(
        [
            "directie", "direktie", "directrice", "directeur", "mt", "officieel", "official", "offical", "officiel",
            "personeel", "docenten", "leraren", "leerlingen", "ouders", "ouderraad", "mededelingen", "team",
        ].flatMap(MatchText.words))

    func isContextWord(_ word: String) -> Bool {
        contextByFirstWord[word]?.contains([word]) ?? false
    }

    /// Whether the handle around `place` (its words joined without white space) holds, beside the name, a
    /// school word, a context word of the config, a class ("@zeehoek_2c") or a staff name that needs no
    /// context ("f.yilmaz@zeehoek").
    func handleNamesSchool(
        _ place: Place, words: [String], tokens: [TextToken], scalars: [Unicode.Scalar], places: [Place],
        facts: [PatternTrie.FormFacts]
    ) -> Bool {
        func joined(_ left: Int, _ right: Int) -> Bool {
            !scalars[tokens[left].end..<tokens[right].start].contains { $0.properties.isWhitespace }
        }
        // The name, not its skeleton: "@zhk_official" may be anyone's.
        guard words[place.from..<place.to].reduce(0, { $0 + $1.utf8.count }) >= 5 else { return false }
        var from = place.from
        var to = place.to
        while from > 0, tokens[from - 1].inHandle, joined(from - 1, from) { from -= 1 }
        while to < tokens.count, tokens[to].inHandle, joined(to - 1, to) { to += 1 }
        let beside = (from..<to).filter { $0 < place.from || $0 >= place.to }
        if beside.contains(where: { index in
            Self.handleSchoolWords.contains(words[index]) || isContextWord(words[index])
                || TargetForms.isClassCode(scalars[tokens[index].start..<tokens[index].end])
        }) {
            return true
        }
        return places.contains { other in
            other.from >= from && other.to <= to && (other.to <= place.from || other.from >= place.to)
                && other.forms.contains { !facts[Int($0)].isSchool && !facts[Int($0)].needsContext }
        }
    }
}
