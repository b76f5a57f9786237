/// Whether a post names a school other than the watched one: "basisschool De Regenboog", "OBS De
/// Vlinder", "het Kustlyceum", "het Polder College", "het Baken-college". Local news writes about
/// many schools, and "de docenten" or "de directeur" in such a post are that school's: without the
/// watched school named they are no possible target of ours (docs/matching.md, "Groups and roles").
/// Read from the text as written, since a name is told by its capital.
struct OtherSchools: Sendable {
    /// Words for a kind of school, as match keys.
    private let kinds: Set<String> = Set(
        [
            "school", "basisschool", "praktijkschool", "scholengemeenschap", "college", "vakcollege", "lyceum",
            "gymnasium", "atheneum", "mavo", "havo", "vwo", "vmbo", "obs", "cbs", "rkbs", "pcbs", "ikc",
            "montessorischool", "daltonschool", "jenaplanschool", "academy",
        ].flatMap(MatchText.words))
    /// The kinds a name may end in ("Kustlyceum"); not the short ones ("Jacobs" is no OBS).
    private let endings = ["school", "college", "lyceum", "gymnasium", "atheneum", "academy"].flatMap(MatchText.words)
    /// A word before a capital that makes it no name of its own: "Mijn School is kut".
    private let possessives: Set<String> = Set(
        ["mijn", "onze", "jullie", "hun", "zijn", "haar", "je", "jouw", "my", "our", "your", "their"].flatMap(
            MatchText.words))

    /// `school`: the words of a found mention of the watched school, which are never another's.
    func named(in words: [String], tokens: [TextToken], scalars: [Unicode.Scalar], school: [Bool]) -> Bool {
        func capitalised(_ index: Int) -> Bool { scalars[tokens[index].start].properties.isUppercase }
        /// Only spaces, or a hyphen, between word `index - 1` and word `index`: the same name.
        func joined(_ index: Int, hyphen: Bool) -> Bool {
            guard tokens[index - 1].end < tokens[index].start else { return false }
            let gap = scalars[tokens[index - 1].end..<tokens[index].start]
            return gap.allSatisfy { $0 == " " || (hyphen && $0 == "-") }
        }
        for index in words.indices where !school[index] {
            let word = words[index]
            // "basisschool De Regenboog", "OBS De Vlinder": a kind, then a name.
            if kinds.contains(word), index + 1 < words.count, !school[index + 1], capitalised(index + 1),
                joined(index + 1, hyphen: false)
            {
                return true
            }
            // "het Kustlyceum", "het Polder College", "het Baken-college": a name that ends in a kind,
            // within a sentence (a capital at a sentence's start says nothing).
            guard index > 0, joined(index, hyphen: true), !school[index - 1], !possessives.contains(words[index - 1])
            else { continue }
            let endsInKind = endings.contains { word.hasSuffix($0) }
            if endsInKind, capitalised(index), !kinds.contains(word) || capitalised(index - 1) { return true }
            if kinds.contains(word), scalars[tokens[index].start - 1] == "-", capitalised(index - 1) { return true }
        }
        return false
    }
}
