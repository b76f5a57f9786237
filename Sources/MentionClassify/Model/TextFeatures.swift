import MentionMatch

/// Turns a post into the hashed features of the learned model (docs/model.md). Training and the
/// daemon use this one type, so what the model learned is what it is asked.
///
/// Names are masked first: a mention of a staff member becomes `⟨p⟩`, of the school `⟨s⟩`, any
/// other handle `⟨h⟩` and a link `⟨u⟩`. The model must judge what is said, not about whom (the
/// corpus names the school in negatives as often as in breaches, and so must the model).
/// Spelling is folded the way people obfuscate: case, diacritics, look-alike letters from other
/// scripts, digits and signs inside words (`h0er`, `$let`), stretched letters, spaced letters
/// (`k a n k e r`). Each word then gives its word, its pair with the word before, its character
/// 3- to 5-grams (fastText's sub-words, robust to a letter dropped or swapped) and its consonant
/// skeleton (robust to vowels left out: `kttnkr`).
public struct TextFeatures: Sendable {
    /// Changes whenever a feature changes: a model trained with another scheme is refused.
    /// 2: a post's features are scaled by 1/√(count + `smoothing`), not 1/√count.
    public static let scheme = 2
    /// Added to a post's feature count before scaling: a short post ("Oud-leerlingen van De Zeehoek
    /// houden reünie") has few features, and without it each weighed so much that a few words made
    /// the model sure. Chosen by cross-validation (30: alert recall 0.57 against 0.56 without).
    static let smoothing: Float = 30
    /// The number of hash buckets: a power of two.
    public let buckets: Int

    public init(buckets: Int) {
        precondition(buckets > 0 && buckets & (buckets - 1) == 0, "buckets must be a power of two")
        self.buckets = buckets
    }

    /// One feature: its bucket and the word (index into `words`) it came from, to name the words
    /// that weighed most; -1 for a feature of two words.
    public struct Feature: Sendable, Equatable {
        public var bucket: Int
        public var word: Int
    }

    /// The normalised words of a post, names masked.
    public static func words(of post: Post, mentions: [Mention]) -> [String] {
        words(in: post.matchText, mentions: mentions)
    }

    /// The normalised words of `text` (offsets of `mentions` in Unicode scalars of `text`).
    public static func words(in text: String, mentions: [Mention]) -> [String] {
        let scalars = Array(text.unicodeScalars)
        var masks = [UInt8](repeating: 0, count: scalars.count)  // 1 staff, 2 school
        for mention in mentions {
            let lower = max(0, mention.start)
            let upper = min(scalars.count, mention.end)
            guard lower < upper else { continue }
            for index in lower..<upper { masks[index] = mention.entity == "school" ? 2 : 1 }
        }
        var words: [String] = []
        var current = String.UnicodeScalarView()
        var currentMask: UInt8 = 0
        func flush() {
            if currentMask != 0 {
                let placeholder = currentMask == 2 ? "⟨s⟩" : "⟨p⟩"
                if words.last != placeholder { words.append(placeholder) }
            } else if !current.isEmpty {
                words.append(normalised(String(current)))
            }
            current = String.UnicodeScalarView()
            currentMask = 0
        }
        for (index, scalar) in scalars.enumerated() {
            if masks[index] != 0 {
                if currentMask == 0 { flush() }
                currentMask = max(currentMask, masks[index])
                continue
            }
            if currentMask != 0 { flush() }
            if isWordScalar(scalar) {
                current.append(scalar)
            } else {
                flush()
                if scalar.properties.isEmojiPresentation || isPictograph(scalar) {
                    words.append(String(scalar))
                }
            }
        }
        flush()
        return joiningSpacedLetters(words.filter { !$0.isEmpty })
    }

