import Foundation
import MentionConfig
import MentionDaemon
import MentionMatch
import TestSupport
import Testing

@testable import MentionClassify

/// The word lists (`classification.dictionaries`, by default Debian's wdutch and wamerican) are read
/// from disk when the config loads; a configured list that is missing stops the start (exit 78).
struct DictionaryTests {
    static let world = """
        school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [klas, Westerveen] }
        staff: [{ id: staff-04, name: Ingrid van den Berg-Bos }, { id: staff-03, name: Youssef El Amrani }]
        feeds: [{ id: a, url: "https://a.example/rss" }]

        """

    static func wordList(_ words: [String]) throws -> String {
        let path = Paths.temporaryFolder("dict") + "/words"
        try Data((words.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func aConfiguredListTeachesOrdinaryWordsAndSlips() throws {
        // "Bos" capitalised is a name in the list; "bos" lower case is a wood; "aftappen" is a word.
        let list = try Self.wordList(["Bos", "bos", "aftappen", "Westerveen", "één", "fiets"])
        let path = try CommandLineTests.writeConfig(Self.world + "classification: { dictionaries: [\(list)] }\n")
        let config = try ConfigFile.load(path, loadingModel: false)
        #expect(config.matching.ordinaryWords == ["bos"])
        #expect(config.matching.stretchedWords.isEmpty)  // "boos" is not in this list
        let spelling = try #require(config.classification.spelling)
        #expect(spelling.repaired("skkl") == "sukkel")
        #expect(spelling.repaired("aftappen") == nil)

        let classifier = Classifier(config: config)
        let wood = classifier.assess(Post(id: "1", source: "forum", text: "de klas wandelde in het bos bij Westerveen"))
        #expect(!wood.mentions.contains { $0.entity == "staff-04" })
        let insult = classifier.assess(Post(id: "2", source: "forum", text: "meneer El Amrani is een skkl"))
        #expect(insult.alert)
    }

    /// "boos" in the list: written so, it is angry, not Bos (`MatchingSettings.stretchedWords`).
    @Test func aNameWordWithALetterDoubledThatIsAWordIsThatWord() throws {
        let list = try Self.wordList(["Bos", "boos", "boss", "fiets"])
        let path = try CommandLineTests.writeConfig(Self.world + "classification: { dictionaries: [\(list)] }\n")
        let config = try ConfigFile.load(path, loadingModel: false)
        #expect(config.matching.stretchedWords == ["boos", "boss"])
        #expect(Dictionaries.stretchedForms("bos") == ["bbos", "boos", "boss"])
        let classifier = Classifier(config: config)
        let angry = classifier.assess(
            Post(id: "1", source: "forum", text: "de klas in Westerveen was boos op meneer El Amrani"))
        #expect(!angry.mentions.contains { $0.entity == "staff-04" })
        #expect(angry.mentions.contains { $0.entity == "staff-03" })
    }

    /// The built-in lexicon's slips are made ahead while the config is read; a config that adds to
    /// the lexicon gets the slips of its own words, and one that silences a word loses that word's.
    @Test func aConfigThatChangesTheLexiconGetsItsOwnSlips() throws {
        let list = try Self.wordList(["fiets"])
        let plain = try ConfigFile.load(
            try CommandLineTests.writeConfig(Self.world + "classification: { dictionaries: [\(list)] }\n"),
            loadingModel: false)
        #expect(plain.classification.lexicon.isBuiltIn)
        #expect(plain.classification.spelling?.repaired("flpdrl") == nil)
        #expect(plain.classification.spelling?.repaired("skkl") == "sukkel")

        let changed = try ConfigFile.load(
            try CommandLineTests.writeConfig(
                Self.world
                    + "classification: { add: [\"insult medium flapdrol\"], silence: [sukkel], dictionaries: [\(list)] }\n"
            ),
            loadingModel: false)
        #expect(!changed.classification.lexicon.isBuiltIn)
        #expect(changed.classification.spelling?.repaired("flpdrl") == "flapdrol")
        #expect(
            changed.classification.spelling?.count == SpellingRepair.slips(of: changed.classification.lexicon).count)
    }

    @Test func onlyTheUnchangedBuiltInLexiconIsTheBuiltInOne() throws {
        #expect(Lexicon.builtIn.isBuiltIn)
        #expect(try Lexicon.builtIn.extended(adding: [], silencing: []).isBuiltIn)
        #expect(try !Lexicon.builtIn.extended(adding: [], silencing: ["sukkel"]).isBuiltIn)
        #expect(try !Lexicon.builtIn.extended(adding: [("f", 1, "insult medium flapdrol")], silencing: []).isBuiltIn)
        #expect(try !Lexicon(parsing: "insult medium flapdrol").isBuiltIn)
    }

    @Test func offReadsNoList() throws {
        let path = try CommandLineTests.writeConfig(Self.world + "classification: { dictionaries: off }\n")
        let config = try ConfigFile.load(path, loadingModel: false)
        #expect(config.classification.spelling == nil)
        #expect(config.matching.ordinaryWords.isEmpty)
    }

    @Test func aMissingListStopsTheStart() throws {
        let config = try CommandLineTests.writeConfig(
            Self.world + "classification: { dictionaries: [/nonexistent/words] }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 78)
        #expect(
            outcome.stderr.contains("/nonexistent/words: cannot read the word list: no such file"), "\(outcome.stderr)")
    }

    /// The Debian lists themselves (CI installs wdutch and wamerican): real slips that are real words.
    @Test func theDebianListsKnowOrdinaryWords() throws {
        let lists = Dictionaries.paths(nil, relativeTo: "/")
        try #require(
            lists.contains("/usr/share/dict/dutch"), "install Debian's wdutch (apt-get install wdutch), as .ci/run does"
        )
        let found = try Dictionaries.ordinaryWords(
            among: ["aftappen", "bos", "mulder", "knkr", "skkl", "Bos"], in: lists)
        #expect(found == ["aftappen", "bos", "mulder"])
        let check = try CommandLineTests.mentionwatch([
            "check", "--config", try CommandLineTests.writeConfig(Self.world + "classification: { model: off }\n"),
        ])
        #expect(check.stdout.contains("dictionaries: /usr/share/dict/dutch"), "\(check.stdout)")
        #expect(check.stdout.contains("name words that are also ordinary words: berg, bos"), "\(check.stdout)")
    }
}
