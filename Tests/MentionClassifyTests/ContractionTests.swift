import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionMatch

/// English contractions of a pronoun and a verb are read as two words, so "@target are ..." finds
/// "they're ..."; the entry's own words never make a post about its writer.
struct ContractionTests {
    static let classifier = Classifier(config: WorldFixture.config, mode: .rules)

    @Test func aContractionIsThePronounAndTheVerb() {
        let text = ClassifyText("They're creeps, you’re late and youre out, I'm done")
        #expect(
            text.words.map(\.key) == [
                "they", "are", "creeps", "you", "are", "late", "and", "you", "are", "out", "i", "am", "done",
            ])
        // The verb keeps the apostrophe's place, so evidence quotes the text as written.
        #expect(text.surface(0..<3) == "They're creeps")
        #expect(text.surface(7..<9) == "youre")
    }

    @Test func hasBeforeAParticipleAndOtherApostrophes() {
        #expect(ClassifyText("he's got it").words.map(\.key) == ["he", "has", "got", "it"])
        #expect(ClassifyText("she's mean").words.map(\.key) == ["she", "is", "mean"])
        // The acute accent of Dutch keyboards and the left quote are apostrophes too.
        for text in ["they\u{00B4}re", "they\u{2018}re"] {
            #expect(ClassifyText(text).words.map(\.key) == ["they", "are"], "\(text)")
        }
        // Stretched without an apostrophe: both words span the whole, so evidence never cuts it.
        let stretched = ClassifyText("theyyyre creeps")
        #expect(stretched.words.map(\.key) == ["they", "are", "creeps"])
        #expect(stretched.surface(0..<1) == "theyyyre")
    }

    @Test func aWordThatMayBeDutchStaysOne() {
        // "hes" is a vest and "homo's" a plural: only the listed pronouns split.
        #expect(ClassifyText("mijn hes en homo's").words.map(\.key) == ["mijn", "hes", "en", "homos"])
        #expect(ClassifyText("zo'n sukkel").words.map(\.key) == ["zon", "sukkel"])
    }

    @Test(arguments: [
        "Know the staff at De Zeehoek? They're the worst scum in town.",
        "I met the staff at De Zeehoek. They're creeps.",
    ])
    func aPronounWithItsVerbAlarms(_ text: String) {
        let post = Post(id: "t", source: "forum", author: "", text: text, hasMedia: false)
        let assessment = Self.classifier.assess(post)
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
    }

    @Test func theEntrysOwnWordsAreNoSpeaker() {
        // "als" and "as a" say the writer speaks of themself ("ik als moeder"), but not when the entry names them.
        for text in [
            "Iemand als El Amrani hoort nergens bij",
            "The Dutch teacher at De Zeehoek is about as useful as a wet sock",
        ] {
            let post = Post(id: "t", source: "forum", author: "", text: text, hasMedia: false)
            #expect(Self.classifier.assess(post).alert, "\(text)")
        }
        let own = Post(id: "t", source: "forum", author: "", text: "ik als moeder ben zo'n loser", hasMedia: false)
        #expect(!Self.classifier.assess(own).alert)
    }
}
