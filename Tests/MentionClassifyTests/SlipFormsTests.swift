import Testing

@testable import MentionClassify

/// The slips are hashed from bytes in one buffer (`SlipForms`); these tests hold them to the
/// definition written with strings, which is how the repair was first written and is easy to read.
struct SlipFormsTests {
    /// The definition: the slips of `word` as strings.
    static func referenceForms(of word: String) -> Set<String> {
        let letters = Array(word.utf8)
        var forms: Set<String> = []
        for dropping in [SpellingRepair.vowels, SpellingRepair.vowelsAndY] {
            let skeleton = SpellingRepair.skeleton(word, dropping: dropping)
            if skeleton.utf8.count >= 3 { forms.insert(skeleton) }
        }
        func add(_ bytes: [UInt8]) { forms.insert(String(decoding: bytes, as: UTF8.self)) }
        for index in 1..<(letters.count - 1) where letters[index] != letters[index + 1] {
            var swapped = letters
            swapped.swapAt(index, index + 1)
            add(swapped)
        }
        if letters.count >= 5 {
            for index in 1..<letters.count {
                var dropped = letters
                dropped.remove(at: index)
                add(dropped)
            }
        }
        for index in letters.indices where index + 1 == letters.count || letters[index] != letters[index + 1] {
            var doubled = letters
            doubled.insert(letters[index], at: index)
            add(doubled)
        }
        return forms
    }

    static var lexiconWords: [String] {
        Lexicon.builtIn.literalWords().keys.sorted().filter {
            $0.utf8.count >= 4 && $0.utf8.allSatisfy(SpellingRepair.isLetter)
        }
    }

    @Test func theHashedSlipsAreTheDefinedOnes() {
        var forms = SlipForms()
        let words = Self.lexiconWords + ["aapje", "sjmrt", "kanker", "ooievaar", "yyyy", "abba"]
        #expect(words.count > 500)
        for word in words {
            forms.read(word)
            let hashes = Set(forms.hashes)
            let expected = Set(Self.referenceForms(of: word).map { SpellingRepair.hash($0.utf8) })
            #expect(hashes == expected, "\(word)")
        }
    }

    /// The whole table, against the first algorithm run on strings: the same slips go to the same words.
    @Test func theSlipTableIsTheDefinedOne() {
        let lexicon = Lexicon.builtIn
        let literal = lexicon.literalWords()
        let taken = Set(literal.keys).union(lexicon.cueVocabulary())
        var best: [String: (word: String, uses: Int)] = [:]
        var ambiguous: Set<String> = []
        for word in Self.lexiconWords {
            let uses = literal[word] ?? 0
            for slip in Self.referenceForms(of: word) where !taken.contains(slip) {
                guard let other = best[slip], other.word != word else {
                    best[slip] = (word, uses)
                    continue
                }
                if uses == other.uses {
                    ambiguous.insert(slip)
                } else if uses > other.uses {
                    best[slip] = (word, uses)
                }
            }
        }
        for slip in ambiguous { best[slip] = nil }

        let slips = SpellingRepair.slips(of: lexicon)
        #expect(slips.count == best.count)
        #expect(slips.count > 50_000)
        for word in Self.lexiconWords {
            for slip in Self.referenceForms(of: word) {
                #expect(slips.word(for: slip) == best[slip]?.word, "\(slip) of \(word)")
            }
        }
    }
}
