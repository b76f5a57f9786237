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

    /// Our name at word `index` is set apart from the abuse, which is aimed at another school named
    /// beside it. Two shapes, with a word of the `setapart` list:
    /// - the word governs our name, and the other school's name stands nearer to the abuse ("Vergeleken
    ///   met De Zeehoek is het Baken-college een school vol sukkels");
    /// - the word stands between the abuse and our name, right before one of the two names, with the other
    ///   school on the abuse's side ("De Zeehoek is prima, maar het Baken-college is …", "Het
    ///   Baken-college is een kankerschool, maar De Zeehoek niet").
    /// Never when our name's clause likens it (the `alike` list: "…, maar De Zeehoek is nog erger"), and
    /// nearness alone is not enough: "De Zeehoek is een grotere kankerschool dan het Kustlyceum" and "Het
    /// Baken-college is een kankerschool, net als De Zeehoek" are aimed at ours.
    func isSetApart(_ index: Int, _ hit: Range<Int>, _ names: [Range<Int>]) -> Bool {
        guard words[index].mention != nil, !names.isEmpty else { return false }
        // A name inside the hit ("@target is ... idiots"): the abuse is what follows it.
        let abuse = hit.contains(index) ? (index + 1)..<hit.upperBound : hit
        guard !abuse.isEmpty else { return false }
        let sentence = words[index].sentence
        let clause = words[index].clause
        guard
            !search.occurrences(of: "alike", inSentence: sentence).contains(where: {
                words[$0.lowerBound].clause == clause
            })
        else { return false }
        var first = index
        while first > 0, words[first - 1].mention == words[index].mention { first -= 1 }
        let cues = search.occurrences(of: "setapart", inSentence: sentence)
        let ours = Self.distance(index, abuse)
        return names.contains { name in
            let nearer = (name.map { Self.distance($0, abuse) }.min() ?? .max) < ours
            return cues.contains { cue in
                if cue.upperBound == first, nearer { return true }
                let between = Self.isBetween(cue, abuse, index)
                let otherSide = Self.isBetween(cue, name, index)
                let adjacent = cue.upperBound == first || Self.article(words, from: cue.upperBound, to: name.lowerBound)
                return between && otherSide && adjacent
            }
        }
    }

    /// `cue` lies between `range` and the word `index`, on neither.
    static func isBetween(_ cue: Range<Int>, _ range: Range<Int>, _ index: Int) -> Bool {
        index < range.lowerBound
            ? index < cue.lowerBound && cue.upperBound <= range.lowerBound
            : range.upperBound <= cue.lowerBound && cue.upperBound <= index
    }

    /// From `start` up to `end` there is nothing, or one article ("maar het Baken-college").
    static func article(_ words: [ClassWord], from start: Int, to end: Int) -> Bool {
        start == end || (end - start == 1 && ["de", "het", "the"].contains(words[start].key))
    }

    /// The abuse stands in the clause of another school's name ("Het Baken-college is een school vol sukkels").
    func inClauseOfAnotherSchool(_ hit: Range<Int>, _ names: [Range<Int>]) -> Bool {
        let clause = words[hit.upperBound - 1].clause
        return names.contains { name in name.contains { words[$0].clause == clause } }
    }

    /// How many words lie from `index` to the hit (0 inside it).
    static func distance(_ index: Int, _ hit: Range<Int>) -> Int {
        if index < hit.lowerBound { return hit.lowerBound - index }
        if index >= hit.upperBound { return index - hit.upperBound + 1 }
        return 0
    }
}
