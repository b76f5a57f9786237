/// The slips people make on purpose or by accident, as their hashes (`SpellingRepair.hash`): vowels
/// left out, two neighbours swapped, one letter dropped (words of five or more), one doubled. The
/// first letter stays, as a word is read by it (the vowel-less skeletons drop it when it is one).
/// The lexicon makes about 100,000 slips at every start, and a `String` each cost a fifth of a poll
/// that finds nothing new: here a slip is only hashed, from the hash of the letters before the edit.
struct SlipForms {
    /// The hashes of the slips of the word last read; a slip that two edits make is in twice.
    private(set) var hashes: [UInt64] = []
    private var letters: [UInt8] = []

    init() {
        hashes.reserveCapacity(256)
        letters.reserveCapacity(64)
    }

    /// Makes `hashes` those of `word`'s slips (letters a-z, at least four).
    mutating func read(_ word: String) {
        hashes.removeAll(keepingCapacity: true)
        letters.removeAll(keepingCapacity: true)
        letters.append(contentsOf: word.utf8)
        letters.withUnsafeBufferPointer { word in
            let count = word.count
            /// The hash of `state` continued with the letters from `start` on.
            func rest(_ state: UInt64, from start: Int) -> UInt64 {
                var state = state
                for index in start..<count { state = Self.step(state, word[index]) }
                return state
            }
            for droppingY in [false, true] {
                var state = Self.basis
                var kept = 0
                for letter in word where !Self.isVowel(letter, orY: droppingY) {
                    state = Self.step(state, letter)
                    kept += 1
                }
                if kept >= 3 { hashes.append(state) }
            }
            var before = Self.basis  // the hash of the letters before `index`
            for index in 0..<count {
                let differsFromNext = index + 1 == count || word[index] != word[index + 1]
                if index >= 1, index < count - 1, differsFromNext {  // swapped with the next
                    hashes.append(rest(Self.step(Self.step(before, word[index + 1]), word[index]), from: index + 2))
                }
                if count >= 5, index >= 1 {  // dropped
                    hashes.append(rest(before, from: index + 1))
                }
                if differsFromNext {  // doubled
                    hashes.append(rest(Self.step(Self.step(before, word[index]), word[index]), from: index + 1))
                }
                before = Self.step(before, word[index])
            }
        }
    }

    private static let basis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// One byte of FNV-1a, as `SpellingRepair.hash` takes it.
    private static func step(_ state: UInt64, _ byte: UInt8) -> UInt64 { (state ^ UInt64(byte)) &* 0x100_0000_01b3 }

    private static func isVowel(_ byte: UInt8, orY: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return true
        case UInt8(ascii: "y"): return orY
        default: return false
        }
    }
}
