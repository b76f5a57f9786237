import Testing

@testable import FeedKit

/// The byte-level shortcuts of the parser's fast paths (issue 16) against plain per-byte versions.
struct ByteLevelTests {
    /// A fixed xorshift: the same words on every run.
    private struct Words: RandomNumberGenerator {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }
    }

    private static let edgeBytes: [UInt8] = [
        0x00, 0x01, 0x09, 0x0A, 0x1F, 0x20, 0x21, 0x26, 0x7F, 0x80, 0xA0, 0xC2, 0xFF,
    ]

    private static func testWords() -> [UInt64] {
        var random = Words()
        var words = (0..<2000).map { _ in random.next() }
        // Words made of the bytes at the edges of each test, so every neighbour of a borrow occurs.
        for _ in 0..<4000 {
            var word: UInt64 = 0
            for lane in 0..<8 {
                let byte = edgeBytes[Int(random.next() % UInt64(edgeBytes.count))]
                word |= UInt64(byte) << UInt64(lane * 8)
            }
            words.append(word)
        }
        return words
    }

    private static func mask(_ word: UInt64, _ test: (UInt8) -> Bool) -> UInt64 {
        var mask: UInt64 = 0
        for lane in 0..<8 where test(UInt8(truncatingIfNeeded: word >> UInt64(lane * 8))) {
            mask |= 0x80 << UInt64(lane * 8)
        }
        return mask
    }

    @Test func wordMasksMarkExactlyTheBytesTheyName() {
        for word in Self.testWords() {
            for limit: UInt8 in [0x01, 0x20, 0x21, 0x27, 0x80] {
                #expect(ByteWord.bytes(below: limit, in: word) == Self.mask(word) { $0 < limit })
                #expect(ByteWord.hasByte(below: limit, in: word) == (Self.mask(word) { $0 < limit } != 0))
            }
            for byte: UInt8 in [0x00, 0x20, 0x26, 0xC2, 0xFF] {
                #expect(ByteWord.bytes(equalTo: byte, in: word) == Self.mask(word) { $0 == byte })
                #expect(ByteWord.hasByte(byte, in: word) == (Self.mask(word) { $0 == byte } != 0))
            }
        }
    }

    /// `plainText` of text without markup is its white space collapsed; here the rule written
    /// per character, against the eight-bytes-at-a-time copy.
    private static func collapsed(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        var pendingNewline = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case " ", "\t", "\u{0B}", "\u{0C}", "\u{A0}": pendingSpace = true
            case "\n", "\r": pendingNewline = true
            default:
                if !out.isEmpty, pendingSpace || pendingNewline { out += pendingNewline ? "\n" : " " }
                pendingSpace = false
                pendingNewline = false
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    @Test func collapsingWhiteSpaceMatchesTheRulePerCharacter() {
        let pieces = [
            "a", "bc", "word", "langerwoord", "Zeehoek", " ", " ", "  ", "\t", "\n", "\r\n", "\u{A0}", "©", "é",
            "\u{0B}", "\u{0C}", "\u{01}", "\"", "'", "—",
        ]
        var random = Words()
        for _ in 0..<5000 {
            let count = Int(random.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(HTMLText.plainText(text) == Self.collapsed(text), "\(Array(text.utf8))")
        }
    }

    @Test func manyNamesSharingTheNameTableKeepTheirOwnStrings() throws {
        // 600 names for 128 slots: most share a slot with others, and come back after being evicted.
        let names = (0..<600).map { "n\($0 * 7919 % 1000)x" } + ["a:b", "abcdefghijklmno", "abcdefghijklmnop"]
        var xml = "<root xmlns:a='urn:a'>"
        for round in 0..<2 {
            for name in names { xml += "<\(name) k\(name.count)='\(round)'>\(name)</\(name)>" }
        }
        xml += "</root>"
        var parser = MarkupParser(Array(xml.utf8))
        let root = try #require(try parser.parse())
        #expect(!parser.malformed)
        #expect(root.children.count == 2 * names.count)
        for (index, child) in root.children.enumerated() {
            let written = names[index % names.count]
            #expect(child.name == (written == "a:b" ? "b" : written))
            #expect(child.text == written)
            #expect(child.attribute("k\(written.count)") == (index < names.count ? "0" : "1"))
        }
    }
}
