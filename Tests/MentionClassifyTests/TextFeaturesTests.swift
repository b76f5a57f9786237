import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionMatch

/// `TextFeatures` hashes bytes where they lie and folds ASCII words without Foundation, for speed.
/// What it computes is defined by the plain version below (joined strings, Foundation's folding):
/// a shipped model was trained on that, so the fast version must give the same words and buckets.
struct TextFeaturesTests {
    @Test func theFastFeaturesAreThePlainOnesOnObfuscatedWords() {
        let texts = [
            "K a n k e r wijf!!! h0er k@nker $let kankerrrrr h!er sl!m stop!ik !x a! b! m@r!3k3",
            "Ｆｕｌｌ width and ҝаnker with look-alikes",
            "Crème brûlée, café, één twee 12345678901234 0612345678 2B", "http://x.nl www https @someone 🔥🔥 😀",
            "ÄÖÜ straße İstanbul ﬁne", "a b c d", "x*y ** a1b2 4ever 7even", "",
        ]
        let features = TextFeatures(buckets: 1 << 18)
        for text in texts {
            let words = TextFeatures.words(in: text, mentions: [])
            #expect(words == PlainFeatures.words(in: text), "\(text)")
            #expect(features.features(of: words) == PlainFeatures(buckets: 1 << 18).features(of: words), "\(text)")
        }
    }

    @Test func aContractionIsReadAsItsTwoWords() {
        #expect(TextFeatures.words(in: "He's a moron", mentions: []) == ["he", "is", "a", "moron"])
        #expect(TextFeatures.words(in: "they’re rats, theyre", mentions: []) == ["they", "are", "rats", "they", "are"])
        #expect(TextFeatures.words(in: "she's got it", mentions: []) == ["she", "has", "got", "it"])
        // "hes" without an apostrophe is a Dutch vest.
        #expect(TextFeatures.words(in: "mijn hes", mentions: []) == ["mijn", "hes"])
    }

    @Test func wordsAfterANegationAreAlsoReadAsNegated() {
        let features = TextFeatures(buckets: 1 << 18)
        let negatedDom = features.bucket("n", "dom")
        let denied = features.features(of: TextFeatures.words(in: "ze zijn niet dom", mentions: []))
        let meant = features.features(of: TextFeatures.words(in: "ze zijn echt dom", mentions: []))
        // Dutch puts the verb last: four words after "niet" are in reach (scheme 12), five are not.
        let verbLast = features.features(of: TextFeatures.words(in: "ik ga niet in de fik steken", mentions: []))
        let far = features.features(of: TextFeatures.words(in: "niet dat ze echt heel dom zijn", mentions: []))
        #expect(denied.contains { $0.bucket == negatedDom })
        #expect(!meant.contains { $0.bucket == negatedDom })
        #expect(verbLast.contains { $0.bucket == features.bucket("n", "steken") })
        #expect(!far.contains { $0.bucket == negatedDom })  // five words after: out of reach
    }

