import MentionMatch

@testable import MentionClassify

/// `PhraseSearch` as it was before it compared words by id: every word a string,
/// every lookup a hash. Kept as the reference `PhraseSearchTests` holds the fast search to.
final class ReferencePhraseSearch {
    let lexicon: Lexicon
    let words: [ClassWord]
    let mentions: [Mention]
    private var cueCache: [String: [Range<Int>]] = [:]
    private var bySentenceCache: [String: [Int: [Range<Int>]]] = [:]
    /// Per word: an ignored word ("kankerbestrijding"), checked once rather than at every phrase.
    private let ignored: [Bool]

    init(lexicon: Lexicon, text: ClassifyText, mentions: [Mention]) {
        self.lexicon = lexicon
        words = text.words
        self.mentions = mentions
        ignored =
            lexicon.ignored.isEmpty
            ? [Bool](repeating: false, count: text.words.count) : text.words.map { lexicon.isIgnored($0.key) }
    }

    /// Every entry that matches, at each word it starts at (the shortest match of each).
    func hits() -> [LexiconHit] {
        var hits: [LexiconHit] = []
        let index = lexicon.index
        for start in words.indices {
            let word = words[start]
            var candidates: [Int] = index.anywhere
            candidates += targetFirstCandidates(at: start)
            if word.key.utf8.contains(UInt8(ascii: "*")) {
                candidates = Array(lexicon.entries.indices)
            } else {
                var keys = [word.key]
                if word.hyphenNext, start + 1 < words.count { keys.append(word.key + words[start + 1].key) }
                for key in keys {
                    candidates += index.byWord[key] ?? []
                    if let first = key.utf8.first { candidates += index.byFirstByte[first] ?? [] }
                    if let last = key.utf8.last { candidates += index.byLastByte[last] ?? [] }
                }
            }
            var seen = Set<Int>()
            for entry in candidates where seen.insert(entry).inserted {
                guard
                    let end = ends(lexicon.entries[entry].phrase.items[...], from: start, sentence: word.sentence).min()
                else { continue }
                hits.append(LexiconHit(entry: entry, words: start..<end))
            }
        }
        return hits
    }

    /// Where the phrases of a cue list occur (cached: the rules ask for some lists more than once).
    func occurrences(of list: String) -> [Range<Int>] {
        if let cached = cueCache[list] { return cached }
        var found: [Range<Int>] = []
        for start in words.indices {
            if let end = cueEnds(list, from: start, sentence: words[start].sentence, depth: 1).max() {
                found.append(start..<end)
            }  // the longest: "niet waar dat" over "niet"
        }
        cueCache[list] = found
        return found
    }

    /// Whether a cue list occurs within these words, or, with `before`, ends at most that many words
    /// before their start, in the same clause.
    func hasCue(_ list: String, in range: Range<Int>, before: Int = 0) -> Bool {
        guard !range.isEmpty else { return false }
        let clause = words[range.lowerBound].clause
        return occurrences(of: list).contains { cue in
            cue.upperBound > range.lowerBound - before && cue.lowerBound < range.upperBound
                && (words[cue.upperBound - 1].clause == clause || cue.lowerBound >= range.lowerBound)
        }
    }

    func cueInSentence(_ list: String, _ sentence: Int) -> Range<Int>? {
        occurrences(of: list, inSentence: sentence).first
    }

    /// The occurrences of a cue list in one sentence (grouped once per list, so long posts stay linear).
    func occurrences(of list: String, inSentence sentence: Int) -> [Range<Int>] {
        if bySentenceCache[list] == nil {
            bySentenceCache[list] = Dictionary(grouping: occurrences(of: list)) { words[$0.lowerBound].sentence }
        }
        return bySentenceCache[list]?[sentence] ?? []
    }

    // MARK: - Matching items

    /// All word positions where `items` can end when they start at `start`.
    func ends(_ items: ArraySlice<PhraseItem>, from start: Int, sentence: Int, depth: Int = 0) -> [Int] {
        var positions = [start]
        var afterGap = true
        for item in items {
            var next: [Int] = []
            for position in positions {
                // Words next to each other in a phrase are in one clause: "kanker, meester Pieter" is two.
                if !afterGap, item != .gap, position > start, position < words.count,
                    words[position].clause != words[position - 1].clause
                {
                    continue
                }
                for end in self.ends(of: item, from: position, sentence: sentence, depth: depth)
                where !next.contains(end) { next.append(end) }
            }
            if next.isEmpty { return [] }
            // Fillers between a phrase's words are skipped: "echt een kk clown" is "een clown".
            if depth == 0, item != .gap, let fillers = lexicon.cueIndex["filler"]?.singles {
                for position in next {
                    var skipped = position
                    while skipped < words.count, skipped - position < 2, words[skipped].sentence == sentence,
                        fillers.contains(words[skipped].key)
                    {
                        skipped += 1
                        if !next.contains(skipped) { next.append(skipped) }
                    }
                }
            }
            positions = next
            afterGap = item == .gap
        }
        return positions
    }

