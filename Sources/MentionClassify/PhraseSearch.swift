import MentionMatch

/// A lexicon entry found in a post: which entry, over which words.
struct LexiconHit: Sendable {
    var entry: Int
    var words: Range<Int>
}

/// Finds lexicon phrases and cue lists in one post's words. A phrase never crosses a sentence.
/// Words are compared by id (`PhraseTables`, `SearchWords`); where a cue list can end at a word is
/// worked out once per word, as the entries, the targets and the rules all ask for the same lists.
final class PhraseSearch {
    let lexicon: Lexicon
    let words: [ClassWord]
    let mentions: [Mention]
    private let tables: PhraseTables
    let post: SearchWords
    /// Per list: its occurrences, in the order of their first word.
    private var cueCache: [[Range<Int>]?]
    /// Per depth (1, 2) and list: where its phrases that start at each word can end.
    private var endsCache: [[[Int]?]]
    /// Per word and per word joined to the next: 0 not known yet, 1 ignored ("kankerbestrijding"), 2 not.
    private var ignored: [UInt8]

    convenience init(lexicon: Lexicon, text: ClassifyText, mentions: [Mention]) {
        self.init(tables: PhraseTables(lexicon), text: text, mentions: mentions)
    }

    init(tables: PhraseTables, text: ClassifyText, mentions: [Mention]) {
        self.tables = tables
        lexicon = tables.lexicon
        words = text.words
        self.mentions = mentions
        post = SearchWords(text.words, vocabulary: tables.vocabulary)
        cueCache = Array(repeating: nil, count: tables.listNumbers.count)
        endsCache = Array(repeating: [], count: 2 * tables.listNumbers.count)
        ignored = Array(repeating: 0, count: 2 * post.count)
    }

    /// Every entry that matches, at each word it starts at (the shortest match of each).
    func hits() -> [LexiconHit] {
        var hits: [LexiconHit] = []
        // Locals, not properties: the loop below runs for every candidate at every word.
        // When an entry was last tried (its start + 1): one try per entry and word.
        var tried = [Int](repeating: 0, count: tables.entries.count)
        // Per entry: 0 not known yet, 1 all its required words occur in the post, 2 not (it cannot match).
        var possible = [UInt8](repeating: 0, count: tables.entries.count)
        var candidates: [Int32] = []
        for start in 0..<post.count {
            candidates.removeAll(keepingCapacity: true)
            if post.masked[start] {
                candidates += (0..<Int32(tables.entries.count))
            } else {
                candidates += tables.anywhere
                targetFirstCandidates(at: start, into: &candidates)
                for joined in [false, true] where !joined || post.joins[start] {
                    let id = joined ? post.joinedIDs[start] : post.ids[start]
                    if id >= 0 { candidates += tables.byWord[Int(id)] }
                    let (first, last) = post.edges(start, joined: joined)
                    if let first { candidates += tables.byFirstByte[Int(first)] }
                    if let last { candidates += tables.byLastByte[Int(last)] }
                }
            }
            for entry in candidates where tried[Int(entry)] != start + 1 {
                tried[Int(entry)] = start + 1
                let items = tables.entries[Int(entry)]
                // Most candidates fail at their first word or lack a word of the phrase in the whole
                // post: both checked without building any list.
                if case .word(let pattern) = tables.items[items.lowerBound], !canStart(pattern, at: start) { continue }
                guard mayMatch(Int(entry), &possible) else { continue }
                guard let end = ends(items, from: start, sentence: post.sentence[start], depth: 0).min() else {
                    continue
                }
                hits.append(LexiconHit(entry: Int(entry), words: start..<end))
            }
        }
        return hits
    }

    /// Where the phrases of a cue list occur (cached: the rules ask for some lists more than once).
    func occurrences(of list: String) -> [Range<Int>] {
        guard let number = tables.listNumbers[list] else { return [] }
        return occurrences(number)
    }

    private func occurrences(_ list: Int) -> [Range<Int>] {
        if let cached = cueCache[list] { return cached }
        var found: [Range<Int>] = []
        for start in 0..<post.count {
            if let end = cueEnds(list, from: start, sentence: post.sentence[start], depth: 1).max() {
                found.append(start..<end)
            }  // the longest: "niet waar dat" over "niet"
        }
        cueCache[list] = found
        return found
    }