    @Test func aWordOfKnownPolarityAlsoGivesItsClass() {
        // Positive: an unseen praise shares its class with a known one; negative: a neutral word has none.
        let features = TextFeatures(buckets: 1 << 18)
        let positive = features.bucket("p", "\u{2}")  // class 2, very positive
        #expect(WordClasses.polarity["hero"] == 2 && WordClasses.polarity["lieve"] == 2)
        #expect(WordClasses.polarity["die"] == nil)  // Dutch "that", not English "die"
        #expect(
            features.features(of: TextFeatures.words(in: "she is a hero", mentions: [])).contains {
                $0.bucket == positive
            })
        #expect(
            !features.features(of: TextFeatures.words(in: "she is a teacher", mentions: [])).contains {
                $0.bucket == positive
            })
    }

    @Test func nounsOfPraiseAndContemptHaveAClass() {
        // The hand-written nouns fill what the adjective lexicons lack; words with a harmless sense
        // ("beest", "gek") are left out.
        #expect(WordClasses.polarity["gem"] == 2 && WordClasses.polarity["kanjer"] == 2)
        #expect(WordClasses.polarity["kneus"] == -2 && WordClasses.polarity["vermin"] == -2)
        #expect(WordClasses.polarity["beest"] == nil && WordClasses.polarity["gek"] == nil)
    }

    @Test func featuresAroundNamesAreTheDefinitions() {
        // The texts above have no names; these words hold the placeholders the after-name features follow.
        let features = TextFeatures(buckets: 1 << 18)
        for words in [
            ["⟨p⟩", "is", "een", "lieve", "juf"], ["die", "⟨s⟩", "stinkt", "niet", "echt"],
            ["⟨p⟩", "⟨s⟩", "a", "b", "c", "d", "e", "f", "g", "h", "dom"], ["ik", "haat", "⟨p⟩"],
        ] {
            #expect(features.features(of: words) == PlainFeatures(buckets: 1 << 18).features(of: words), "\(words)")
        }
    }

    @Test func wordsSoonAfterANameAreReadAsSaidAboutIt() {
        // Positive: a word up to eight after the name; negative: the same word before the name, or
        // nine words after it.
        let features = TextFeatures(buckets: 1 << 18)
        let smell = features.bucket("t", "stinkt")
        func read(_ words: [String]) -> [TextFeatures.Feature] { features.features(of: words) }
        #expect(read(["⟨p⟩", "stinkt"]).contains { $0.bucket == smell })
        #expect(
            read(["⟨s⟩", "de", "hele", "gang", "van", "het", "gebouw", "echt", "stinkt"]).contains {
                $0.bucket == smell
            })
        #expect(!read(["het", "stinkt", "bij", "⟨p⟩"]).contains { $0.bucket == smell })
        #expect(!read(["⟨p⟩", "a", "b", "c", "d", "e", "f", "g", "h", "stinkt"]).contains { $0.bucket == smell })
    }

    @Test func aWordIsAlsoPairedWithTheWordTwoBefore() {
        // Positive: "is echt een" and "is heel een" share the pair over one word; negative: "is een" lacks it.
        let features = TextFeatures(buckets: 1 << 18)
        let skipped = features.bucket("s", "is een")
        #expect(features.features(of: ["is", "echt", "een", "sukkel"]).contains { $0.bucket == skipped })
        #expect(features.features(of: ["ze", "is", "heel", "een"]).contains { $0.bucket == skipped })
        #expect(!features.features(of: ["is", "een", "sukkel"]).contains { $0.bucket == skipped })
    }

    @Test func anExclamationMarkBetweenLettersIsAnI() {
        #expect(TextFeatures.words(in: "wat een h!er", mentions: []) == ["wat", "een", "hier"])
        #expect(TextFeatures.words(in: "juf m@r!3k3", mentions: []) == ["juf", "marieke"])
        #expect(TextFeatures.words(in: "stom!1!! juf", mentions: []) == ["stom", "0", "juf"])  // shouting, no letter
        #expect(TextFeatures.words(in: "stop! nu", mentions: []) == ["stop", "nu"])
    }

    @Test func theFastFeaturesAreThePlainOnesOnTheCorpus() async throws {
        let directory = Paths.repositoryRoot + "/corpus/train"
        let features = TextFeatures(buckets: 1 << 18)
        let plain = PlainFeatures(buckets: 1 << 18)
        var count = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() {
            for line in try String(contentsOfFile: directory + "/" + file, encoding: .utf8).split(separator: "\n") {
                let post = try JSONDecoder().decode(LabelledPost.self, from: Data(line.utf8)).post
                let words = TextFeatures.words(in: post.matchText, mentions: [])
                #expect(words == PlainFeatures.words(in: post.matchText), "\(post.id)")
                #expect(features.features(of: words) == plain.features(of: words), "\(post.id)")
                count += 1
                // A long synchronous loop holds a thread of the shared test pool; let timed tests run.
                if count % 200 == 0 { await Task.yield() }
            }
        }
        #expect(count > 5_000)
    }
}