    private func ends(of item: PhraseItem, from position: Int, sentence: Int, depth: Int) -> [Int] {
        if case .gap = item {
            // Up to three words, a found name counting as one ("maak juf Marieke van De Zeehoek morgen af").
            var ends = [position]
            var end = position
            var skipped = 0
            while end < words.count, skipped < 3, words[end].sentence == sentence {
                if let mention = words[end].mention {
                    while end < words.count, words[end].mention == mention { end += 1 }
                } else {
                    end += 1
                }
                skipped += 1
                ends.append(end)
            }
            return ends
        }
        guard position < words.count, words[position].sentence == sentence else { return [] }
        switch item {
        case .word(let pattern):
            var ends: [Int] = []
            let key = words[position].key
            if pattern.matches(key), pattern == .any || !ignored[position] { ends.append(position + 1) }
            if words[position].hyphenNext, position + 1 < words.count, pattern != .any {
                let joined = key + words[position + 1].key
                if pattern.matches(joined), !lexicon.isIgnored(joined) { ends.append(position + 2) }
            }
            return ends
        case .gap, .compound:
            return []  // a gap is handled above; compounds are resolved when the lexicon is read
        case .cue(let list):
            return cueEnds(list, from: position, sentence: sentence, depth: depth + 1)
        case .target:
            let named = mentionEnds(position)
            if !named.isEmpty { return named }
            let determined = determinedMentionEnds(position, sentence: sentence)
            if !determined.isEmpty { return determined }
            return cueEnds("person", from: position, sentence: sentence, depth: depth + 1)
                + cueEnds("pronoun", from: position, sentence: sentence, depth: depth + 1)
                + relativeGroupEnds(position, sentence: sentence)
        case .mention:
            return mentionEnds(position) + determinedMentionEnds(position, sentence: sentence)
                + relativeGroupEnds(position, sentence: sentence)
        case .school:
            guard let mention = words[position].mention, mentions[mention].entity == "school",
                let end = mentionEnd(position)
            else { return [] }
            return [end] + (schoolWordEnd(after: end).map { [$0] } ?? [])
        }
    }

    /// The entries starting with a name, person word or pronoun that could match here: by the word
    /// after the target (or after a filler or two), so most of them are never tried.
    private func targetFirstCandidates(at start: Int) -> [Int] {
        let word = words[start]
        let index = lexicon.index
        var ends =
            cueEnds("person", from: start, sentence: word.sentence, depth: 1)
            + cueEnds("pronoun", from: start, sentence: word.sentence, depth: 1)
        ends += mentionEnds(start)
        ends += determinedMentionEnds(start, sentence: word.sentence)
        ends += relativeGroupEnds(start, sentence: word.sentence)
        guard !ends.isEmpty else { return [] }
        var candidates = index.atTargetsAnyNext
        let fillers = lexicon.cueIndex["filler"]?.singles ?? []
        for end in ends {
            var next = end
            while next < words.count, next - end <= 2 {
                if words[next].key.utf8.contains(UInt8(ascii: "*")) { return index.atTargets }  // masked: try them all
                candidates += index.atTargetsByNextWord[words[next].key] ?? []
                if words[next].hyphenNext, next + 1 < words.count {
                    candidates += index.atTargetsByNextWord[words[next].key + words[next + 1].key] ?? []
                }
                guard fillers.contains(words[next].key) else { break }
                next += 1
            }
        }
        return candidates
    }

    /// Where a phrase of a cue list that starts at this word can end.
    private func cueEnds(_ list: String, from position: Int, sentence: Int, depth: Int) -> [Int] {
        guard depth <= 2, position < words.count, words[position].sentence == sentence,
            let index = lexicon.cueIndex[list]
        else { return [] }
        let key = words[position].key
        var ends: [Int] = index.singles.contains(key) ? [position + 1] : []
        for phrase in index.candidates(for: key) {
            for end in self.ends(phrase.items[...], from: position, sentence: sentence, depth: depth)
            where !ends.contains(end) { ends.append(end) }
        }
        return ends
    }

    /// The name's end, and for a person or group followed by "van"/"op"/... (an article) and the
    /// school, also the school's end.
    private func mentionEnds(_ position: Int) -> [Int] {
        guard let end = mentionEnd(position) else { return [] }
        let first = mentions[words[position].mention!]
        // The school's name, maybe the word "school", and a word for people ("De Zeehoek kids", "de
        // zeehoek school teachers") in one clause.
        if first.entity == "school", first.rule != .group {
            let afterSchool = schoolWordEnd(after: end)
            let next = afterSchool ?? end
            if next < words.count, words[next].mention == nil, words[next].clause == words[end - 1].clause,
                lexicon.cueIndex["person"]?.singles.contains(words[next].key) ?? false
            {
                return [end, next + 1]
            }
            if let afterSchool { return [end, afterSchool] }
        }
        guard first.entity != "school" || first.rule == .group, end + 1 < words.count,
            ["van", "op", "bij", "at", "of", "from"].contains(words[end].key),
            words[end + 1].sentence == words[position].sentence
        else { return [end] }
        var at = end + 1
        if words[at].mention == nil, ["de", "het", "the"].contains(words[at].key), at + 1 < words.count { at += 1 }
        guard let school = words[at].mention, mentions[school].entity == "school", let schoolEnd = mentionEnd(at)
        else { return [end] }
        return [end, schoolEnd] + (schoolWordEnd(after: schoolEnd).map { [$0] } ?? [])
    }

