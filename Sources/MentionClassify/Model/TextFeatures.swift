import MentionMatch

/// Turns a post into the hashed features of the learned model (docs/model.md). Training and the
/// daemon use this one type, so what the model learned is what it is asked.
///
/// Names are masked first: a mention of a staff member becomes `⟨p⟩`, of the school `⟨s⟩`, any
/// other handle `⟨h⟩` and a link `⟨u⟩`; a name found inside a sentence written as one word puts its
/// placeholder before the word and keeps the word, so what the sentence says is still read. The
/// model must judge what is said, not about whom (the corpus names the school in negatives as often
/// as in breaches, and so must the model).
/// Spelling is folded the way people obfuscate: case, diacritics, look-alike letters from other
/// scripts, digits and signs inside words (`h0er`, `$let`, `h!er`), stretched letters, spaced letters
/// (`k a n k e r`). Each word then gives its word, its pair with the word before, its character
/// 3- to 5-grams (fastText's sub-words, robust to a letter dropped or swapped) and its consonant
/// skeleton (robust to vowels left out: `kttnkr`).
public struct TextFeatures: Sendable {
    /// Changes whenever a feature changes: a model trained with another scheme is refused.
    /// 2: a post's features are scaled by 1/√(count + `smoothing`), not 1/√count.
    /// 3: a word within two after a negation word gives a negated feature as well.
    /// 4: a name found in a sentence glued into one word keeps the word (judged by its length).
    /// 5: the same, judged by the matcher (`Mention.glued`): a long one-word name stays masked.
    /// 6: a word of a known polarity also gives its class, alone, after the word before, negated;
    ///    "!" between letters is read as "i".
    /// 7: the word classes' list corrected (Dutch inflections, intensifiers and colours left out) and
    ///    "!" before digits only when a letter follows.
    /// 8: a word within eight after a name placeholder also gives an after-the-name feature, and so
    ///    does its class.
    /// 9: the word classes take nouns of praise and contempt for a person (`Lexicon/polarity-nouns.txt`).
    /// 10: English contractions of a pronoun and a verb are the two words ("he's" is "he is").
    /// 11: each word is also paired with the word two before it ("is echt een" meets "is een").
    /// 12: a word within four after a negation word is read as negated, not two.
    public static let scheme = 12
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
    /// that weighed most; -1 for a feature of two words (a word class after the word before counts
    /// as the classed word's).
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
        // A sentence glued into one word around a name ("allelerarenvandezeehoekmoetendood") keeps
        // its word: masked whole, what it says would be lost. Its placeholder goes before it.
        var gluedStarts: [Int: UInt8] = [:]
        for mention in mentions {
            let lower = max(0, mention.start)
            let upper = min(scalars.count, mention.end)
            guard lower < upper else { continue }
            let kind: UInt8 = mention.entity == "school" ? 2 : 1
            if mention.glued {
                gluedStarts[lower] = kind
                continue
            }
            for index in lower..<upper { masks[index] = kind }
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
            if let kind = gluedStarts[index] {
                flush()
                let placeholder = kind == 2 ? "⟨s⟩" : "⟨p⟩"
                if words.last != placeholder { words.append(placeholder) }
            }
            if masks[index] != 0 {
                if currentMask == 0 { flush() }
                currentMask = max(currentMask, masks[index])
                continue
            }
            if currentMask != 0 { flush() }
            // "!" after a letter and before a letter, or digits and a letter, is an "i" in disguise
            // ("h!er", "m@r!3k3"; not "stom!1"), as the matcher reads it.
            let disguised =
                scalar == "!" && current.contains(where: { $0.properties.isAlphabetic })
                && MatchText.letterFollows(scalars, after: index)
            if isWordScalar(scalar) || disguised {
                current.append(scalar)
            } else {
                flush()
                if !scalar.isASCII, scalar.properties.isEmojiPresentation || isPictograph(scalar) {
                    words.append(String(scalar))
                }
            }
        }
        flush()
        return withContractionsSplit(joiningSpacedLetters(words.filter { !$0.isEmpty }))
    }

    /// English contractions read as the words they stand for, as the rules read them (`ClassifyText`):
    /// "he's" (split at the apostrophe into "he" "s") is "he is", "they're" and "theyre" are "they are",
    /// so "He's a moron" is read as "He is a moron" (scheme 10).
    static func withContractionsSplit(_ words: [String]) -> [String] {
        var out: [String] = []
        out.reserveCapacity(words.count)
        for (index, word) in words.enumerated() {
            let next = index + 1 < words.count ? words[index + 1] : nil
            if let previous = out.last, let verb = ClassifyText.contractedVerb(previous, word, before: next) {
                out.append(verb)
            } else if let (pronoun, verb) = ClassifyText.unambiguousContraction(word) {
                out += [pronoun, verb]
            } else {
                out.append(word)
            }
        }
        return out
    }

    /// The features of normalised words.
    ///
    /// Each bucket is FNV-1a over the kind, a separator and the feature's text (`bucket`); the text's
    /// bytes are hashed where they lie, not joined into strings first: this runs for every word of
    /// every judged post, and the joined strings cost four fifths of it.
    public func features(of words: [String]) -> [Feature] {
        var features: [Feature] = []
        features.reserveCapacity(words.count * 12)
        let (wordSeed, pairSeed, gramSeed, skeletonSeed) = (seed("w"), seed("b"), seed("c"), seed("k"))
        let (negatedSeed, classSeed) = (seed("n"), seed("p"))
        var previous = Self.fnv(pairSeed, "^".utf8)
        let skipSeed = seed("s")
        var skipPrevious = Self.fnv(skipSeed, "^".utf8)
        var skipCurrent = Self.fnv(skipSeed, "^".utf8)
        var sinceName = Int.max  // words since the last name placeholder
        let afterNameSeed = seed("t")
        var sinceNegation = Int.max  // words since the last negation word
        var marked: [UInt8] = []  // "<" + the word's bytes + ">"
        var starts: [Int] = []  // where each of marked's scalars starts, and its end
        var skeleton: [UInt8] = []
        for (index, word) in words.enumerated() {
            let wordHash = Self.fnv(wordSeed, word.utf8)
            features.append(Feature(bucket: bucket(wordHash), word: index))
            // A word soon after a negation is also read as negated ("zijn niet dom", "isnt a
            // thug"): the words alone say the same for the insult and its denial.
            sinceNegation = sinceNegation == Int.max ? sinceNegation : sinceNegation + 1
            if sinceNegation <= Self.negationWindow {
                features.append(Feature(bucket: bucket(Self.fnv(negatedSeed, word.utf8)), word: -1))
            }
            if Self.negations.contains(word) { sinceNegation = 0 }
            let pair = Self.fnv(Self.fnv(previous, CollectionOfOne(0x20)), word.utf8)
            features.append(Feature(bucket: bucket(pair), word: -1))
            // The word two before and this one (scheme 11): "is echt een X", "is heel een X" share a pair
            // that an adverb in between would otherwise break.
            let skip = Self.fnv(Self.fnv(skipPrevious, CollectionOfOne(0x20)), word.utf8)
            features.append(Feature(bucket: bucket(skip), word: -1))
            skipPrevious = skipCurrent
            skipCurrent = Self.fnv(skipSeed, word.utf8)
            // A word soon after a name is what is said about that one: "⟨p⟩ stinkt" and a long post
            // that mentions a smell far from any name are different things (scheme 8).
            let isName = word == "⟨p⟩" || word == "⟨s⟩"
            sinceName = isName ? 0 : (sinceName == Int.max ? sinceName : sinceName + 1)
            if sinceName >= 1, sinceName <= Self.afterNameWindow {
                features.append(Feature(bucket: bucket(Self.fnv(afterNameSeed, word.utf8)), word: index))
                if let polarity = WordClasses.polarity[word] {
                    let classByte = CollectionOfOne(UInt8(bitPattern: polarity))
                    let afterNameClass = Self.fnv(Self.fnv(afterNameSeed, CollectionOfOne(0x1e)), classByte)
                    features.append(Feature(bucket: bucket(afterNameClass), word: index))
                }
            }
            if let polarity = WordClasses.polarity[word] {
                // The class as a word of its own ("⟨p⟩ is a gem" meets "⟨p⟩ is a star"), after the
                // word before, and negated.
                let classByte = CollectionOfOne(UInt8(bitPattern: polarity))
                features.append(Feature(bucket: bucket(Self.fnv(classSeed, classByte)), word: index))
                let classPair = Self.fnv(Self.fnv(previous, CollectionOfOne(0x1e)), classByte)
                features.append(Feature(bucket: bucket(classPair), word: index))
                if sinceNegation <= Self.negationWindow {
                    let negated = Self.fnv(Self.fnv(negatedSeed, CollectionOfOne(0x1e)), classByte)
                    features.append(Feature(bucket: bucket(negated), word: -1))
                }
            }
            previous = Self.fnv(pairSeed, word.utf8)
            marked.removeAll(keepingCapacity: true)
            starts.removeAll(keepingCapacity: true)
            skeleton.removeAll(keepingCapacity: true)
            marked.append(UInt8(ascii: "<"))
            starts.append(0)
            var (scalars, consonants) = (0, 0)
            var alphabetic = true
            for scalar in word.unicodeScalars {
                scalars += 1
                if !Self.isAlphabetic(scalar) {
                    alphabetic = false
                    break
                }
                starts.append(marked.count)
                let before = marked.count
                marked.append(contentsOf: UTF8.encode(scalar)!)
                if !Self.isVowel(scalar) {
                    skeleton += marked[before...]
                    consonants += 1
                }
            }
            guard scalars >= 2, alphabetic else { continue }
            starts.append(marked.count)
            marked.append(UInt8(ascii: ">"))
            starts.append(marked.count)
            // starts has one entry per marked scalar plus the end.
            let count = starts.count - 1
            marked.withUnsafeBufferPointer { bytes in
                for length in 3...5 where count >= length {
                    for start in 0...(count - length) {
                        let gram = UnsafeBufferPointer(rebasing: bytes[starts[start]..<starts[start + length]])
                        features.append(Feature(bucket: bucket(Self.fnv(gramSeed, gram)), word: index))
                    }
                }
            }
            if scalars >= 4, consonants >= 3 {
                features.append(Feature(bucket: bucket(Self.fnv(skeletonSeed, skeleton)), word: index))
            }
        }
        features.append(
            Feature(bucket: bucket(Self.fnv(Self.fnv(previous, CollectionOfOne(0x20)), "$".utf8)), word: -1))
        return features
    }

    /// How many words after a name are read as said about it. Chosen by cross-validation on 16,003
    /// posts (recall at 1-2 % false alerts, mean: 2 words 0.5757, 4 words 0.5768, 8 words 0.5790,
    /// none 0.5747).
    static let afterNameWindow = 8
    /// How many words after a negation word are read as negated (scheme 12; before, two): Dutch puts the
    /// verb last, four words after "niet" in "ga die school niet in de fik steken". Measured against two
    /// and six by cross-validation and on the held-out rounds (docs/evaluation.md, 2026.12.71).
    static let negationWindow = 4

    /// Words that deny what follows them, as normalised words are written.
    static let negations: Set<String> = [
        "niet", "geen", "nooit", "nie", "nimmer", "not", "never", "no", "isnt", "arent", "dont", "doesnt", "didnt",
        "wasnt", "werent", "aint", "wont", "cant", "nt",
    ]

    /// FNV-1a over the kind and the text: stable across runs and machines (Swift's `Hasher` is not).
    func bucket(_ kind: String, _ text: String) -> Int {
        bucket(Self.fnv(seed(kind), text.utf8))
    }

    /// The hash state after the kind and its separator.
    private func seed(_ kind: String) -> UInt64 {
        Self.fnv(Self.fnv(0xcbf2_9ce4_8422_2325, kind.utf8), CollectionOfOne(0x1f))
    }

    private func bucket(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash & UInt64(buckets - 1)) }

    private static func fnv(_ state: UInt64, _ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = state
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// `isAlphabetic` without the property lookup for ASCII, nearly every scalar.
    private static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7a }
        return scalar.properties.isAlphabetic
    }

    // MARK: - Folding

    private static func isVowel(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a", "e", "i", "o", "u", "y": true
        default: false
        }
    }

    /// Letters of other scripts that look like Latin ones (`kаnker` with a Cyrillic а).
    private static let lookAlikes: [Unicode.Scalar: Character] = [
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s", "к": "k",
        "м": "m", "т": "t", "н": "h", "в": "b", "ј": "j", "ԁ": "d", "ο": "o", "α": "a", "ε": "e", "ι": "i",
        "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
    ]
    /// Digits and signs written for letters inside a word (`h0er`, `k@nker`, `$let`).
    private static let leet: [Character: Character] = [
        "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e", "!": "i",
    ]

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return isAlphabetic(scalar) || ("0"..."9").contains(scalar) || scalar == "@" || scalar == "$"
                || scalar == "*"
        }
        return scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "@" || scalar == "$"
            || scalar == "*" || scalar == "€" || scalar.properties.generalCategory == .nonspacingMark
    }

    private static func isPictograph(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x1F300 && scalar.value <= 0x1FAFF
    }

    /// One word folded: look-alikes, case, diacritics, leet inside words, stretched letters.
    static func normalised(_ word: String) -> String {
        if word.hasPrefix("@"), word.count > 1 { return "⟨h⟩" }
        if let ascii = normalisedASCII(word) { return ascii }
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

    /// `normalised` for a word of ASCII only (most words): the same steps on bytes, without
    /// Foundation's case mapping and decomposition; nil for any other word.
    private static func normalisedASCII(_ word: String) -> String? {
        var letters: [UInt8] = []
        letters.reserveCapacity(word.utf8.count)
        var (hasLetter, allDigits) = (false, true)
        for byte in word.utf8 {
            guard byte < 0x80 else { return nil }
            let lower = byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte
            if lower >= 0x61 && lower <= 0x7a { hasLetter = true }
            if !(lower >= 0x30 && lower <= 0x39) { allDigits = false }
            letters.append(lower)
        }
        if allDigits { return String(repeating: "0", count: min(letters.count, 10)) }
        if hasLetter {
            for index in letters.indices {
                switch letters[index] {
                case UInt8(ascii: "0"): letters[index] = UInt8(ascii: "o")
                case UInt8(ascii: "1"): letters[index] = UInt8(ascii: "i")
                case UInt8(ascii: "3"): letters[index] = UInt8(ascii: "e")
                case UInt8(ascii: "4"), UInt8(ascii: "@"): letters[index] = UInt8(ascii: "a")
                case UInt8(ascii: "5"), UInt8(ascii: "$"): letters[index] = UInt8(ascii: "s")
                case UInt8(ascii: "7"): letters[index] = UInt8(ascii: "t")
                case UInt8(ascii: "!"): letters[index] = UInt8(ascii: "i")
                default: break
                }
            }
        }
        var folded: [UInt8] = []
        folded.reserveCapacity(letters.count)
        for letter in letters {
            if folded.count >= 2, folded[folded.count - 1] == letter, folded[folded.count - 2] == letter { continue }
            folded.append(letter)
        }
        let result = String(decoding: folded, as: UTF8.self)
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
