extension Matcher {
    /// The places where forms were found, each with its forms as a range of `PatternTrie.facts`
    /// indices: a common first name ends dozens of forms at one word ("juf Robin" for every Robin),
    /// and one place judged with its forms in order costs far less than a candidate per form did.
    /// `firstNodes`: each word's `PatternTrie.firstWordNode`.
    func findPlaces(_ words: [String], _ hashes: [UInt64], _ firstNodes: [Int32], _ tokens: [TextToken])
        -> [Place]
    {
        var places: [Place] = []
        for index in words.indices {
            forms.forEachFormRange(in: words, hashes: hashes, at: index, firstNode: firstNodes[index]) { range, end in
                guard !range.isEmpty else { return }
                places.append(
                    Place(forms: Int32(range.lowerBound)..<Int32(range.upperBound), from: index, to: end))
            }
        }
        // Words written together that MatchText split at a capital ("#DeZeehoek", "@JufMarieke")
        // also match as the one word they are written as.
        var groupStart = 0
        for index in words.indices.dropFirst() + [words.count]
        where index == words.count || tokens[index].start != tokens[index - 1].end {
            if index - groupStart >= 2 {
                let joined = MatchText.key(Array(words[groupStart..<index].joined().utf8))
                let range = forms.oneWordFormIndices(joined)
                if !range.isEmpty {
                    places.append(
                        Place(forms: Int32(range.lowerBound)..<Int32(range.upperBound), from: groupStart, to: index)
                    )
                }
            }
            groupStart = index
        }
        // A sentence glued into one word starts with a name ("hoekstradaggaatmorgenslechtaflopen") or
        // holds the school's ("allelerarenvandezeehoekmoetendood").
        for index in words.indices
        where words[index].utf8.count >= MentionFilter.gluedLength && !places.contains(where: { $0.from == index }) {
            if let head = gluedHeads.headForm(of: words[index]) {
                places.append(Place(forms: head..<head + 1, from: index, to: index + 1))
            }
        }
        return places
    }

    /// Which words lie inside a place. Such a word is not read as a misspelt name: "eIAmrani", split at
    /// the capital, is the surname as one word, and "iamrani" read as "amrani" would break it.
    static func inside(_ places: [Place], count: Int) -> [Bool] {
        var inside = [Bool](repeating: false, count: count)
        for place in places { for index in place.from..<place.to { inside[index] = true } }
        return inside
    }

    /// The indices of `places`, longest first, then first in the text, then first found.
    static func longestFirst(_ places: [Place]) -> [Int] {
        // As one integer each (sorting plain integers costs far less than comparing tuples in a
        // closure), when the counts fit in 21 bits: always, unless a post has more than 2 million words.
        let limit = 1 << 21
        guard places.count < limit, places.allSatisfy({ $0.to < limit }) else {
            return places.indices.sorted {
                let (a, b) = (places[$0], places[$1])
                return (a.to - a.from, -a.from, -$0) > (b.to - b.from, -b.from, -$1)
            }
        }
        var keys = places.indices.map {
            UInt64(limit - 1 - (places[$0].to - places[$0].from)) << 42 | UInt64(places[$0].from) << 21 | UInt64($0)
        }
        keys.sort()
        return keys.map { Int($0 & UInt64(limit - 1)) }
    }

    /// Mentions by place in the text, then entity (most often already so).
    static func inTextOrder(_ mentions: [Mention]) -> [Mention] {
        func before(_ a: Mention, _ b: Mention) -> Bool { (a.start, a.end, a.entity) < (b.start, b.end, b.entity) }
        if zip(mentions, mentions.dropFirst()).allSatisfy({ !before($1, $0) }) { return mentions }
        return mentions.sorted(by: before)
    }

    /// Forms found at words `from..<to`: indices of `PatternTrie.facts`, in the order the forms
    /// were given (which decides between forms of the same words: the first that counts is taken).
    struct Place {
        var forms: Range<Int32>
        var from: Int
        var to: Int
    }
}
