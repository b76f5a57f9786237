import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Obfuscated words read back as the lexicon word they hide, unless a dictionary knows them as
/// ordinary words (docs/classification.md, "Dictionaries").
struct SpellingRepairTests {
    static let repair = SpellingRepair(lexicon: .builtIn, ordinaryWords: [])

    @Test(arguments: [
        ("knkr", "kanker"),  // vowels left out
        ("skkl", "sukkel"),
        ("kankre", "kanker"),  // two letters swapped
        ("sukel", "sukkel"),  // a letter dropped
        ("kannker", "kanker"),  // a letter doubled
        ("knkrwijf", "kankerwijf"),  // a vowel-less curse heading a compound
    ])
    func slipsAreReadBack(slip: String, word: String) {
        #expect(Self.repair.repaired(slip) == word)
    }

    @Test(arguments: ["kanker", "school", "juf", "niet", "fiets", "mrkt"])
    func wordsAndStrangersStayAsWritten(word: String) {
        // Lexicon and cue words are no slips; "fiets" is no slip of anything; "mrkt" heads no compound.
        #expect(Self.repair.repaired(word) == nil)
    }

    @Test func theGroundListDoesNotChangeHowWordsAreRead() {
        // "mongol" is a stem of the `ground` list (it only lets the model name discrimination); as a
        // slip it is still read as the insult "mongool".
        #expect(Lexicon.builtIn.cueWords("ground").contains("mongol"))
        #expect(Self.repair.repaired("mongol") == "mongool")
    }

    @Test func aSlipThatIsAnOrdinaryWordStays() {
        // "aftappen" (to tap off) is one letter short of "aftrappen", and a word of its own.
        #expect(Self.repair.repaired("aftappen") == "aftrappen")
        let informed = SpellingRepair(lexicon: .builtIn, ordinaryWords: ["aftappen"])
        #expect(informed.repaired("aftappen") == nil)
    }

    @Test(arguments: [
        ("haaaat", "haat"),  // the key "hat" lost the double vowel
        ("haaaaaaat", "haat"),
        ("sukkkkel", "sukkel"),
    ])
    func aStretchedWordIsReadBackWithItsDoubleLetters(written: String, word: String) {
        #expect(Self.repair.unstretched(Array(written.utf8)) == word)
    }

    @Test(arguments: ["haat", "haaaai", "hat", "h@@@t", "hhaaaat"])
    func aWordNotStretchedOrNoLexiconWordStays(written: String) {
        // Not stretched; "haai" (a shark) is no lexicon word; not all letters; a pair stays a pair ("hhaat").
        #expect(Self.repair.unstretched(Array(written.utf8)) == nil)
    }

    @Test func theClassifierReadsAStretchedWordBack() {
        var repaired = WorldFixture.config
        repaired.classification.spelling = Self.repair
        let post = Post(id: "p", source: "forum", author: "x", text: "Ik haaaaat juf Marieke")
        #expect(Classifier(config: repaired, mode: .rules).assess(post).alert)
        #expect(!Classifier(config: WorldFixture.config, mode: .rules).assess(post).alert)
    }

    @Test func aSlipTwoWordsShareGoesToTheOneMoreEntriesUse() {
        // "knkr" is the skeleton of "kanker" and of its variant "kenker"; "kanker" is used far more.
        let slips = SpellingRepair.slips(of: .builtIn)
        #expect(slips.word(for: "knkr") == "kanker")
    }

    @Test func theClassifierReadsSlipsBackOnlyWithARepair() {
        let post = Post(id: "p", source: "forum", author: "x", text: "meneer El Amrani is een skkl")
        let config = WorldFixture.config
        #expect(!Classifier(config: config, mode: .rules).assess(post).alert)
        var repaired = config
        repaired.classification.spelling = Self.repair
        let assessment = Classifier(config: repaired, mode: .rules).assess(post)
        #expect(assessment.alert)
        // The evidence is the word as written.
        #expect(assessment.categories.first { $0.category == .insult }?.evidence == ["skkl"])
    }

    @Test func aNameIsNeverRepaired() {
        // "Strhs" is Oosterhuis without vowels after an honorific: a name, not a slip.
        var repaired = WorldFixture.config
        repaired.classification.spelling = Self.repair
        let assessment = Classifier(config: repaired).assess(
            Post(id: "p", source: "forum", author: "x", text: "mnr Strhs gaf vandaag les"))
        #expect(assessment.mentions.contains { $0.entity == "staff-08" })
        #expect(!assessment.alert)
    }
}
