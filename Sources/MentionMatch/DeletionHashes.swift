/// Hashes of a word with up to two of its letters deleted (the deletion variants of SymSpell), each
/// in constant time: a polynomial hash (Horner, mod 2^64) of a string with letters left out is
/// made from the word's prefix hashes, so a variant costs a few multiplications, not a pass over
/// the word. The identities are exact in wrapping arithmetic, so a variant hashes as the string
/// it stands for would (`DeletionHashesTests` checks that).
enum DeletionHashes {
    private static let base: UInt64 = 0x100_0000_01b3

    /// Calls `body` with the hash of `word` itself, then of each variant with one letter deleted
    /// and, when `edits` is 2, with two. Deleting either of two equal neighbours gives the same
    /// string: that variant is given once.
    static func forEach(of word: UnsafeBufferPointer<UInt8>, upTo edits: Int, _ body: (UInt64) -> Void) {
        let n = word.count
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * (n + 1)) { table in
            // prefix[k]: the hash of the first k bytes; power[k]: base^k.
            let prefix = UnsafeMutableBufferPointer(rebasing: table[0...n])
            let power = UnsafeMutableBufferPointer(rebasing: table[(n + 1)...])
            (prefix[0], power[0]) = (0, 1)
            for k in 0..<n {
                prefix[k + 1] = prefix[k] &* base &+ UInt64(word[k])
                power[k + 1] = power[k] &* base
            }
            /// The hash of bytes i..<j.
            func part(_ i: Int, _ j: Int) -> UInt64 { prefix[j] &- prefix[i] &* power[j - i] }
            body(finish(prefix[n], length: n))
            guard edits >= 1 else { return }
            for a in 0..<n {
                if a > 0, word[a] == word[a - 1] { continue }
                body(finish(prefix[a] &* power[n - 1 - a] &+ part(a + 1, n), length: n - 1))
                guard edits >= 2 else { continue }
                for b in (a + 1)..<n where !(b > a + 1 && word[b] == word[b - 1]) {
                    let kept = prefix[a] &* power[b - a - 1] &+ part(a + 1, b)
                    body(finish(kept &* power[n - 1 - b] &+ part(b + 1, n), length: n - 2))
                }
            }
        }
    }

    /// The plain hash of `bytes`, as `forEach` gives it for a variant that is those bytes.
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0
        var length = 0
        for byte in bytes {
            hash = hash &* base &+ UInt64(byte)
            length += 1
        }
        return finish(hash, length: length)
    }

    /// Mixed with the length, and the bits spread (the polynomial's low bits depend on few bytes).
    private static func finish(_ hash: UInt64, length: Int) -> UInt64 {
        var value = hash ^ UInt64(length) << 56
        value ^= value >> 31
        value &*= 0xBF58_476D_1CE4_E5B9
        return value ^ (value >> 29)
    }
}
