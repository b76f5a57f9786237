/// Splits lexicon text into lines and fields as `split` on `Character`s does, but on bytes when the
/// text lets that give the same answer: the built-in lexicon's 2,700 lines are read at every start,
/// and grapheme breaking cost a tenth of a poll that finds nothing new.
enum LexiconLines {
    /// `text.split(separator: "\n", omittingEmptySubsequences: false)`. Without a "\r" no line break
    /// is part of a grapheme ("\r\n" is one, which the `Character` split keeps whole).
    static func lines(_ text: String) -> [Substring] {
        guard !text.utf8.contains(UInt8(ascii: "\r")) else {
            return text.split(separator: "\n", omittingEmptySubsequences: false)
        }
        return text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            text[$0.startIndex..<$0.endIndex]
        }
    }

    /// `line.split(whereSeparator: \.isWhitespace).map(String.init)`. In ASCII the white space is
    /// tab, line feed, vertical tab, form feed, carriage return and space ("\r\n" is white space too).
    static func fields(_ line: some StringProtocol) -> [String] {
        guard line.utf8.allSatisfy({ $0 < 0x80 }) else {
            return line.split(whereSeparator: { (character: Character) in character.isWhitespace }).map { String($0) }
        }
        return line.utf8.split(whereSeparator: { $0 == 0x20 || (0x09...0x0D).contains($0) }).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    /// `text.split(separator: separator)`, on bytes when the text is ASCII (where a `Character` is
    /// a byte, or "\r\n", which no ASCII separator but "\r" or "\n" meets).
    static func split<Text: StringProtocol>(_ text: Text, on separator: Character) -> [Text.SubSequence] {
        guard let byte = separator.asciiValue, byte != 0x0A, byte != 0x0D, text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.split(separator: separator)
        }
        return text.utf8.split(separator: byte).map { text[$0.startIndex..<$0.endIndex] }
    }

    /// `text.firstIndex(of: character)`, on bytes when the text is ASCII.
    static func firstIndex(of character: Character, in text: String) -> String.Index? {
        guard let byte = character.asciiValue, byte != 0x0A, byte != 0x0D, text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.firstIndex(of: character)
        }
        return text.utf8.firstIndex(of: byte)
    }
}
