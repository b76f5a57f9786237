/// Small misspellings of long name words: "Verbeeck" for Verbeek, "Hoekstar" for Hoekstra.
/// By default edit distance 1 from 6 letters, 2 from 10 (`matching:` in feeds.yaml; a swap of two letters counts as one), looked up
/// through an index of deletions (SymSpell): two words within d edits share a string made by
/// deleting at most d letters from each. The deletions are hashed, not built (`DeletionHashes`),
/// so a text word costs some arithmetic and a few table probes whatever the number of names.
/// A class: the matcher hands it on for every word, and a struct of six arrays costs six retains a copy.
final class Misspellings: Sendable {
    private let oneEditFrom: Int
    private let twoEditsFrom: Int

    private let vocabulary: [[UInt8]]
    /// Which bytes (mod 64) each vocabulary word has: with few name words (one school's staff) a scan
    /// of these beats hashing every deletion of every word. An edit changes at most two bits, so a
    /// word more than `2 × edits` bits off cannot be within `edits`.
    private let byteMasks: [UInt64]
    /// Up to this many vocabulary words, `byteMasks` are scanned instead of the deletion index.
    private let scanUpTo: Int
    /// Hash of a deletion variant → the vocabulary words that have it: an open-addressing table of
    /// the hashes, each with its run of `postings` (a lookup is a multiply and a probe, no SipHash).
    private let slotHashes: [UInt64]
    private let slotRuns: [(start: Int32, count: Int32)]
    private let postings: [Int32]
    /// One bit per `slotHashes` entry's hash, eight times as many bits as slots: most variants of a
    /// text word are in no name, and this small table (in cache) says so before the large one is probed.
    private let present: [UInt64]
    private let shortest: Int
    private let longest: Int

    /// `words`: the name words that may be misspelled (match keys).
    init(words: some Sequence<String>, settings: MatchingSettings = MatchingSettings(), scanUpTo: Int = 64) {
        // Clamped: the type is public, and a word of 4 letters or fewer is never corrected.
        oneEditFrom = settings.misspellings ? min(max(settings.oneEditFrom, 5), 1_000) : 1_000
        twoEditsFrom = settings.misspellings ? min(max(settings.twoEditsFrom, oneEditFrom + 1), 1_000) : 1_000
        let minimum = oneEditFrom
        let unique = Set(words.map { Array($0.utf8) }.filter { $0.count >= minimum && $0.count <= 40 })
        vocabulary = unique.sorted { $0.lexicographicallyPrecedes($1) }
        byteMasks = vocabulary.map(Self.byteMask)
        self.scanUpTo = scanUpTo
        shortest = vocabulary.map(\.count).min() ?? 0
        longest = vocabulary.map(\.count).max() ?? 0
        var byDeletion: [UInt64: [Int32]] = [:]
        for (index, word) in vocabulary.enumerated() {
            let edits = word.count >= twoEditsFrom ? 2 : word.count >= oneEditFrom ? 1 : 0
            word.withUnsafeBufferPointer {
                DeletionHashes.forEach(of: $0, upTo: edits) {
                    byDeletion[$0, default: []].append(Int32(index))
                }
            }
        }
        var bits = 3
        while 1 << bits < byDeletion.count * 2 { bits += 1 }
        var hashes = [UInt64](repeating: 0, count: 1 << bits)
        var runs = [(start: Int32, count: Int32)](repeating: (0, 0), count: 1 << bits)
        var postings: [Int32] = []
        for (hash, words) in byDeletion {
            var slot = Self.slot(hash, bits: bits)
            while runs[slot].count != 0 { slot = (slot + 1) & (hashes.count - 1) }
            let unique = Array(Set(words)).sorted()
            (hashes[slot], runs[slot]) = (hash, (Int32(postings.count), Int32(unique.count)))
            postings += unique
        }
        (slotHashes, slotRuns, self.postings) = (hashes, runs, postings)
        var present = [UInt64](repeating: 0, count: (1 << bits) / 8)
        for hash in byDeletion.keys {
            let bit = Self.presenceBit(hash, bits: bits + 3)
            present[bit >> 6] |= 1 << UInt64(bit & 63)
        }
        self.present = present
    }

