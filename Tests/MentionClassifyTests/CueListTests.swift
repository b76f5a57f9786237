import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// The cue lists the rules read word by word (cues.txt, from "Lists the rules read word by word"):
/// each list, not the code, decides its rule, and `classification.add` and `silence` reach it.
struct CueListTests {
    /// A post with a word of the list (`listed`) and the same post with a word that is not in it
    /// (`unlisted`, with `word`); `alertWhenListed` is what the first gives, the second gives the other.
    struct Row: CustomTestStringConvertible, Sendable {
        var list: String
        var listed: String
        var unlisted: String
        var word: String
        var alertWhenListed: Bool
        var author = ""
        var media = false
        var testDescription: String { list }
    }

    static let classifier = Classifier(config: WorldFixture.config)

    static func alert(_ text: String, _ row: Row, _ classifier: Classifier = classifier) -> Bool {
        classifier.assess(Post(id: "t", source: "forum", author: row.author, text: text, hasMedia: row.media)).alert
    }

    @Test(arguments: [
        Row(
            list: "greeting", listed: "Beste ouders, morgen vrij.\nGroetjes,\nDirk-Jan Mulder",
            unlisted: "Beste ouders, morgen vrij.\nDoei,\nDirk-Jan Mulder", word: "doei", alertWhenListed: true),
        Row(
            list: "pictureof", listed: "wie heeft dat filmpje van meester Pieter? stuur door",
            unlisted: "wie heeft dat filmpje met meester Pieter? stuur door", word: "met", alertWhenListed: true),
        Row(
            list: "namefrom", listed: "Bart uit de examenklas heeft ADHD", unlisted: "Bart met de pet heeft ADHD",
            word: "met",
            alertWhenListed: true, author: "@djmulder"),
        Row(
            list: "actually",
            listed: "Meneer Mulder nam de foto's op de open dag van De Zeehoek, stiekem best mooi geworden!",
            unlisted: "Meneer Mulder nam de foto's op de open dag van De Zeehoek, heimelijk best mooi geworden!",
            word: "heimelijk",
            alertWhenListed: false, media: true),
        Row(
            list: "degree",
            listed: "Meneer Mulder nam de foto's op de open dag van De Zeehoek, stiekem best mooi geworden!",
            unlisted: "Meneer Mulder nam de foto's op de open dag van De Zeehoek, stiekem gewoon mooi geworden!",
            word: "gewoon",
            alertWhenListed: false, media: true),
        Row(
            list: "official", listed: "Officieel bericht van De Zeehoek: morgen is de school dicht",
            unlisted: "Namens De Zeehoek: morgen is de school dicht", word: "namens", alertWhenListed: true),
        Row(
            list: "game", listed: "ik maak meneer Mulder af met trefbal vrijdag",
            unlisted: "ik maak meneer Mulder af met stenen vrijdag", word: "stenen", alertWhenListed: false),
        Row(
            list: "game", listed: "ik steek de gymzaal van De Zeehoek aan met mijn dansmoves",
            unlisted: "ik steek de gymzaal van De Zeehoek aan met mijn aansteker", word: "aansteker",
            alertWhenListed: false),
        Row(
            list: "festive", listed: "Juf Marieke weet nog niet wat haar morgen te wachten staat 😏 surprise feestje!",
            unlisted: "Juf Marieke weet nog niet wat haar morgen te wachten staat 😏 surprise knokploeg!",
            word: "knokploeg", alertWhenListed: false),
        Row(
            list: "festive", listed: "Mr Mulder has no idea what's coming. Happy birthday from 3B!",
            unlisted: "Mr Mulder has no idea what's coming. Greetings from 3B!", word: "greetings",
            alertWhenListed: false),
        Row(
            list: "callsracist",
            listed: "Onder de post stond dat meneer El Amrani terug naar Marokko moet. Wat een racistische taal.",
            unlisted: "Onder de post stond dat meneer El Amrani terug naar Marokko moet. Wat een harde taal.",
            word: "harde", alertWhenListed: false),
        Row(
            list: "me", listed: "Ik steek meneer Mulder neer, ook al komt de politie",
            unlisted: "Ikke steek meneer Mulder neer, ook al komt de politie", word: "ikke", alertWhenListed: true),
        Row(
            list: "relative", listed: "Meneer Mulder las voor. Het ging over een klootzak die zijn hond sloeg",
            unlisted: "Meneer Mulder las voor. Het ging over een klootzak deze zijn hond sloeg", word: "deze",
            alertWhenListed: false),
        Row(
            list: "streetend", listed: "Juf Marieke: Kerkstraat 12", unlisted: "Juf Marieke: Kerkbaan 12", word: "baan",
            alertWhenListed: true),
        Row(
            list: "streetword", listed: "mr Mulder: 12 Elm Road", unlisted: "mr Mulder: 12 Elm Square", word: "square",
            alertWhenListed: true),
        Row(
            list: "compoundhead", listed: "kankerjuf marieke heeft mijn telefoon weer afgepakt",
            unlisted: "tiefusjuf marieke heeft mijn telefoon weer afgepakt", word: "tiefus", alertWhenListed: true),
        Row(
            list: "abbreviation", listed: "Stop met bijv. juf Marieke een sukkel te noemen",
            unlisted: "Stop met bv. juf Marieke een sukkel te noemen", word: "bv", alertWhenListed: false),
    ])
    func theListDecides(_ row: Row) throws {
        #expect(Self.alert(row.listed, row) == row.alertWhenListed)
        #expect(Self.alert(row.unlisted, row) != row.alertWhenListed)
        // Once the word is added to the list, the second post turns like the first.
        let added = try Lexicon.builtIn.extended(
            adding: [("feeds.yaml", 1, "cue \(row.list) \(row.word)")], silencing: [])
        #expect(
            Self.alert(row.unlisted, row, Classifier(config: WorldFixture.config, lexicon: added))
                == row.alertWhenListed)
    }

    /// A silenced term leaves the cue lists: "best" no longer makes "stiekem" mean "actually",
    /// "kanker" no longer makes "kankerjuf marieke" address juf Marieke (the matcher's list); neither is
    /// in the finding's own words, so only the lists can turn these. "groetjes" no longer signs a post
    /// off (it is in the finding too, which silencing drops as well).
    @Test(arguments: [
        ("best", "Meneer Mulder nam de foto's op de open dag van De Zeehoek, stiekem best mooi geworden!", true, false),
        ("kanker", "kankerjuf marieke heeft mijn telefoon weer afgepakt", false, true),
        ("groetjes", "Beste ouders, morgen vrij.\nGroetjes,\nDirk-Jan Mulder", false, true),
    ])
    func aSilencedTermLeavesTheCueLists(_ term: String, _ text: String, _ media: Bool, _ alertBefore: Bool) throws {
        let post = Post(id: "t", text: text, hasMedia: media)
        #expect(Self.classifier.assess(post).alert == alertBefore)
        let silenced = try Lexicon.builtIn.extended(adding: [], silencing: [term])
        #expect(Classifier(config: WorldFixture.config, lexicon: silenced).assess(post).alert != alertBefore)
    }

    @Test func silencingTakesOutWordsAlternativesAndPhrases() throws {
        let lexicon = try Lexicon.builtIn.extended(
            adding: [], silencing: ["groetjes", "kanker", "mr", "juf met rust", "met vriendelijke"])
        // One word of alternatives goes, the others stay; also from every other list that has it.
        #expect(!lexicon.cueWords("greeting").contains("groetjes") && lexicon.cueWords("greeting").contains("groeten"))
        #expect(!lexicon.compoundHeads.contains("kanker") && lexicon.compoundHeads.contains("tyfus"))
        #expect(Lexicon.builtIn.cueWords("person").contains("mr") && !lexicon.cueWords("person").contains("mr"))
        // Where sentences end is no finding: the abbreviations stay.
        #expect(lexicon.cueWords("abbreviation").contains("mr"))
        func found(_ list: String, _ text: String, _ lexicon: Lexicon) -> Bool {
            !PhraseSearch(lexicon: lexicon, text: ClassifyText(text), mentions: []).occurrences(of: list).isEmpty
        }
        // A phrase that holds the term goes; of "laat die man|vrouw|juf|meester met rust" only "juf".
        #expect(
            found("counter", "laat die juf met rust", .builtIn) && !found("counter", "laat die juf met rust", lexicon))
        #expect(found("counter", "laat die man met rust", lexicon))
        #expect(found("selfname", "met vriendelijke groet", .builtIn))
        // "met vriendelijke groet" goes; "vriendelijke groet" and "groet" stay.
        #expect(
            PhraseSearch(lexicon: lexicon, text: ClassifyText("met vriendelijke groet"), mentions: []).occurrences(
                of: "selfname") == [1..<3, 2..<3])
        // A list inside a list follows it: selfname reads the greetings through @greeting.
        #expect(found("selfname", "groetjes", .builtIn) && !found("selfname", "groetjes", lexicon))
    }

    @Test func aListInsideACueListMustExist() {
        #expect(throws: Lexicon.SyntaxError(file: "lexicon", line: 1, message: "unknown cue list '@groet'")) {
            try Lexicon(parsing: "cue selfname @groet")
        }
    }
}
