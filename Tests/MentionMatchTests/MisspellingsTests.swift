import Foundation
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// `Misspellings` finds a name word one or two edits off through an index of deletions, or, with
/// few name words, by scanning them all; both ways must give the same word for every text word.
struct MisspellingsTests {
    static let names = WorldFixture.config.staff.flatMap { MatchText.words($0.name) }

    @Test(
        arguments: [
            // As match keys: a doubled letter is folded ("verbek").
            ("Verbeeck", "verbek"), ("Hoekstar", "hoekstra"), ("Oosterhuiz", "osterhuis"),
            // Two letters swapped twice in a nine-letter word is two edits: too far under ten letters.
            ("Verbeek", nil), ("banaan", nil), ("Hoek", nil), ("Oostrehius", nil),
        ] as [(String, String?)])
    func aWordANameWordIsMisspeltAsIsReadAsIt(_ word: String, _ expected: String?) {
        for scanUpTo in [0, Int.max] {
            let misspellings = Misspellings(words: Self.names, scanUpTo: scanUpTo)
            let key = MatchText.words(word).first ?? ""
            #expect(misspellings.correction(of: key) == expected, "\(word), scan up to \(scanUpTo)")
            #expect(misspellings.hasCorrection(Array(key.utf8)[...]) == (expected != nil))
        }
    }

    @Test func scanningTheNamesFindsWhatTheIndexFindsOnTheCorpus() async throws {
        // The staff's names, and a few hundred more, so that two edits and ties between names occur.
        let extra = (0..<300).map { "naam\(String($0, radix: 7))veld" } + ["verbaak", "verbeke", "hoekstr", "mulders"]
        for vocabulary in [Self.names, Self.names + extra] {
            let index = Misspellings(words: vocabulary, scanUpTo: 0)
            let scan = Misspellings(words: vocabulary, scanUpTo: Int.max)
            let directory = Paths.repositoryRoot + "/corpus/train"
            var (words, found) = (0, 0)
            for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
                let text = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
                for word in Set(MatchText.words(text)) {
                    let expected = index.correction(of: word)
                    #expect(scan.correction(of: word) == expected, "\(word)")
                    #expect(scan.hasCorrection(Array(word.utf8)[...]) == (expected != nil), "\(word)")
                    words += 1
                    if expected != nil { found += 1 }
                }
                await Task.yield()
            }
            #expect(words > 10_000 && found > 5, "\(found) of \(words) words read as a name")
        }
    }
}

/// `DeletionHashes` makes each variant's hash from prefix hashes; it must be the hash of the
/// string the variant is, for every variant (a string may come twice: that costs a probe, no more).
struct DeletionHashesTests {
    @Test(arguments: ["verbeek", "hoekstra", "aab", "abcdefghijkl", "x", "mississippi"])
    func eachVariantHashesAsTheStringItIs(_ word: String) {
        let bytes = Array(word.utf8)
        for edits in 0...2 {
            var given: [UInt64] = []
            bytes.withUnsafeBufferPointer { DeletionHashes.forEach(of: $0, upTo: edits) { given.append($0) } }
            // Every string made by deleting up to `edits` letters, built and hashed plainly.
            var strings: Set<[UInt8]> = [bytes]
            if edits >= 1 {
                for a in bytes.indices {
                    var one = bytes
                    one.remove(at: a)
                    strings.insert(one)
                    guard edits >= 2 else { continue }
                    for b in one.indices {
                        var two = one
                        two.remove(at: b)
                        strings.insert(two)
                    }
                }
            }
            #expect(Set(given) == Set(strings.map { DeletionHashes.of($0) }), "\(word), \(edits) edits")
        }
    }
}