    private static func presenceBit(_ hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: hash >> UInt64(64 - bits))
    }

    private static func slot(_ hash: UInt64, bits: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
    }

    /// The vocabulary words with the deletion variant `hash`.
    private func words(withDeletion hash: UInt64) -> ArraySlice<Int32> {
        let mask = slotHashes.count - 1
        let bits = mask.nonzeroBitCount
        let bit = Self.presenceBit(hash, bits: bits + 3)
        guard present[bit >> 6] & (1 << UInt64(bit & 63)) != 0 else { return [] }
        var slot = Self.slot(hash, bits: bits)
        while slotRuns[slot].count != 0 {
            if slotHashes[slot] == hash {
                let run = slotRuns[slot]
                return postings[Int(run.start)..<Int(run.start + run.count)]
            }
            slot = (slot + 1) & mask
        }
        return []
    }

    func allowedEdits(_ length: Int) -> Int { length >= twoEditsFrom ? 2 : length >= oneEditFrom ? 1 : 0 }

    /// The name word `word` is a misspelling of, or nil (also when it is the name itself).
    func correction(of word: String) -> String? {
        guard mayBeMisspelling(length: word.utf8.count) else { return nil }
        let index =
            word.utf8.withContiguousStorageIfAvailable(correctionIndex)
            ?? Array(word.utf8).withUnsafeBufferPointer(correctionIndex)
        return index.map { String(decoding: vocabulary[Int($0)], as: UTF8.self) }
    }

    /// Whether `correction` would find a name word for a key's bytes.
    func hasCorrection(_ key: ArraySlice<UInt8>) -> Bool {
        guard mayBeMisspelling(length: key.count) else { return false }
        return key.withUnsafeBufferPointer(correctionIndex) != nil
    }

    private static func byteMask(_ bytes: some Sequence<UInt8>) -> UInt64 {
        bytes.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    /// `correctionIndex` by comparing with each vocabulary word.
    private func scan(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = Self.byteMask(key)
        var best: (index: Int32, distance: Int)?
        for index in vocabulary.indices {
            let candidate = vocabulary[index]
            let allowed = allowedEdits(candidate.count)
            guard abs(candidate.count - key.count) <= allowed, (byteMasks[index] ^ mask).nonzeroBitCount <= 2 * allowed
            else { continue }
            let distance = candidate.withUnsafeBufferPointer { Self.distance(key, $0, limit: allowed) }
            // The name itself is no misspelling of anything.
            if distance == 0 { return nil }
            if distance <= allowed, best == nil || distance < best!.distance { best = (Int32(index), distance) }
        }
        return best?.index
    }

    /// Cheap refusals first: most words are far too short or long to be one edit from a name.
    private func mayBeMisspelling(length: Int) -> Bool {
        !vocabulary.isEmpty && length >= shortest - 1 && length <= longest + 2 && length >= oneEditFrom - 1
    }

    private func correctionIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        if vocabulary.count <= scanUpTo { return scan(bytes) }
        var best: (index: Int32, distance: Int)?
        var isName = false
        // Two letters deleted from this word are needed only when it is as long as a name word
        // allowed two edits: a shorter word within two edits of one (10 letters or more) lacks a
        // letter of it, so at most one edit is left that costs it a deletion (MisspellingsTests
        // holds this to the plain scan). The first hash is the word's own: a name word there is
        // this word, which is no misspelling.
        var first = true
        DeletionHashes.forEach(of: bytes, upTo: bytes.count >= twoEditsFrom ? 2 : 1) { hash in
            guard !isName else { return }
            defer { first = false }
            for index in words(withDeletion: hash) where index != best?.index {
                let candidate = vocabulary[Int(index)]
                if first, candidate.elementsEqual(bytes) {
                    isName = true
                    return
                }
                let allowed = allowedEdits(candidate.count)
                guard abs(candidate.count - bytes.count) <= allowed else { continue }
                let distance = candidate.withUnsafeBufferPointer { Self.distance(bytes, $0, limit: allowed) }
                guard distance <= allowed else { continue }
                if best == nil || distance < best!.distance || (distance == best!.distance && index < best!.index) {
                    best = (index, distance)
                }
            }
        }
        return isName ? nil : best?.index
    }

    /// Edit distance with adjacent transpositions ("Hoekstar" is one slip from Hoekstra; optimal
    /// string alignment), or `limit + 1` as soon as it must exceed `limit`.
    static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        Array(a.utf8).withUnsafeBufferPointer { a in
            Array(b.utf8).withUnsafeBufferPointer { b in distance(a, b, limit: limit) }
        }
    }

    static func distance(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        // Three rows of the table, on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * (b.count + 1)) { rows in
            var beforePrevious = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var previous = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...(2 * b.count + 1)])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(2 * b.count + 2)...])
            for j in 0...b.count { (beforePrevious[j], previous[j], current[j]) = (0, j, 0) }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                for j in 1...b.count {
                    var cost = min(
                        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                        cost = min(cost, beforePrevious[j - 2] + 1)
                    }
                    current[j] = cost
                    rowMinimum = min(rowMinimum, cost)
                }
                if rowMinimum > limit { return limit + 1 }
                (beforePrevious, previous, current) = (previous, current, beforePrevious)
            }
            return min(previous[b.count], limit + 1)
        }
    }
}