    /// Whether a cue list occurs within these words, or, with `before`, ends at most that many words
    /// before their start, in the same clause; an occurrence `except` holds for does not count.
    func hasCue(
        _ list: String, in range: Range<Int>, before: Int = 0, except: (Range<Int>) -> Bool = { _ in false }
    ) -> Bool {
        guard !range.isEmpty else { return false }
        let clause = post.clause[range.lowerBound]
        return occurrences(of: list).contains { cue in
            cue.upperBound > range.lowerBound - before && cue.lowerBound < range.upperBound
                && (post.clause[cue.upperBound - 1] == clause || cue.lowerBound >= range.lowerBound) && !except(cue)
        }
    }

    func cueInSentence(_ list: String, _ sentence: Int) -> Range<Int>? {
        occurrences(of: list, inSentence: sentence).first
    }

    /// The occurrences of a cue list in one sentence: a run of the list's occurrences, which come in
    /// the order of their words, found by binary search (so long posts stay linear).
    func occurrences(of list: String, inSentence sentence: Int) -> ArraySlice<Range<Int>> {
        let all = occurrences(of: list)
        func firstIndex(from sentence: Int) -> Int {
            var low = 0
            var high = all.count
            while low < high {
                let middle = (low + high) / 2
                if post.sentence[all[middle].lowerBound] < sentence { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return all[firstIndex(from: sentence)..<firstIndex(from: sentence + 1)]
    }

    /// Whether a phrase silenced by the school overlaps these words ("idioot van het jaar" silences the
    /// "idioot" in it; "stiekem best" the "stiekem").
    func isSilenced(_ range: Range<Int>) -> Bool {
        guard !tables.silenced.isEmpty, !range.isEmpty else { return false }
        for start in max(0, range.lowerBound - 4)..<range.upperBound {
            for phrase in tables.silenced
            where ends(phrase, from: start, sentence: post.sentence[start], depth: 0).contains(where: {
                $0 > range.lowerBound
            }) {
                return true
            }
        }
        return false
    }

    // MARK: - Matching items

    /// All word positions where the phrase of these `items` (of `PhraseTables.items`) can end when it starts at `start`.
    private func ends(_ items: Range<Int>, from start: Int, sentence: Int, depth: Int) -> [Int] {
        var positions = [start]
        var afterGap = true
        for item in tables.items[items] {
            var next: [Int] = []
            let isGap: Bool
            if case .gap = item { isGap = true } else { isGap = false }
            for position in positions {
                // Words next to each other in a phrase are in one clause: "kanker, meester Pieter" is two.
                if !afterGap, !isGap, position > start, position < post.count,
                    post.clause[position] != post.clause[position - 1]
                {
                    continue
                }
                addEnds(of: item, from: position, sentence: sentence, depth: depth, to: &next)
            }
            if next.isEmpty { return [] }
            // Fillers between a phrase's words are skipped: "echt een kk clown" is "een clown".
            if depth == 0, !isGap, let fillers = tables.fillerList {
                for position in next {
                    var skipped = position
                    while skipped < post.count, skipped - position < 2, post.sentence[skipped] == sentence,
                        tables.isSingle(post.ids[skipped], fillers)
                    {
                        skipped += 1
                        if !next.contains(skipped) { next.append(skipped) }
                    }
                }
            }
            positions = next
            afterGap = isGap
        }
        return positions
    }

    /// Adds where one item can end when it starts at `position` to `ends`, each once, in order.
    private func addEnds(of item: IDItem, from position: Int, sentence: Int, depth: Int, to ends: inout [Int]) {
        func add(_ end: Int) { if !ends.contains(end) { ends.append(end) } }
        if case .gap = item {
            // Up to three words, a found name counting as one ("maak juf Marieke van De Zeehoek morgen af").
            add(position)
            var end = position
            var skipped = 0
            while end < post.count, skipped < 3, post.sentence[end] == sentence {
                let mention = post.mention[end]
                if mention >= 0 {
                    while end < post.count, post.mention[end] == mention { end += 1 }
                } else {
                    end += 1
                }
                skipped += 1
                add(end)
            }
            return
        }
        guard position < post.count, post.sentence[position] == sentence else { return }
        switch item {
        case .word(let pattern):
            if post.matches(pattern, position, joined: false, tables),
                pattern.isAny || !isIgnored(position, joined: false)
            {
                add(position + 1)
            }
            if post.joins[position], !pattern.isAny, post.matches(pattern, position, joined: true, tables),
                !isIgnored(position, joined: true)
            {
                add(position + 2)
            }
        case .gap, .never:
            return  // a gap is handled above; compounds are resolved when the lexicon is read
        case .cue(let list):
            for end in cueEnds(list, from: position, sentence: sentence, depth: depth + 1) { add(end) }
        case .target:
            let named = mentionEnds(position)
            if !named.isEmpty { return named.forEach(add) }
            if let determined = determinedMentionEnds(position, sentence: sentence) { return determined.forEach(add) }
            for end in cueEnds(tables.personList, from: position, sentence: sentence, depth: depth + 1) { add(end) }
            for end in cueEnds(tables.pronounList, from: position, sentence: sentence, depth: depth + 1) { add(end) }
            relativeGroupEnds(position, sentence: sentence)?.forEach(add)
        case .mention:
            mentionEnds(position).forEach(add)
            determinedMentionEnds(position, sentence: sentence)?.forEach(add)
            relativeGroupEnds(position, sentence: sentence)?.forEach(add)
        case .school:
            let mention = post.mention[position]
            guard mention >= 0, mentions[mention].entity == "school", let end = mentionEnd(position) else { return }
            add(end)
            if let school = schoolWordEnd(after: end) { add(school) }
        }
    }

    /// Whether a word pattern that begins an entry matches here at all (what `ends` would find first).
    private func canStart(_ pattern: IDPattern, at start: Int) -> Bool {
        if post.matches(pattern, start, joined: false, tables), pattern.isAny || !isIgnored(start, joined: false) {
            return true
        }
        return post.joins[start] && !pattern.isAny && post.matches(pattern, start, joined: true, tables)
            && !isIgnored(start, joined: true)
    }

    /// Whether every word an entry names occurs in the post (worked out once per entry).
    private func mayMatch(_ entry: Int, _ possible: inout [UInt8]) -> Bool {
        if possible[entry] == 0 {
            let all = tables.requiredItems[tables.required[entry]].allSatisfy { index in
                guard case .word(let pattern) = tables.items[index] else { return true }
                return post.mayOccur(pattern, tables)
            }
            possible[entry] = all ? 1 : 2
        }
        return possible[entry] == 1
    }

    /// A word the lexicon says never counts, whatever it matches; worked out when first asked.
    private func isIgnored(_ position: Int, joined: Bool) -> Bool {
        let slot = 2 * position + (joined ? 1 : 0)
        if ignored[slot] == 0 {
            ignored[slot] = tables.ignored.contains { post.matches($0, position, joined: joined, tables) } ? 1 : 2
        }
        return ignored[slot] == 1
    }

    /// The entries starting with a name, person word or pronoun that could match here: by the word
    /// after the target (or after a filler or two), so most of them are never tried.
    private func targetFirstCandidates(at start: Int, into candidates: inout [Int32]) {
        let sentence = post.sentence[start]
        var ends =
            cueEnds(tables.personList, from: start, sentence: sentence, depth: 1)
            + cueEnds(tables.pronounList, from: start, sentence: sentence, depth: 1)
        ends += mentionEnds(start)
        ends += determinedMentionEnds(start, sentence: sentence) ?? []
        ends += relativeGroupEnds(start, sentence: sentence) ?? []
        guard !ends.isEmpty else { return }
        var found = tables.atTargetsAnyNext
        for end in ends {
            var next = end
            while next < post.count, next - end <= 2 {
                if post.masked[next] {  // masked: try them all
                    candidates += tables.atTargets
                    return
                }
                if post.ids[next] >= 0 { found += tables.atTargetsByNextWord[Int(post.ids[next])] }
                if post.joins[next], post.joinedIDs[next] >= 0 {
                    found += tables.atTargetsByNextWord[Int(post.joinedIDs[next])]
                }
                guard let fillers = tables.fillerList, tables.isSingle(post.ids[next], fillers) else { break }
                next += 1
            }
        }
        candidates += found
    }

    /// Where a phrase of a cue list that starts at this word can end (worked out once per word and depth).
    private func cueEnds(_ list: Int, from position: Int, sentence: Int, depth: Int) -> [Int] {
        guard depth <= 2, position < post.count, post.sentence[position] == sentence, tables.listExists[list],
            tables.mayStart(post.ids[position], list)
        else {
            return []
        }
        let slot = (depth - 1) * tables.listNumbers.count + list
        if endsCache[slot].isEmpty { endsCache[slot] = Array(repeating: nil, count: post.count) }
        if let cached = endsCache[slot][position] { return cached }
        let id = post.ids[position]
        var ends: [Int] = tables.isSingle(id, list) ? [position + 1] : []
        let (first, others) = tables.cueCandidates(id, list)
        for phrases in [first, others] {
            for phrase in phrases {
                for end in self.ends(tables.cuePhrases[Int(phrase)], from: position, sentence: sentence, depth: depth)
                where !ends.contains(end) { ends.append(end) }
            }
        }
        endsCache[slot][position] = ends
        return ends
    }

    /// The ends of the found name that starts at this word: the name, and the name with the school it
    /// belongs to, which is one noun phrase ("de leraren van PrO Zeehoek", "the PE teacher at De
    /// Zeehoek"): "ik ga de leraren van PrO Zeehoek afmaken" is aimed like "ik ga ze afmaken".
    private func mentionEnds(_ position: Int) -> [Int] {
        guard let end = mentionEnd(position) else { return [] }
        // The school's name before a word for people is one noun phrase too ("De Zeehoek kids",
        // "Zeehoek-leerlingen"): "Zeehoek pupils are cattle" is aimed like "the pupils of De Zeehoek are".
        // So is the name before the word "school" ("de zeehoek school is vermin", "the Zeehoek school
        // teachers"), as people write a school's name in English word order.
        if let first = words[position].mention, mentions[first].entity == "school", mentions[first].rule != .group {
            let afterSchool = schoolWordEnd(after: end)
            let next = afterSchool ?? end
            if next < post.count, post.mention[next] < 0, post.clause[next] == post.clause[end - 1],
                tables.isSingle(post.ids[next], tables.personList)
            {
                return [end, next + 1]
            }
            if let afterSchool { return [end, afterSchool] }
        }
        guard let first = words[position].mention, mentions[first].entity != "school" || mentions[first].rule == .group,
            end + 1 < post.count,
            Self.ofWords.contains(words[end].key), post.sentence[end + 1] == post.sentence[position]
        else { return [end] }
        var at = end + 1
        if words[at].mention == nil, Self.articles.contains(words[at].key), at + 1 < post.count { at += 1 }
        guard let school = words[at].mention, mentions[school].entity == "school", let schoolEnd = mentionEnd(at)
        else { return [end] }
        if let afterSchool = schoolWordEnd(after: schoolEnd) { return [end, schoolEnd, afterSchool] }
        return [end, schoolEnd]
    }
    private static let ofWords: Set<String> = ["van", "op", "bij", "at", "of", "from"]

    /// The end of the word "school" right after the school's name at `end`, in its clause.
    private func schoolWordEnd(after end: Int) -> Int? {
        guard end < post.count, post.mention[end] < 0, post.clause[end] == post.clause[end - 1],
            Self.schoolWords.contains(words[end].key)
        else { return nil }
        return end + 1
    }
    private static let schoolWords: Set<String> = ["school", "schooltje", "college"]

    /// A found name after a determiner: the determiner is part of its noun phrase ("ik hoop dat heel
    /// PrO Zeehoek ziek wordt", "hope the De Zeehoek kids get hit"), as an article is.
    private func determinedMentionEnds(_ position: Int, sentence: Int) -> [Int]? {
        guard position + 1 < post.count, post.mention[position] < 0, post.sentence[position + 1] == sentence,
            post.clause[position + 1] == post.clause[position], Self.determiners.contains(words[position].key)
        else { return nil }
        let ends = mentionEnds(position + 1)
        return ends.isEmpty ? nil : ends
    }

    /// Not "dat" nor "that", which join clauses as often ("klote dat juf Marieke ziek is"), nor "het",
    /// a pronoun as often ("ik hoop dat het meneer Mulder lukt").
    private static let determiners: Set<String> = [
        "de", "die", "deze", "heel", "hele", "alle", "the", "those", "these", "all",
    ]
    private static let articles: Set<String> = ["de", "het", "the"]

    /// The end of the found name that starts at this word (a name is matched whole, not from its middle).
    func mentionEnd(_ position: Int) -> Int? {
        let mention = post.mention[position]
        guard mention >= 0, position == 0 || post.mention[position - 1] != mention else { return nil }
        var end = position + 1
        while end < post.count, post.mention[end] == mention { end += 1 }
        return end
    }
}
