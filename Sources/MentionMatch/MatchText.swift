import Foundation

/// Text normalised for finding names, with each word's place in the original text.
///
/// Pupils disguise names: "J U F  M A R I E K E", "m.a.r.i.e.k.e", "n00rdhoek", "juffff",
/// "Ｍａｒｉｅｋｅ", "mаrieke" with a Cyrillic а, "ju\u{200B}f", "#jufMarieke". Every word becomes
/// a key that all of those share: NFKC compatibility forms and case folded, diacritics and
/// invisible characters dropped, look-alike letters mapped to Latin, digits and symbols used as
/// letters read as letters, "l" read as "i" (so "1" can stand for either), and repeated letters
/// written once. Patterns go through the same function, so both sides meet in the middle.
/// (The classifier keeps `TextTokens`: its lexicon needs words as written.)
public enum MatchText {
    /// The words of `text` as match keys; offsets are Unicode scalars of `text`, end exclusive.
    /// `readingLAsI: false` gives the classifier's keys, closer to the word as written: "l" stays apart
    /// from "i" ("lul", "lijer"), and a letter written twice stays twice ("deel" is not "del"); only
    /// three or more in a row are one ("kankerrrr").
    public static func tokens(_ text: String, readingLAsI: Bool = true) -> [TextToken] {
        keyed(text, readingLAsI: readingLAsI).tokens
    }

    /// The same words as keys in one byte buffer, no `String` per word: the matcher's hot path.
    static func keyed(_ text: String, readingLAsI: Bool = true) -> KeyedText {
        keyedUTF8(text, readingLAsI: readingLAsI) ?? keyedScalars(text, readingLAsI: readingLAsI)
    }

    /// `keyed` for any text, scalar by scalar: what the UTF-8 path must equal.
    static func keyedScalars(_ text: String, readingLAsI: Bool) -> KeyedText {
        let scalars = Array(text.unicodeScalars)
        var out = KeyedText()
        out.keys.reserveCapacity(scalars.count)
        var word: [UInt8] = []
        word.reserveCapacity(32)
        var start = 0
        var lastLetterEnd = 0
        var previousWasLower = false
        var inHandle = false  // from an "@" that starts a word up to the next white space
        var atRunLeft = 0  // "@"s still to come that the first of their run made letters
        func finish() {
            if !word.isEmpty {
                out.append(key: word, readingLAsI: readingLAsI, start: start, end: lastLetterEnd, inHandle: inHandle)
            }
            word.removeAll(keepingCapacity: true)
            previousWasLower = false
        }
        for (offset, scalar) in scalars.enumerated() {
            // ASCII first: most text is, and none of it is ignorable.
            if !scalar.isASCII, isIgnorable(scalar) { continue }
            var letter = TextTokens.isWordScalar(scalar)
            // "@" and "$" are letters in disguise when a letter follows: "m@rieke" (after at most
            // three letters, or before at most two to the word's end, as in "yilm@z"; so
            // "info@school.nl", "f.yilmaz@zeehoek" and "fuck@you" stay two words) and "$anne" (a price has digits).
            // Two for a long vowel: "h@@t" is "haat" (decided at the first, so "str@@t" is "straat").
            if !letter, scalar == "@" {
                if atRunLeft > 0 {
                    letter = true
                    atRunLeft -= 1
                } else {
                    let next = offset + 1 < scalars.count && scalars[offset + 1] == "@" ? offset + 2 : offset + 1
                    letter =
                        next < scalars.count && scalars[next].properties.isAlphabetic
                        && TextTokens.isWordScalar(scalars[next])
                        && ((1...3).contains(word.count)
                            || (4...7).contains(word.count) && wordEnds(scalars, within: 2, from: next))
                        && !looksLikeMailDomain(scalars, after: next - 1)
                    if letter { atRunLeft = next - offset - 1 }
                }
            }
            // "|" between letters is an "l": "Mu|der" (not "ja|nee", which has no letter after a word of two).
            if !letter, scalar == "|", word.contains(where: isLetterKey), offset + 1 < scalars.count,
                scalars[offset + 1].properties.isAlphabetic
            {
                letter = true
            }
            // "*" between letters masks them: "m*lder", "m*r**ke" stay one word (`MaskedNames`); one or two
            // before a letter, so "f***" and "*grappig*" do not.
            if !letter, scalar == "*", word.contains(where: isLetterKey) {
                let next = offset + 1 < scalars.count && scalars[offset + 1] == "*" ? offset + 2 : offset + 1
                letter = next < scalars.count && scalars[next].properties.isAlphabetic
            }
            if !letter, scalar == "$", offset + 1 < scalars.count, TextTokens.isWordScalar(scalars[offset + 1]),
                scalars[offset + 1].properties.isAlphabetic
            {
                letter = true
            }
            // "!" and "€" are letters in disguise: "h!er" ("!" after a letter and before a letter, or digits
            // and a letter; not "stop!"), "ho€r",
            // "d€ z€€h0€k" ("€" beside a letter, not "€5").
            if !letter, scalar == "!" || scalar == "€" {
                let letterBefore = word.contains(where: isLetterKey)
                let letterAfter = offset + 1 < scalars.count && scalars[offset + 1].properties.isAlphabetic
                letter =
                    scalar == "!" ? letterBefore && letterFollows(scalars, after: offset) : letterBefore || letterAfter
            }
            guard letter else {
                finish()
                // The name before "@" in an address ("jan@...") is as chosen as a handle.
                if scalar == "@", let last = out.words.indices.last, out.words[last].end == offset {
                    out.words[last].inHandle = true
                }
                if scalar == "@" {
                    inHandle = true
                } else if scalar == " " || scalar == "\n" || scalar == "\t"
                    || (!scalar.isASCII && scalar.properties.isWhitespace)
                {
                    inHandle = false
                }
                continue
            }
            // camelCase and PascalCase in hashtags and handles: "#jufMarieke" is "juf marieke".
            let ascii = scalar.isASCII
            let isUpper = ascii ? (0x41...0x5A).contains(scalar.value) : scalar.properties.isUppercase
            if isUpper, previousWasLower { finish() }
            if word.isEmpty { start = offset }
            append(scalar, to: &word)
            lastLetterEnd = offset + 1
            previousWasLower = ascii ? (0x61...0x7A).contains(scalar.value) : scalar.properties.isLowercase
        }
        finish()
        return joinSpelledOut(out, scalars, readingLAsI: readingLAsI)
    }

