import Foundation

/// A word of a text, folded for comparison, with its place in the original text.
public struct TextToken: Sendable, Equatable {
    /// Lowercased, diacritics removed (é→e, ı→i, ß→ss).
    public var folded: String
    /// Offsets in Unicode scalars of the original text, end exclusive.
    public var start: Int
    public var end: Int
    /// Part of an @handle ("@jufmarieke_zeehoek"): set by `MatchText` only.
    public var inHandle = false
}

/// Splits text into words (runs of letters and digits) and folds them, keeping offsets.
/// Everything else (spaces, punctuation, '#', '@', '-', '_') separates words, so
/// `#dezeehoek`, `@prozeehoek` and `zeehoek-pro.nl` become plain words to compare.
public enum TextTokens {
    public static func tokens(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var word: [UInt8] = []  // the folded word so far, as UTF-8: cheaper to grow than a String
        word.reserveCapacity(32)
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if word.isEmpty { start = offset }
                appendFolded(scalar, to: &word)
            } else if !word.isEmpty {
                tokens.append(TextToken(folded: String(decoding: word, as: UTF8.self), start: start, end: offset))
                word.removeAll(keepingCapacity: true)
            }
            offset += 1
        }
        if !word.isEmpty {
            tokens.append(TextToken(folded: String(decoding: word, as: UTF8.self), start: start, end: offset))
        }
        return tokens
    }

    /// The folded words of a phrase, e.g. a configured name or a lexicon entry.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.folded)
    }

    /// The substring between two scalar offsets, for showing what was matched.
    public static func surface(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = text.unicodeScalars
        guard start >= 0, end >= start,
            let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
            let to = scalars.index(from, offsetBy: end - start, limitedBy: scalars.endIndex)
        else { return "" }
        return String(scalars[from..<to])
    }

    @inline(__always)
    package static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to word: inout [UInt8]) {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            word.append((0x41...0x5A).contains(byte) ? byte + 32 : byte)
            return
        }
        switch scalar {
        case "ı", "İ": word.append(UInt8(ascii: "i"))
        case "ß", "ẞ": word += [UInt8(ascii: "s"), UInt8(ascii: "s")]
        default:
            // Lowercase, decompose (NFD) and drop combining marks: é → e, Ö → o.
            for folded in scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping.unicodeScalars
            where folded.properties.generalCategory != .nonspacingMark {
                word += Array(String(folded).utf8)
            }
        }
    }
}