    /// After the school's name, the end of the word "school" (or "schooltje", "college") in its clause.
    private func schoolWordEnd(after end: Int) -> Int? {
        guard end < words.count, words[end].mention == nil, words[end].clause == words[end - 1].clause,
            ["school", "schooltje", "college"].contains(words[end].key)
        else { return nil }
        return end + 1
    }

    /// A determiner and the found name after it, in one clause ("heel PrO Zeehoek", "the De Zeehoek kids").
    private func determinedMentionEnds(_ position: Int, sentence: Int) -> [Int] {
        guard position + 1 < words.count, words[position].mention == nil, words[position + 1].sentence == sentence,
            words[position + 1].clause == words[position].clause,
            ["de", "die", "deze", "heel", "hele", "alle", "the", "those", "these", "all"].contains(words[position].key)
        else { return [] }
        return mentionEnds(position + 1)
    }

    /// "iedereen die (er) op De Zeehoek werkt", "wie bij De Zeehoek zit", "everyone who works at De
    /// Zeehoek": the relative clause's end (its verb, or the school when the verb came first).
    private func relativeGroupEnds(_ position: Int, sentence: Int) -> [Int] {
        let first = words[position].key
        var at = position + 1
        guard at < words.count else { return [] }
        // "every single person who …", "elke leraar die …": a word for all and a word for people first.
        let afterPeople = ["every", "each", "all", "elke", "elk", "iedere", "ieder", "alle"].contains(first)
        if ["every", "each", "all", "elke", "elk", "iedere", "ieder", "alle"].contains(first) {
            if words[at].key == "single" { at += 1 }
            let people = [
                "person", "people", "one", "teacher", "teachers", "pupil", "pupils", "kid", "kids", "student",
                "students", "employee", "employees", "persoon", "mens", "mensen", "leraar", "leraren", "docent",
                "docenten", "leerling", "leerlingen", "kind", "kinderen", "medewerker", "medewerkers", "personeelslid",
                "personeelsleden", "juf", "juffen", "meester", "meesters",
            ]
            guard at + 1 < words.count, people.contains(words[at].key),
                ["die", "wie", "who", "that", "dat"].contains(words[at + 1].key)
            else { return [] }
            at += 1
        } else if !["iedereen", "wie", "everyone", "everybody", "anyone", "anybody"].contains(first) {
            return []
        }
        let relative = ["die", "wie", "who", "that"].contains(words[at].key) || (afterPeople && words[at].key == "dat")
        if relative {
            at += 1
        } else if first != "wie" {
            return []
        }
        let verbs = [
            "werkt", "werken", "zit", "zitten", "lesgeeft", "lesgeven", "is", "works", "work", "teaches",
            "teach", "goes", "go", "attends", "attend",
        ]
        var verbFirst = false
        if relative, at < words.count, words[at].mention == nil, verbs.contains(words[at].key) {
            verbFirst = true
            at += 1
        }
        var skipped = 0
        while skipped < 3, at < words.count, words[at].mention == nil,
            ["er", "op", "bij", "at", "on", "for", "to", "de", "het", "the"].contains(words[at].key)
        {
            at += 1
            skipped += 1
        }
        guard at < words.count, words[at].sentence == sentence, let school = words[at].mention,
            mentions[school].entity == "school", let end = mentionEnd(at)
        else { return [] }
        if verbFirst { return [end] }
        guard end < words.count, words[end].sentence == sentence, verbs.contains(words[end].key) else { return [] }
        return [end + 1]
    }

    /// The end of the found name that starts at this word (a name is matched whole, not from its middle).
    private func mentionEnd(_ position: Int) -> Int? {
        guard let mention = words[position].mention, position == 0 || words[position - 1].mention != mention else {
            return nil
        }
        var end = position + 1
        while end < words.count, words[end].mention == mention { end += 1 }
        return end
    }

    /// Whether a phrase the school silenced overlaps these words ("idioot van het jaar" silences the
    /// "idioot" in it; "stiekem best" the "stiekem").
    func isSilenced(_ range: Range<Int>) -> Bool {
        guard !lexicon.silenced.isEmpty, !range.isEmpty else { return false }
        for start in max(0, range.lowerBound - 4)..<range.upperBound {
            for phrase in lexicon.silenced
            where ends(phrase.items[...], from: start, sentence: words[start].sentence).contains(where: {
                $0 > range.lowerBound
            }) {
                return true
            }
        }
        return false
    }
}
