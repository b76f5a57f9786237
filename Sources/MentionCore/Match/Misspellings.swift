/// Small misspellings of long name words: "Verbeeck" for Verbeek, "Hoeksta" for Hoekstra.
/// Edit distance 1 from 6 letters, 2 from 10 (a swap of two letters counts as one), looked up through an index of
/// deletions (SymSpell), so a text word costs a few hash lookups whatever the number of names.
struct Misspellings: Sendable {
    static let oneEditFrom = 6
    static let twoEditsFrom = 10

    private let vocabulary: Set<String>
    private var byDeletion: [String: [String]] = [:]

    /// `words`: the name words that may be misspelled (match keys).
    init(words: some Sequence<String>) {
        var vocabulary: Set<String> = []
        for word in words where word.count >= Self.oneEditFrom { vocabulary.insert(word) }
        self.vocabulary = vocabulary
        for word in vocabulary {
            for variant in Self.deletions(of: word, upTo: Self.allowedEdits(word.count)) { byDeletion[variant, default: []].append(word) }
        }
    }

    static func allowedEdits(_ length: Int) -> Int { length >= twoEditsFrom ? 2 : length >= oneEditFrom ? 1 : 0 }

    /// The name word `word` is a misspelling of, or nil (also when it is the name itself).
    func correction(of word: String) -> String? {
        let length = word.count
        guard length >= Self.oneEditFrom - 1, !vocabulary.contains(word), length <= 40 else { return nil }
        var best: (word: String, distance: Int)?
        // A word under 8 letters can only be one edit from a name word (two edits need 10 letters).
        for variant in Self.deletions(of: word, upTo: length >= Self.twoEditsFrom - 2 ? 2 : 1) {
            for candidate in byDeletion[variant] ?? [] {
                let allowed = Self.allowedEdits(candidate.count)
                guard abs(candidate.count - length) <= allowed else { continue }
                let distance = Self.distance(word, candidate, limit: allowed)
                if distance <= allowed, distance < (best?.distance ?? .max) || (distance == best?.distance && candidate < best!.word) {
                    best = (candidate, distance)
                }
            }
        }
        return best?.word
    }

    /// The word and every string made from it by deleting up to `edits` characters.
    static func deletions(of word: String, upTo edits: Int) -> Set<String> {
        var result: Set<String> = [word]
        var frontier: Set<String> = [word]
        for _ in 0..<edits {
            var next: Set<String> = []
            for text in frontier where text.count > 1 {
                let characters = Array(text)
                for index in characters.indices {
                    var shorter = characters
                    shorter.remove(at: index)
                    next.insert(String(shorter))
                }
            }
            result.formUnion(next)
            frontier = next
        }
        return result
    }

    /// Edit distance with adjacent transpositions ("Hoekstar" is one slip from Hoekstra; optimal
    /// string alignment), or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                var cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { cost = min(cost, beforePrevious[j - 2] + 1) }
                current[j] = cost
                rowMinimum = min(rowMinimum, cost)
            }
            if rowMinimum > limit { return limit + 1 }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return min(previous[b.count], limit + 1)
    }
}
