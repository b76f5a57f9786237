extension Matcher {
    /// The places where forms were found, each with its forms as a range of `PatternTrie.facts`
    /// indices: a common first name ends dozens of forms at one word ("juf Robin" for every Robin),
    /// and one place judged with its forms in order costs far less than a candidate per form.
    /// `firstNodes`: each word's `PatternTrie.firstWordNode`.
    func findCandidates(_ words: [String], _ hashes: [UInt64], _ firstNodes: [Int32], _ tokens: [TextToken])
        -> [Candidate]
    {
        var candidates: [Candidate] = []
        for index in words.indices {
            forms.forEachFormRange(in: words, hashes: hashes, at: index, firstNode: firstNodes[index]) { range, end in
                guard !range.isEmpty else { return }
                candidates.append(
                    Candidate(forms: Int32(range.lowerBound)..<Int32(range.upperBound), from: index, to: end))
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
                    candidates.append(
                        Candidate(forms: Int32(range.lowerBound)..<Int32(range.upperBound), from: groupStart, to: index)
                    )
                }
            }
            groupStart = index
        }
        // A sentence glued into one word starts with a name: "hoekstradaggaatmorgenslechtaflopen".
        for index in words.indices
        where words[index].utf8.count >= MentionFilter.gluedLength && !candidates.contains(where: { $0.from == index })
        {
            if let head = gluedHeads.headForm(of: words[index]) {
                candidates.append(Candidate(forms: head..<head + 1, from: index, to: index + 1))
            }
        }
        return candidates
    }

    /// Forms found at words `from..<to`: indices of `PatternTrie.facts`, in the order the forms
    /// were given (which decides between forms of the same words: the first that counts is taken).
    struct Candidate {
        var forms: Range<Int32>
        var from: Int
        var to: Int
    }
}
