extension Matcher {
    /// Candidates are indices of `PatternTrie.facts`, not patterns: a common first name ends dozens
    /// of forms at one word, and counting references to each cost more than finding them.
    func findCandidates(_ words: [String], _ tokens: [TextToken]) -> [Candidate] {
        var candidates: [Candidate] = []
        let hashes = words.map(WordHash.of)
        for index in words.indices {
            forms.forEachFormRange(in: words, hashes: hashes, at: index) { range, end in
                for form in range { candidates.append(Candidate(form: Int32(form), from: index, to: end)) }
            }
        }
        // Words written together that MatchText split at a capital ("#DeZeehoek", "@JufMarieke")
        // also match as the one word they are written as.
        var groupStart = 0
        for index in words.indices.dropFirst() + [words.count]
        where index == words.count || tokens[index].start != tokens[index - 1].end {
            if index - groupStart >= 2 {
                let joined = MatchText.key(Array(words[groupStart..<index].joined().utf8))
                for form in forms.oneWordFormIndices(joined) {
                    candidates.append(Candidate(form: Int32(form), from: groupStart, to: index))
                }
            }
            groupStart = index
        }
        // A sentence glued into one word starts with a name: "hoekstradaggaatmorgenslechtaflopen".
        for index in words.indices
        where words[index].utf8.count >= MentionFilter.gluedLength && !candidates.contains(where: { $0.from == index })
        {
            if let head = gluedHeads.headForm(of: words[index]) {
                candidates.append(Candidate(form: head, from: index, to: index + 1))
            }
        }
        return candidates
    }

    /// A form found at words `from..<to`, by its index among `PatternTrie.facts`.
    struct Candidate {
        var form: Int32
        var from: Int
        var to: Int
    }
}