    /// The features of normalised words.
    public func features(of words: [String]) -> [Feature] {
        var features: [Feature] = []
        features.reserveCapacity(words.count * 12)
        var previous = "^"
        for (index, word) in words.enumerated() {
            features.append(Feature(bucket: bucket("w", word), word: index))
            features.append(Feature(bucket: bucket("b", previous + " " + word), word: -1))
            previous = word
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 2, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            let marked = ["<"] + scalars.map(String.init) + [">"]
            for length in 3...5 where marked.count >= length {
                for start in 0...(marked.count - length) {
                    features.append(Feature(bucket: bucket("c", marked[start..<start + length].joined()), word: index))
                }
            }
            if scalars.count >= 4 {
                let skeleton = String(String.UnicodeScalarView(scalars.filter { !Self.vowels.contains($0) }))
                if skeleton.unicodeScalars.count >= 3 {
                    features.append(Feature(bucket: bucket("k", skeleton), word: index))
                }
            }
        }
        features.append(Feature(bucket: bucket("b", previous + " $"), word: -1))
        return features
    }

    /// FNV-1a over the kind and the text: stable across runs and machines (Swift's `Hasher` is not).
    func bucket(_ kind: String, _ text: String) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in kind.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        hash = (hash ^ 0x1f) &* 0x100_0000_01b3
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash & UInt64(buckets - 1))
    }

    // MARK: - Folding

    private static let vowels: Set<Unicode.Scalar> = ["a", "e", "i", "o", "u", "y"]

    /// Letters of other scripts that look like Latin ones (`kаnker` with a Cyrillic а).
    private static let lookAlikes: [Unicode.Scalar: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s", "к": "k",
        "м": "m", "т": "t", "н": "h", "в": "b", "ј": "j", "ԁ": "d", "ο": "o", "α": "a", "ε": "e", "ι": "i",
        "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    ]
    /// Digits and signs written for letters inside a word (`h0er`, `k@nker`, `$let`).
    private static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e",
    ]

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "@" || scalar == "$"
            || scalar == "*" || scalar == "€" || scalar.properties.generalCategory == .nonspacingMark
    }

    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F300 && scalar.value <= 0x1FAFF
    }

    /// One word folded: look-alikes, case, diacritics, leet inside words, stretched letters.
    static func normalised(_ word: String) -> String {
        if word.hasPrefix("@"), word.count > 1 { return "⟨h⟩" }
        let lowered = String(
            word.unicodeScalars.map { lookAlikes[$0].map(String.init) ?? String($0) }.joined()
        ).lowercased()
        var letters: [Character] = []
        for scalar in lowered.decomposedStringWithCanonicalMapping.unicodeScalars
        where scalar.properties.generalCategory != .nonspacingMark {
            letters.append(Character(scalar))
        }
        if letters.allSatisfy({ $0.isNumber }) {
            // A number's shape matters (a phone number, a house number), not its digits.
            return String(letters.prefix(10).map { _ in "0" })
        }
        if letters.contains(where: { $0.isLetter }) {
            letters = letters.map { leet[$0] ?? $0 }
        }
        // Three or more of a letter become two: "kankerrrr" and "kankerr" meet, "deel" stays "deel".
        var folded: [Character] = []
        for letter in letters {
            if folded.count >= 2, folded[folded.count - 1] == letter, folded[folded.count - 2] == letter { continue }
            folded.append(letter)
        }
        let result = String(folded)
        if result == "http" || result == "https" || result == "www" { return "⟨u⟩" }
        return result
    }

    /// Three or more one-letter words in a row are one word spelled out (`k a n k e r`).
    private static func joiningSpacedLetters(_ words: [String]) -> [String] {
        var result: [String] = []
        var run: [String] = []
        func flush() {
            if run.count >= 3 { result.append(run.joined()) } else { result += run }
            run = []
        }
        for word in words {
            if word.count == 1, word.first?.isLetter == true {
                run.append(word)
            } else {
                flush()
                result.append(word)
            }
        }
        flush()
        return result
    }
}
