/// A lexicon entry found in a post: which entry, over which words.
struct LexiconHit: Sendable {
    var entry: Int
    var words: Range<Int>
}

/// Finds lexicon phrases and cue lists in one post's words. A phrase never crosses a sentence.
final class PhraseSearch {
    let lexicon: Lexicon
    let words: [ClassWord]
    let mentions: [Mention]
    private var cueCache: [String: [Range<Int>]] = [:]
    /// Per word: an ignored word ("kankerbestrijding"), checked once rather than at every phrase.
    private let ignored: [Bool]

    init(lexicon: Lexicon, text: ClassifyText, mentions: [Mention]) {
        self.lexicon = lexicon
        words = text.words
        self.mentions = mentions
        ignored = lexicon.ignored.isEmpty ? [Bool](repeating: false, count: text.words.count) : text.words.map { lexicon.isIgnored($0.key) }
    }

    /// Every entry that matches, at each word it starts at (the shortest match of each).
    func hits() -> [LexiconHit] {
        var hits: [LexiconHit] = []
        let index = lexicon.index
        for start in words.indices {
            let word = words[start]
            var candidates: [Int] = index.anywhere
            if word.mention != nil || !cueEnds("person", from: start, sentence: word.sentence, depth: 1).isEmpty
                || !cueEnds("pronoun", from: start, sentence: word.sentence, depth: 1).isEmpty {
                candidates += index.atTargets
            }
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
                guard let end = ends(lexicon.entries[entry].phrase.items[...], from: start, sentence: word.sentence).min() else { continue }
                let hit = LexiconHit(entry: entry, words: start..<end)
                if !isSilenced(hit.words) { hits.append(hit) }
            }
        }
        return hits
    }

    /// Where the phrases of a cue list occur (cached: the rules ask for some lists more than once).
    func occurrences(of list: String) -> [Range<Int>] {
        if let cached = cueCache[list] { return cached }
        var found: [Range<Int>] = []
        for start in words.indices {
            if let end = cueEnds(list, from: start, sentence: words[start].sentence, depth: 1).min() { found.append(start..<end) }
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
        occurrences(of: list).first { words[$0.lowerBound].sentence == sentence }
    }

    // MARK: - Matching items

    /// All word positions where `items` can end when they start at `start`.
    func ends(_ items: ArraySlice<PhraseItem>, from start: Int, sentence: Int, depth: Int = 0) -> [Int] {
        var positions = [start]
        for item in items {
            var next: [Int] = []
            for position in positions {
                for end in self.ends(of: item, from: position, sentence: sentence, depth: depth) where !next.contains(end) { next.append(end) }
            }
            if next.isEmpty { return [] }
            positions = next
        }
        return positions
    }

    private func ends(of item: PhraseItem, from position: Int, sentence: Int, depth: Int) -> [Int] {
        if case .gap = item {
            var ends = [position]
            var end = position
            while end < words.count, end - position < 3, words[end].sentence == sentence { end += 1; ends.append(end) }
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
            if let end = mentionEnd(position) { return [end] }
            return cueEnds("person", from: position, sentence: sentence, depth: depth + 1)
                + cueEnds("pronoun", from: position, sentence: sentence, depth: depth + 1)
        case .mention:
            return mentionEnd(position).map { [$0] } ?? []
        case .school:
            guard let mention = words[position].mention, mentions[mention].entity == "school" else { return [] }
            return mentionEnd(position).map { [$0] } ?? []
        }
    }

    /// Where a phrase of a cue list that starts at this word can end.
    private func cueEnds(_ list: String, from position: Int, sentence: Int, depth: Int) -> [Int] {
        guard depth <= 2, position < words.count, words[position].sentence == sentence, let index = lexicon.cueIndex[list] else { return [] }
        let key = words[position].key
        var ends: [Int] = index.singles.contains(key) ? [position + 1] : []
        for phrase in index.candidates(for: key) {
            for end in self.ends(phrase.items[...], from: position, sentence: sentence, depth: depth) where !ends.contains(end) { ends.append(end) }
        }
        return ends
    }

    /// The end of the found name that covers this word.
    private func mentionEnd(_ position: Int) -> Int? {
        guard let mention = words[position].mention else { return nil }
        var end = position + 1
        while end < words.count, words[end].mention == mention { end += 1 }
        return end
    }

    private func isSilenced(_ range: Range<Int>) -> Bool {
        for phrase in lexicon.silenced {
            for start in range where ends(phrase.items[...], from: start, sentence: words[start].sentence).contains(where: { $0 <= range.upperBound }) {
                return true
            }
        }
        return false
    }
}
