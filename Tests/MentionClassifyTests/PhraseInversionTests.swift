import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// A Dutch main clause puts its verb second, so a lexicon phrase that starts "ik|we VERB" also matches
/// "VERB ik|we" after a fronted word or a condition (`Phrase.inverted`).
struct PhraseInversionTests {
    static func phrase(_ text: String) throws -> Phrase {
        try Phrase(text, file: "test", line: 1)
    }

    @Test func aFirstPersonSubjectAndAVerbAreSwapped() throws {
        let inverted = try #require(try Self.phrase("ik|we sla|slaan @target ... in elkaar").inverted)
        #expect(inverted.items.prefix(2) == [.word(.oneOf(["sla", "slaan"])), .word(.oneOf(["ik", "we"]))])
        #expect(
            inverted.items.dropFirst(2) == (try Self.phrase("ik|we sla|slaan @target ... in elkaar")).items.dropFirst(2)
        )
    }

    @Test(arguments: [
        "we hate @target now",  // "we" alone is English as often as Dutch
        "ik ... sla @target",  // no verb right after the subject
        "hoop dat @target doodgaat",  // no subject first
        "ik|we ik|we @target",  // the second word is a subject too
        "ik sla",  // too short to be told from a question ("sla ik?")
        "wij|we als school ... vinden",  // "als" is no verb
        "ik|we haar|zijn auto ... vinden",  // nor a possessive
    ])
    func otherPhrasesAreNotInverted(_ text: String) throws {
        #expect(try Self.phrase(text).inverted == nil)
    }

    static let classifier = Classifier(
        config: WorldFixture.config,
        lexicon: try! Lexicon(parsing: "threat high ik|we ram|rammen @target ... in elkaar\ncue person man"))

    static func threat(_ text: String) -> Bool {
        classifier.assess(Post(id: "t", source: "forum", author: "", text: text)).categories.contains {
            $0.category == .threat && $0.severity == .high
        }
    }

    @Test func theInvertedOrderIsFoundInAPost() {
        #expect(Self.threat("ik ram meneer Mulder in elkaar"))
        #expect(Self.threat("als hij me weer laat voorlezen, ram ik meneer Mulder in elkaar"))
        #expect(!Self.threat("als hij me weer laat voorlezen, ram meneer Mulder ik in elkaar"))
    }

    @Test func aTargetAfterSubjectAndVerbIsFronted() throws {
        let fronted = try #require(try Self.phrase("ik|we sla|slaan @target ... in elkaar").fronted)
        #expect(fronted.items.prefix(3) == [.target, .word(.oneOf(["sla", "slaan"])), .word(.oneOf(["ik", "we"]))])
        #expect(try Self.phrase("ik|we sla|slaan je ... in elkaar").fronted == nil)  // no target to front
        #expect(try Self.phrase("we hate @target now").fronted == nil)  // not inverted either
    }

    @Test func theFrontedTargetIsFoundInAPostButNotInAQuestion() {
        #expect(Self.threat("meneer Mulder ram ik morgen in elkaar"))
        #expect(Self.threat("het MT van De Zeehoek ram ik één voor één in elkaar"))
        #expect(!Self.threat("meneer Mulder ram ik in elkaar? echt niet"))
    }
}