/// The definition: what `TextFeatures` computed before it was made fast (scheme 2), the negated
/// words of scheme 3, the word classes and "!" of schemes 6 and 7, the words after a name of
/// scheme 8, the contractions of scheme 10, the pairs over one word of scheme 11 and the wider
/// negation of scheme 12.
private struct PlainFeatures {
    let buckets: Int

    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(normalised(String(current))) }
            current = String.UnicodeScalarView()
        }
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            let disguisedI =
                scalar == "!" && current.contains(where: { $0.properties.isAlphabetic })
                && Self.letterFollows(scalars, after: index)
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@$*€".unicodeScalars.contains(scalar)
                || scalar.properties.generalCategory == .nonspacingMark || disguisedI
            {
                current.append(scalar)
            } else {
                flush()
                if scalar.properties.isEmojiPresentation || (scalar.value >= 0x1F300 && scalar.value <= 0x1FAFF) {
                    words.append(String(scalar))
                }
            }
        }
        flush()
        var result: [String] = []
        var run: [String] = []
        func flushRun() {
            if run.count >= 3 { result.append(run.joined()) } else { result += run }
            run = []
        }
        for word in words.filter({ !$0.isEmpty }) {
            if word.count == 1, word.first?.isLetter == true {
                run.append(word)
            } else {
                flushRun()
                result.append(word)
            }
        }
        flushRun()
        // Scheme 10: an English contraction is its two words ("he" "s" is "he is"; "he's got", "he has").
        let verbs = ["s": "is", "re": "are", "m": "am"]
        let pronouns: [String: Set<String>] = ["s": ["he", "she"], "re": ["they", "you", "we"], "m": ["i"]]
        var out: [String] = []
        for (index, word) in result.enumerated() {
            if let verb = verbs[word], let last = out.last, pronouns[word]?.contains(last) == true {
                let has = ["got", "been", "had", "gotten"].contains(index + 1 < result.count ? result[index + 1] : "")
                out.append(verb == "is" && has ? "has" : verb)
            } else if word == "theyre" || word == "youre" {
                out += [String(word.dropLast(2)), "are"]
            } else {
                out.append(word)
            }
        }
        return out
    }

    static func letterFollows(_ scalars: [Unicode.Scalar], after index: Int) -> Bool {
        let rest = scalars[(index + 1)...].drop { ("0"..."9").contains($0) }
        return rest.first?.properties.isAlphabetic == true
    }

    static func normalised(_ word: String) -> String {
        if word.hasPrefix("@"), word.count > 1 { return "⟨h⟩" }
        let lookAlikes: [Unicode.Scalar: Character] = [
            "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ѕ": "s", "к": "k",
            "м": "m", "т": "t", "н": "h", "в": "b", "ј": "j", "ԁ": "d", "ο": "o", "α": "a", "ε": "e", "ι": "i",
            "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u",
        ]
        let leet: [Character: Character] = [
            "0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e", "!": "i",
        ]
        let lowered = String(word.unicodeScalars.map { lookAlikes[$0].map(String.init) ?? String($0) }.joined())
            .lowercased()
        var letters = lowered.decomposedStringWithCanonicalMapping.unicodeScalars
            .filter { $0.properties.generalCategory != .nonspacingMark }.map(Character.init)
        if letters.allSatisfy(\.isNumber) { return String(letters.prefix(10).map { _ in "0" }) }
        if letters.contains(where: \.isLetter) { letters = letters.map { leet[$0] ?? $0 } }
        var folded: [Character] = []
        for letter in letters {
            if folded.count >= 2, folded[folded.count - 1] == letter, folded[folded.count - 2] == letter { continue }
            folded.append(letter)
        }
        let result = String(folded)
        return result == "http" || result == "https" || result == "www" ? "⟨u⟩" : result
    }

    func features(of words: [String]) -> [TextFeatures.Feature] {
        var features: [TextFeatures.Feature] = []
        var previous = "^"
        var (skipPrevious, skipCurrent) = ("^", "^")  // scheme 11: the word two before
        var sinceNegation: Int?
        var sinceName: Int?
        for (index, word) in words.enumerated() {
            features.append(.init(bucket: bucket("w", word), word: index))
            sinceNegation = sinceNegation.map { $0 + 1 }
            if let since = sinceNegation, since <= 4 { features.append(.init(bucket: bucket("n", word), word: -1)) }
            if TextFeatures.negations.contains(word) { sinceNegation = 0 }
            features.append(.init(bucket: bucket("b", previous + " " + word), word: -1))
            features.append(.init(bucket: bucket("s", skipPrevious + " " + word), word: -1))
            (skipPrevious, skipCurrent) = (skipCurrent, word)
            sinceName = word == "⟨p⟩" || word == "⟨s⟩" ? 0 : sinceName.map { $0 + 1 }
            if let since = sinceName, (1...8).contains(since) {
                features.append(.init(bucket: bucket("t", word), word: index))
                if let polarity = WordClasses.polarity[word] {
                    features.append(
                        .init(bucket: bucket("t", bytes: [0x1e, UInt8(bitPattern: polarity)]), word: index))
                }
            }
            if let polarity = WordClasses.polarity[word] {
                let classByte = UInt8(bitPattern: polarity)
                features.append(.init(bucket: bucket("p", bytes: [classByte]), word: index))
                features.append(
                    .init(bucket: bucket("b", bytes: Array(previous.utf8) + [0x1e, classByte]), word: index))
                if let since = sinceNegation, since <= 4 {
                    features.append(.init(bucket: bucket("n", bytes: [0x1e, classByte]), word: -1))
                }
            }
            previous = word
            let scalars = Array(word.unicodeScalars)
            guard scalars.count >= 2, scalars.allSatisfy({ $0.properties.isAlphabetic }) else { continue }
            let marked = ["<"] + scalars.map(String.init) + [">"]
            for length in 3...5 where marked.count >= length {
                for start in 0...(marked.count - length) {
                    features.append(.init(bucket: bucket("c", marked[start..<start + length].joined()), word: index))
                }
            }
            if scalars.count >= 4 {
                let skeleton = scalars.filter { !"aeiouy".unicodeScalars.contains($0) }
                if skeleton.count >= 3 {
                    features.append(.init(bucket: bucket("k", String(String.UnicodeScalarView(skeleton))), word: index))
                }
            }
        }
        features.append(.init(bucket: bucket("b", previous + " $"), word: -1))
        return features
    }

    func bucket(_ kind: String, _ text: String) -> Int { bucket(kind, bytes: Array(text.utf8)) }

    func bucket(_ kind: String, bytes: [UInt8]) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in Array(kind.utf8) + [0x1f] + bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: hash & UInt64(buckets - 1))
    }
}
