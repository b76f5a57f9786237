extension Matcher {
    /// Whether a form of the school's kind (`NamePattern.SchoolKind`) at `from..<to` is the school. It
    /// is where the school is named or assumed (`assumed`), or with its place right after it: "die
    /// praktijkschool in Westerveen", "Praktijkschool Westerveen", a context word written with a
    /// capital in the config (`placeNames`). Not by a context word elsewhere or a generic one ("de
    /// praktijkschool in klas 2", "… bij juf Anna"): those are any praktijkschool's. Another
    /// capitalised place after it is another school, even in a post that names the school ("juf
    /// Marieke werkte vroeger op de praktijkschool in Almere"). Bare (`bare`), only after a determiner
    /// ("die praktijkschool") or before its place, not as a word for the type of school. Its place right
    /// before it says which one too: "die Westerveense praktijkschool", "that westerveen practical school".
    static func kindCounts(
        bare: Bool, from: Int, to: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar],
        placeNames: [String: [[String]]], assumed: Bool
    ) -> Bool {
        if from > 0, isPlace(before: from, words, placeNames) { return true }
        var at = to
        if at < words.count, NameForms.kindPlaceWords.contains(words[at]) { at += 1 }
        let named = at < words.count && placeNames[words[at]]?.contains { matches($0, words, at: at) } == true
        if !named, at > to, at < words.count, scalars[tokens[at].start].properties.isUppercase { return false }
        if bare, !named, from == 0 || !NameForms.kindDeterminerKeys.contains(words[from - 1]) { return false }
        return named || assumed
    }

    /// A one-word place of the config right before `index`, or its adjective ("Westerveense") or
    /// possessive ("Westerveen's").
    private static func isPlace(before index: Int, _ words: [String], _ placeNames: [String: [[String]]]) -> Bool {
        let word = words[index - 1]
        for stem in [word, String(word.dropLast(2)), String(word.dropLast(1))] {
            let form = stem == word || word == stem + "se" || word == stem + "s"
            if form, let places = placeNames[stem], places.contains([stem]) { return true }
        }
        return false
    }
}