    /// The text as its match keys joined by spaces (what the benchmark's peers search).
    public static func normalised(_ text: String) -> String {
        tokens(text).map(\.folded).joined(separator: " ")
    }

    /// The match keys of a phrase (a configured name, a context word).
    public static func words(_ phrase: String) -> [String] {
        tokens(phrase).map(\.folded)
    }

    // MARK: - Characters

    /// "jan@zeehoek-pro.nl": after the "@" come letters, digits or dashes, then a dot and a letter.
    private static func looksLikeMailDomain(_ scalars: [Unicode.Scalar], after at: Int) -> Bool {
        var index = at + 1
        while index < scalars.count, index - at < 64, TextTokens.isWordScalar(scalars[index]) || scalars[index] == "-" {
            index += 1
        }
        return index + 1 < scalars.count && scalars[index] == "." && TextTokens.isWordScalar(scalars[index + 1])
    }

    /// Whether the word that goes on at `start` ends within `count` letters ("yilm@z": one after the "@").
    private static func wordEnds(_ scalars: [Unicode.Scalar], within count: Int, from start: Int) -> Bool {
        var index = start
        while index < scalars.count, TextTokens.isWordScalar(scalars[index]) {
            index += 1
            if index - start > count { return false }
        }
        return true
    }

    /// Zero-width and bidirectional controls, soft hyphens and variation selectors: invisible,
    /// and used to split a name for the eye of a filter only.
    static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180E, 0x200B...0x200F, 0x202A...0x202E,
            0x2060...0x206F, 0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE0FFF:
            return true
        default:
            return false
        }
    }

    static func append(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        if scalar.isASCII {
            word.append(asciiKey(UInt8(scalar.value)))
            return
        }
        if scalar == "€" {
            word.append(UInt8(ascii: "e"))
            return
        }
        if let latin = confusables[scalar.value] {
            word.append(latin)
            return
        }
        switch scalar {
        case "ı", "İ": word.append(UInt8(ascii: "i"))
        case "ß", "ẞ": word += [UInt8(ascii: "s"), UInt8(ascii: "s")]
        default:
            // NFKD: compatibility forms (fullwidth, mathematical letters, ligatures) and accents
            // apart; then lowercase and drop the combining marks.
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
            where part.properties.generalCategory != .nonspacingMark {
                if part.isASCII {
                    append(part, to: &word)
                    continue
                }
                if let latin = confusables[part.value] {
                    word.append(latin)
                    continue
                }
                word += Array(String(part.properties.lowercaseMapping).utf8)
            }
        }
    }

    /// A letter right after `index`, or digits and then a letter: what makes a "!" an "i" ("h!er",
    /// "m@r!3k3", not the shouted "!1!!"). The classifier's features read "!" by it too.
    package static func letterFollows(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        var at = index + 1
        while at < scalars.count, ("0"..."9").contains(scalars[at]) { at += 1 }
        return at < scalars.count && scalars[at].properties.isAlphabetic
    }

    /// An ASCII byte of a word as its folded byte: lower case, and signs written for letters read as them.
    @inline(__always)
    static func asciiKey(_ byte: UInt8) -> UInt8 {
        switch byte {
        case 0x41...0x5A: byte + 32
        case UInt8(ascii: "@"): UInt8(ascii: "a")
        case UInt8(ascii: "$"): UInt8(ascii: "s")
        case UInt8(ascii: "!"): UInt8(ascii: "i")
        case UInt8(ascii: "|"): UInt8(ascii: "l")
        default: byte
        }
    }

    /// A folded byte that is a letter (what `keyInPlace` reads digits as letters beside).
    @inline(__always)
    static func isLetterKey(_ byte: UInt8) -> Bool { byte &- 0x61 < 26 || byte >= 0x80 }

    /// Cyrillic and Greek letters that look like Latin ones (Unicode's confusables, the common part).
    private static let confusables: [UInt32: UInt8] = {
        let pairs: [(String, Character)] = [
            ("аАᴀ", "a"), ("вВ", "b"), ("еЕёЁ", "e"), ("кКκΚ", "k"), ("мМ", "m"), ("нН", "h"), ("оОοΟσ", "o"),
            ("рРρΡ", "p"), ("сСϲ", "c"), ("тТτΤ", "t"), ("уУ", "y"), ("хХχΧ", "x"), ("іІιΙ", "i"), ("јЈ", "j"),
            ("ѕЅ", "s"), ("ԁ", "d"), ("ԛ", "q"), ("ԝ", "w"), ("αΑ", "a"), ("βΒ", "b"), ("εΕ", "e"),
            // Greek capitals look like other Latin letters than their small forms: Η is H, η is n.
            ("ν", "v"), ("Ν", "n"), ("υ", "u"), ("Υ", "y"), ("η", "n"), ("Η", "h"), ("Ζ", "z"), ("Μ", "m"),
        ]
        var map: [UInt32: UInt8] = [:]
        for (letters, latin) in pairs { for scalar in letters.unicodeScalars { map[scalar.value] = latin.asciiValue! } }
        return map
    }()

    // MARK: - Words

    /// A folded word as its key: digits in a word that has letters read as letters (n00rdhoek,
    /// k4nker, 5anne), "l" as "i", and runs of one letter written once (juffff → juf, but also
    /// zeehoek → zehoek, on both sides). A word of digits only stays as it is (2026, 14).
    static func key(_ folded: [UInt8], readingLAsI: Bool = true) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(folded.count)
        appendKey(folded, readingLAsI: readingLAsI, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `key`, written at the end of `out` in place (no array of its own).
    static func appendKey(_ folded: [UInt8], readingLAsI: Bool, to out: inout [UInt8]) {
        let base = out.count
        out += folded
        let count = out.withUnsafeMutableBufferPointer {
            keyInPlace(UnsafeMutableBufferPointer(rebasing: $0[base...]), readingLAsI: readingLAsI)
        }
        out.removeLast(out.count - base - count)
    }

    /// Turns the folded word in `word` into its key, in place (a key is never longer); its length.
    static func keyInPlace(_ word: UnsafeMutableBufferPointer<UInt8>, readingLAsI: Bool) -> Int {
        guard word.contains(where: { $0 >= 0x61 && $0 <= 0x7A || $0 >= 0x80 }) else { return word.count }
        return keyInPlace(withLetters: word, readingLAsI: readingLAsI)
    }

    /// `keyInPlace` for a word known to have a letter.
    static func keyInPlace(withLetters word: UnsafeMutableBufferPointer<UInt8>, readingLAsI: Bool) -> Int {
        var count = 0
        for index in word.indices {
            var mapped = word[index]
            if mapped &- 0x30 < 10 {
                switch mapped {
                case UInt8(ascii: "0"): mapped = UInt8(ascii: "o")
                case UInt8(ascii: "1"): mapped = UInt8(ascii: "i")
                case UInt8(ascii: "3"): mapped = UInt8(ascii: "e")
                case UInt8(ascii: "4"): mapped = UInt8(ascii: "a")
                case UInt8(ascii: "5"): mapped = UInt8(ascii: "s")
                case UInt8(ascii: "7"): mapped = UInt8(ascii: "t")
                default: break
                }
            } else if mapped == UInt8(ascii: "l"), readingLAsI {
                mapped = UInt8(ascii: "i")
            }
            // The matcher's keys write every run once, inline (this is its hot path); the classifier's
            // keep pairs and are collapsed below.
            // Not the "*"s that mask letters: "m*r**ke" keeps one for each (`MaskedNames`).
            if readingLAsI, mapped < 0x80, count > 0, word[count - 1] == mapped, mapped != UInt8(ascii: "*") {
                continue
            }
            word[count] = mapped
            count += 1
        }
        return readingLAsI ? count : collapsedKeepingPairs(UnsafeMutableBufferPointer(rebasing: word[..<count]))
    }

    /// Runs of one ASCII letter written once, but a run of two stays two; in place, the new length.
    private static func collapsedKeepingPairs(_ word: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var count = 0
        var index = 0
        while index < word.count {
            let byte = word[index]
            var end = index + 1
            while end < word.count, word[end] == byte, byte < 0x80 { end += 1 }
            word[count] = byte
            count += 1
            if end - index == 2 {
                word[count] = byte
                count += 1
            }
            index = end
        }
        return count
    }

    /// "j u f  m a r i e k e", "m.a.r.i.e.k.e", "z-e-e-h-o-e-k": three or more one-letter words in a
    /// row, each apart by at most three spaces, dots, dashes or underscores, are spelled out. Where the
    /// gaps differ, the narrowest part letters and the wider ones words: "e l   a m r a n i" is "el
    /// amrani", "j u f  m a r i e k e" "juf marieke", "m.r. m.u.l.d.e.r" "mr mulder" (a space is wider
    /// than a dot); where they are alike ("z  e  e  h  o  e  k") it is one word. A word of one letter left alone stays as it was.
    static func joinSpelledOut<Scalars: RandomAccessCollection<Unicode.Scalar>>(
        _ text: KeyedText, _ scalars: Scalars, readingLAsI: Bool
    ) -> KeyedText where Scalars.Index == Int {
        let words = text.words
        guard mayBeSpelledOut(words) else { return text }
        func isOneLetter(_ index: Int) -> Bool { words[index].end - words[index].start == 1 }
        // A space is wider than a dot or dash of the same length: "m.e.n.e.e.r o.o.s.t.e.r.h.u.i.s".
        func gap(before index: Int) -> Int? {
            let between = scalars[words[index - 1].end..<words[index].start]
            return isLetterGap(between) ? 2 * between.count + (between.contains(" ") ? 1 : 0) : nil
        }
        // Most texts with a one-letter word have no three in a row: keep them as they are, not copied.
        var run = 0
        for index in words.indices where run < 3 {
            if !isOneLetter(index) {
                run = 0
            } else if run > 0, gap(before: index) != nil {
                run += 1
            } else {
                run = 1
            }
        }
        guard run >= 3 else { return text }
        var out = KeyedText()
        func join(_ range: Range<Int>) {
            let letters = words[range].flatMap { text.keys[Int($0.keyStart)..<Int($0.keyEnd)] }
            out.append(
                key: letters, readingLAsI: readingLAsI, start: words[range.lowerBound].start,
                end: words[range.upperBound - 1].end, inHandle: words[range.lowerBound].inHandle)
        }
        var index = 0
        while index < words.count {
            var end = index + 1
            while end < words.count, isOneLetter(index), isOneLetter(end), gap(before: end) != nil { end += 1 }
            guard end - index >= 3 else {
                out.append(copying: words[index], from: text)
                index += 1
                continue
            }
            let narrowest = ((index + 1)..<end).compactMap { gap(before: $0) }.min() ?? 1
            var group = index
            for next in (index + 1)...end where next == end || gap(before: next)! > narrowest {
                if next - group >= 2 {
                    join(group..<next)
                } else {
                    out.append(copying: words[group], from: text)
                }
                group = next
            }
            index = end
        }
        return out
    }

    /// Three words or more, one of them a single letter: what `joinSpelledOut` looks further at.
    static func mayBeSpelledOut(_ words: [KeyedText.Word]) -> Bool {
        words.count >= 3 && words.contains(where: { $0.end - $0.start == 1 })
    }

    private static func isLetterGap(_ gap: some Collection<Unicode.Scalar>) -> Bool {
        gap.count <= 3
            && gap.allSatisfy { $0 == " " || $0 == "." || $0 == "-" || $0 == "_" || $0 == "*" || isIgnorable($0) }
    }
}
