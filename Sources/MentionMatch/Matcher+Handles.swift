/// The school's bare name in a handle or address someone chose ("@zeehoek_directie", "directie@zeehoek",
/// "@ingrid.directrice.zeehoek"): fake accounts are named so (docs/matching.md, "Vetoes").
extension Matcher {
    /// Words in a handle beside the school's bare name that say it is the school's account, a part of it
    /// or its people. Not words a club or a shop has too: "@zeehoek_team", "@zeehoek_les" (a surf school).
    static let handleSchoolWords: Set<String> = Set(
        [
            "directie", "direktie", "directrice", "directeur", "officieel", "official", "offical", "officiel",
            "personeel", "docent", "docenten", "leraar", "leraren", "lerares", "juf", "meester", "mentor",
            "leerling", "leerlingen", "ouders", "ouderraad", "mededelingen", "school", "praktijkschool",
        ].flatMap(MatchText.words))

    /// Whether the handle around `place` (its words joined without white space) holds, beside the name, a
    /// school word, a class ("@zeehoek_2c") or a staff name that needs no context ("f.yilmaz@zeehoek").
    func handleNamesSchool(
        _ place: Place, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar], _ places: [Place],
        _ facts: [PatternTrie.FormFacts]
    ) -> Bool {
        // The name, not its skeleton: "@zhk_official" may be anyone's.
        guard words[place.from..<place.to].reduce(0, { $0 + $1.utf8.count }) >= 5 else { return false }
        func joined(_ left: Int, _ right: Int) -> Bool {
            !scalars[tokens[left].end..<tokens[right].start].contains { $0.properties.isWhitespace }
        }
        var from = place.from
        var to = place.to
        while from > 0, tokens[from - 1].inHandle, joined(from - 1, from) { from -= 1 }
        while to < tokens.count, tokens[to].inHandle, joined(to - 1, to) { to += 1 }
        let beside = (from..<to).filter { $0 < place.from || $0 >= place.to }
        if beside.contains(where: {
            Self.handleSchoolWords.contains(words[$0]) || Self.isClass(scalars[tokens[$0].start..<tokens[$0].end])
        }) {
            return true
        }
        return places.contains { other in
            other.from >= from && other.to <= to && (other.to <= place.from || other.from >= place.to)
                && other.forms.contains { !facts[Int($0)].isSchool && !facts[Int($0)].needsContext }
        }
    }

    /// The school or a staff member named by the author of a post while the author is not one of the
    /// configured accounts ("@prozeehoek_official", "Juf Marieke Verbeek-Smit"): a fake account, or a
    /// staff member writing from an account the config does not list. Only a possible target (the
    /// parents' council writes as "Ouderraad PrO Zeehoek" too), so its abuse goes to review
    /// (docs/classification.md, "Possible targets").
    ///
    /// Only strong forms count: a staff member's full name or configured alias, the school's name, an
    /// alias or a handle. A surname alone, a first name after a title ("meester Jan") or initials in a
    /// display name are mostly other people's ("Kees Mulder", "Hotel Oosterhuis").
    public func authorNameMentions(in post: Post) -> [Mention] {
        guard !post.author.isEmpty, owner(ofAuthor: post.author) == nil else { return [] }
        // "Dirk-Jan Mulder (@djmulder@social.example)": a configured handle beside the display name.
        let pieces = post.author.split { $0.isWhitespace || $0 == "(" || $0 == ")" }
        guard !pieces.contains(where: { $0.hasPrefix("@") && owner(ofAuthor: String($0)) != nil }) else { return [] }
        let strong: Set<MentionRule> = [.name, .alias, .handle]
        return mentions(in: Post(id: post.id, text: post.author)).filter { strong.contains($0.rule) }.map {
            Mention(entity: $0.entity, surface: post.author, start: 0, end: 0, rule: .accountName)
        }
    }

    /// "2c", "4A": a year of a Dutch secondary school and a letter; not "h2o", "f1" or "4x4".
    static func isClass(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        guard written.count == 2, let year = written.first, let letter = written.last else { return false }
        return ("1"..."6").contains(year) && ("a"..."f").contains(Unicode.Scalar(letter.value | 0x20) ?? letter)
    }
}
