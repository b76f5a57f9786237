extension HitContext {
    /// The words of each other school's name (`Matcher.otherSchoolNames`, in Unicode scalars).
    static func words(of names: [Range<Int>], in text: ClassifyText) -> [Range<Int>] {
        names.compactMap { name in
            let inside = text.words.indices.filter {
                text.words[$0].start >= name.lowerBound && text.words[$0].end <= name.upperBound
            }
            guard let first = inside.first, let last = inside.last else { return nil }
            return first..<(last + 1)
        }
    }

    /// The name at word `index` is not what the hit is aimed at, because another school's name stands
    /// in the hit's clause (where the abuse ends) and, if ours does too, nearer to the abuse: "Compared
    /// to De Zeehoek, the Polder College is full of idiots", "Vergeleken met De Zeehoek is het
    /// Baken-college een school vol sukkels". Not when the two are one subject ("De Zeehoek en het
    /// Baken-college zijn ..."), nor when the other school stands in another clause ("De Zeehoek, waar
    /// hij na het Kustlyceum heen ging, is ...").
    func nearerToAnotherSchool(_ index: Int, _ hit: Range<Int>, _ names: [Range<Int>]) -> Bool {
        guard words[index].mention != nil, !names.isEmpty else { return false }
        // A name inside the hit ("@target is ... idiots"): the abuse is what follows it.
        let abuse = hit.contains(index) ? (index + 1)..<hit.upperBound : hit
        guard !abuse.isEmpty else { return false }
        let clause = words[abuse.upperBound - 1].clause
        let ours = Self.distance(index, abuse)
        return names.contains { name in
            guard name.contains(where: { words[$0].clause == clause }) else { return false }
            if words[index].clause == clause, name.map({ Self.distance($0, abuse) }).min() ?? .max >= ours {
                return false
            }
            let between = index < name.lowerBound ? (index + 1)..<name.lowerBound : name.upperBound..<index
            let joined =
                words[index].clause == words[name.lowerBound].clause
                && between.allSatisfy { Self.joiningWords.contains(words[$0].key) || words[$0].mention != nil }
            return !joined
        }
    }

    /// Words that join two names into one subject, with their articles.
    static let joiningWords: Set<String> = ["en", "and", "of", "or", "het", "de", "the"]

    /// How many words lie from `index` to the hit (0 inside it).
    static func distance(_ index: Int, _ hit: Range<Int>) -> Int {
        if index < hit.lowerBound { return hit.lowerBound - index }
        if index >= hit.upperBound { return index - hit.upperBound + 1 }
        return 0
    }
}
