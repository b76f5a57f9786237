import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

struct ClassifierTests {
    let classifier = Classifier(config: WorldFixture.config)

    @Test func builtInLexiconParsesAndCoversInsultAndThreat() {
        let categories = Set(Lexicon.builtIn.entries.map(\.category))
        #expect(categories.isSuperset(of: [.insult, .threat]))
        #expect(Lexicon.builtIn.entries.count > 40)
    }

    @Test func lexiconSyntaxErrorsNameTheLine() {
        #expect(throws: Lexicon.SyntaxError(file: "lexicon", line: 2, message: "unknown category 'rudeness'")) {
            try Lexicon(parsing: "# comment\nrudeness high word\n")
        }
        #expect(throws: Lexicon.SyntaxError(file: "lexicon", line: 1, message: "unknown severity 'huge'")) {
            try Lexicon(parsing: "insult huge x")
        }
        #expect(throws: Lexicon.SyntaxError(file: "lexicon", line: 1, message: "expected CATEGORY SEVERITY PHRASE")) {
            try Lexicon(parsing: "insult high")
        }
    }

    @Test func insultWithEvidenceAimedAtStaffIsTrackB() {
        let assessment = classifier.assess(Post(id: "d009", text: "juf marieke is echt een kankerwijf, altijd zeiken"))
        #expect(assessment.categories.map(\.category) == [.insult])
        #expect(assessment.categories.first?.severity == .high)
        #expect(assessment.categories.first?.evidence == ["kankerwijf"])
        #expect(assessment.track == .b)
        #expect(assessment.alert)
    }

    @Test func threatPhrasesWithWildcards() {
        let assessment = classifier.assess(Post(id: "t", text: "Ik maak hem af, meneer Mulder"))
        #expect(assessment.categories.map(\.category) == [.threat])
        #expect(assessment.categories.first?.severity == .critical)
        #expect(assessment.categories.first?.evidence == ["Ik maak hem af"])
    }

    @Test(arguments: [
        "Leerlingen van De Zeehoek lopen voor KWF Kankerbestrijding",
        "Juf Marieke heeft borstkanker, sterkte!",
        "juf Marieke heeft kanker, wat verdrietig",
        "Maak het af! De Zeehoek wint de voetbalcup",
        "Wacht maar even, juf Marieke komt zo",
    ])
    func everydayWordsAreNotAlarms(_ text: String) {  // a disease word may be recorded, with severity low
        let assessment = classifier.assess(Post(id: "t", text: text))
        #expect(assessment.categories.allSatisfy { $0.severity == .low }, "\(assessment.categories)")
        #expect(!assessment.alert)
    }

    @Test func lexiconAlternativesAndIgnoredWords() throws {
        let lexicon = try Lexicon(parsing: "threat high sla je|hem neer\ninsult high rot*\nignore rotonde\n")
        let classifier = Classifier(config: WorldFixture.config, lexicon: lexicon)
        #expect(classifier.findCategories(in: "ik sla hem neer").map(\.category) == [.threat])
        #expect(classifier.findCategories(in: "ik sla het neer").isEmpty)
        #expect(classifier.findCategories(in: "rotjoch").map(\.category) == [.insult])
        #expect(classifier.findCategories(in: "bij de rotonde").isEmpty)
        #expect(classifier.findCategories(in: "rot").isEmpty)
        #expect(throws: Lexicon.SyntaxError(file: "lexicon", line: 1, message: "expected ignore WORD")) {
            try Lexicon(parsing: "ignore two words")
        }
    }

    @Test func noMentionNoAlert() {
        let assessment = classifier.assess(
            Post(id: "d037", text: "Ik maak je af als je nog een keer aan mijn fiets zit"))
        #expect(assessment.categories.map(\.category) == [.threat])
        #expect(!assessment.alert)
        #expect(assessment.track == .none)
    }

    /// A mild word ("stom": lame) stays low; "dom" said of someone calls her stupid (medium, 2026.12.63).
    @Test func belowThresholdNoAlert() {
        let assessment = classifier.assess(Post(id: "t", text: "juf Marieke is stom"))
        #expect(assessment.categories.first?.severity == .low)
        #expect(!assessment.alert)
    }

    @Test func schoolOnlyIsTrackAAndStaffAccountIsTrackStaff() {
        #expect(classifier.assess(Post(id: "t", text: "De Zeehoek is een kutschool")).track == .a)
        #expect(
            classifier.assess(Post(id: "t", author: "@djmulder", text: "die sukkel van De Zeehoek")).track == .staff)
    }
}
