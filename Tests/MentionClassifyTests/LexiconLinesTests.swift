import Testing

@testable import MentionClassify

/// The lexicon is split and folded on bytes where that gives the same answer (`LexiconLines`,
/// `ClassifyText.plainKey`); these tests hold the byte ways to the `Character` and `MatchText` ways.
struct LexiconLinesTests {
    static let oddTexts = [
        "", "\n", "a\n\nb", "insult high kanker\r\nthreat high mes\r\n", "cue\tnegation  niet\u{0B}nooit\u{0C}x\r",
        "insult medium\u{00A0}kneus", "  leading and trailing  ", "gossip low één  ding\n", "x\u{2028}y z",
        "e\u{0301}n \n\u{0301}x",
    ]

    @Test func linesAndFieldsAreTheCharacterOnes() {
        let texts = Lexicon.builtInFiles.map(\.text) + Self.oddTexts
        var fieldCount = 0
        for text in texts {
            let lines = LexiconLines.lines(text)
            #expect(lines == text.split(separator: "\n", omittingEmptySubsequences: false), "\(text.prefix(40))")
            for line in lines {
                let fields = LexiconLines.fields(line)
                #expect(fields == line.split(whereSeparator: \.isWhitespace).map(String.init), "\(line)")
                fieldCount += fields.count
            }
        }
        #expect(fieldCount > 10_000)
    }

    @Test func splitsAtBarsAndPlusesAreTheCharacterOnes() {
        var fields = ["a|b", "|a||b|", "kanker|tyfus+@person", "x+\u{0301}y+z", "é|\u{0301}x|y", "a+b|c", "", "+"]
        for file in Lexicon.builtInFiles {
            for line in LexiconLines.lines(file.text) { fields += LexiconLines.fields(line) }
        }
        for field in fields {
            #expect(LexiconLines.split(field, on: "|") == field.split(separator: "|"), "\(field)")
            #expect(LexiconLines.firstIndex(of: "+", in: field) == field.firstIndex(of: "+"), "\(field)")
            let head = field[..<(field.firstIndex(of: "+") ?? field.endIndex)]
            #expect(LexiconLines.split(head, on: "|") == head.split(separator: "|"), "\(field)")
        }
        #expect(fields.filter { $0.contains("|") }.count > 100)
    }

    @Test func plainKeysAreTheFoldedOnes() {
        var words: Set<String> = [
            "kankerrrr", "aaa", "aa", "a", "deel", "juffff", "zzzzzz", "abba", "jufMarieke", "k4nker",
        ]
        for file in Lexicon.builtInFiles {
            for line in LexiconLines.lines(file.text) {
                for field in LexiconLines.fields(line) {
                    words.insert(field)
                    for part in field.split(whereSeparator: { "|+*".contains($0) }) { words.insert(String(part)) }
                }
            }
        }
        var plain = 0
        // "youre", "theyre": a post's contraction is two words; the joined form comes only from spelling repair.
        for word in words where !ClassifyText.unambiguousContractions.contains(word) {
            guard let key = ClassifyText.plainKey(word) else { continue }
            plain += 1
            #expect([key] == ClassifyText(word).words.map(\.key), "\(word)")
        }
        #expect(plain > 2_000)
        #expect(ClassifyText.plainKey("kankerrrr") == "kanker")
        #expect(ClassifyText.plainKey("deel") == "deel")
        #expect(ClassifyText.plainKey("jufMarieke") == nil)
    }
}
