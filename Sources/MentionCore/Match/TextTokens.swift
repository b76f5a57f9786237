import Foundation

/// A word of a text, folded for comparison, with its place in the original text.
public struct TextToken: Sendable, Equatable {
    /// Lowercased, diacritics removed (é→e, ı→i, ß→ss).
    public var folded: String
    /// Offsets in Unicode scalars of the original text, end exclusive.
    public var start: Int
    public var end: Int
}

/// Splits text into words (runs of letters and digits) and folds them, keeping offsets.
/// Everything else (spaces, punctuation, '#', '@', '-', '_') separates words, so
/// `#dezeehoek`, `@prozeehoek` and `zeehoek-pro.nl` become plain words to compare.
public enum TextTokens {
    public static func tokens(_ text: String) -> [TextToken] {
        var tokens: [TextToken] = []
        var current = ""
        var start = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                appendFolded(scalar, to: &current)
            } else if !current.isEmpty {
                tokens.append(TextToken(folded: current, start: start, end: offset))
                current = ""
            }
            offset += 1
        }
        if !current.isEmpty { tokens.append(TextToken(folded: current, start: start, end: offset)) }
        return tokens
    }

    /// The folded words of a phrase, e.g. a configured name or a lexicon entry.
    public static func words(_ text: String) -> [String] {
        tokens(text).map(\.folded)
    }

    /// The substring between two scalar offsets, for showing what was matched.
    public static func surface(_ text: String, _ start: Int, _ end: Int) -> String {
        let scalars = text.unicodeScalars
        guard start >= 0, end >= start, let from = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex),
              let to = scalars.index(from, offsetBy: end - start, limitedBy: scalars.endIndex) else { return "" }
        return String(scalars[from..<to])
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil || properties.generalCategory == .nonspacingMark
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to word: inout String) {
        if scalar.isASCII {
            word.unicodeScalars.append(scalar.properties.isUppercase ? Unicode.Scalar(scalar.value + 32)! : scalar)
            return
        }
        switch scalar {
        case "ı", "İ": word.append("i")
        case "ß", "ẞ": word.append("ss")
        default:
            // Lowercase, decompose (NFD) and drop combining marks: é → e, Ö → o.
            for folded in scalar.properties.lowercaseMapping.decomposedStringWithCanonicalMapping.unicodeScalars
            where folded.properties.generalCategory != .nonspacingMark {
                word.unicodeScalars.append(folded)
            }
        }
    }
}
