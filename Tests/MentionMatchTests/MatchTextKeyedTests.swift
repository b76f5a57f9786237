import Foundation
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// `MatchText.keyed` reads the text's UTF-8 in place; it must give what the scalar path gives, word
/// for word, on every post of the corpus and on text made to sit on its edges.
struct MatchTextKeyedTests {
    /// Keys, hashes, offsets and handles of every word, both ways of reading "l".
    func check(_ text: String) {
        for readingLAsI in [true, false] {
            let fast = MatchText.keyed(text, readingLAsI: readingLAsI)
            let general = MatchText.keyedScalars(text, readingLAsI: readingLAsI)
            #expect(fast.words.count == general.words.count, "\(readingLAsI) \(text)")
            guard fast.words.count == general.words.count else { continue }
            for index in fast.words.indices {
                let (one, other) = (fast.words[index], general.words[index])
                #expect(fast.key(index).elementsEqual(general.key(index)), "\(readingLAsI) \(index) \(text)")
                #expect(one.hash == other.hash, "\(readingLAsI) \(index) \(text)")
                #expect(one.start == other.start && one.end == other.end, "\(readingLAsI) \(index) \(text)")
                #expect(one.inHandle == other.inHandle, "\(readingLAsI) \(index) \(text)")
            }
        }
    }

    @Test func theCorpusIsKeyedAsByTheScalarPath() async throws {
        let folder = Paths.repositoryRoot + "/corpus/train"
        var count = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".jsonl") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let post = try JSONDecoder().decode(MatchInputLine.self, from: Data(line.utf8)).post
                check(post.matchText)
                check(post.title)
                count += 1
                // A long synchronous loop holds a thread of the shared test pool; let timed tests run.
                if count % 200 == 0 { await Task.yield() }
            }
        }
        #expect(count > 9_000)
    }

    @Test(arguments: [
        "", " ", "@", "$", "a", "info@zeehoek-pro.nl", "mail jan@zeehoek-pro.nl nu", "m@rieke", "M@RIEKE",
        "abcd@rieke", "yilm@z", "f.yilmaz@zeehoek", "abcdefgh@ij", "$anne", "$5", "kost $40", "#jufMarieke",
        "@JufMarieke_zeehoek", "#JUFMarieke", "m*lder", "M*LDER", "*mulder* f**k a*", "y*lm@z", "m*ldér",
        "Z e e h o e k", "Z.e.e.h.o.e.k", "z-e-e-h-o-e-k", "j u f  m a r i e k e", "a b", "ju\u{200B}f Marieke",
        "Marieke \u{200B}Z e e h o e k", "juffff Marieke", "deel lul kankerrrr", "n00rdh0ek k4nker 5anne 2026",
        "ll 1l l1 LLL", "De Zeehoek is stom, echt waar. Vraag het juf Verbeeck maar: zij weet het wél",
        "De Zeehoek is stom, echt waar. Vraag het juf Verbeeck maar: zij weet het 😂", "mаrieke", "Ｍａｒｉｅｋｅ",
        "Haha kijk dit filmpje nou best 😂😂. Iemand nog kaartjes?", "tab\tna\r\nregel @jan\rzeehoek",
        "@jan\u{00A0}zeehoek", "a@b.c x@y", "@@jan", "a@.nl", "ab@cd-", "Straße Ĳsselmeer ﬁets",
        // Outside ASCII: read where it is, offsets in scalars.
        "m@ría", "Ö@rieke", "jan@zeehöek-pro.nl", "jan@zeehoek-prö.nl nu", "ab@ñame", "x $ñ", "😂@jan", "a@😂",
        "J U F 😂 M A R I E K E", "z\u{200B}e\u{200B}e h o e k", "j\u{00AD}u\u{00AD}f", "ＪｕｆＭａｒｉｅｋｅ",
        "ÖzTürk ÇelikÖz", "ß ẞ STRASSE", "\u{FDFA} ok", "ﬃ ﬁets", "٣٤ ١٢٣ ３４ ｗ１", "İstanbul ıi",
        "👍🏽 juf", "M\u{0301}arieke \u{0301}x e\u{0301}", "@jan\u{2003}zeehoek", "\u{1D4DC}arieke", "Ǆemal ǅ ǆ",
        "mаrieke😂Zeehoek", "😂 a b c 😂", "a😂b😂c", "#MariëMulder", "zeehöKe",
        // Scalars whose key is longer than their UTF-8, before more letters: "½" is "1⁄2".
        "1½uur", "½ liter", "Ⱥbc", "ŉoot", "⅓ van de klas", "ⅷ ⑽ abc",
        // Signs for letters: "!" between letters, "€" beside one.
        "h!er", "a! b", "!b", "stop!Ik", "x!!y", "é!a", "a!é", "5!a", "@!a", "m@r!3k3", "wow!1!!", "5!3",
        "juf marieke!1!!", "a!12b", "a!1", "d€ z€€h0€k",
        "€5", "5€", "€uro", "€€",
        // A run of "@" for a long vowel; not after an address's name.
        "h@@t", "h@@@t", "h@@@@t", "k@@l@@", "jan@@zeehoek.nl", "ab@@", "@@@a", "m@@ría", "str@@t", "kl@@@r",
        "abc@@d", "abcd@@e", "a@@@", "@@", "x@@😂",
    ])
    func textOnTheEdgesIsKeyedAsByTheScalarPath(_ text: String) {
        check(text)
        check(text + " " + text)
    }

    /// Texts strung together at random (a fixed seed) from pieces that sit on the edges: letters,
    /// separators, `@` and `$`, and scalars that fold to fewer, as many or more bytes than they have.
    @Test func randomTextsAreKeyedAsByTheScalarPath() {
        let pieces = [
            "a", "Z", "l", "0", "4", " ", "  ", ".", "-", "_", "@", "$", "#", "\n", "jan", "Marie", "ke", "nl",
            "😂", "👍🏽", "é", "Ö", "ß", "ẞ", "ı", "İ", "а", "Ｍ", "ｗ", "½", "⅓", "ⅷ", "⑽", "ﬃ", "ŉ", "Ⱥ", "Ǆ",
            "\u{FDFA}", "\u{0301}", "\u{200B}", "\u{00AD}", "\u{00A0}", "\u{2003}", "٣", "𝓜",
        ]
        for text in randomTexts(from: pieces, count: 3_000, longest: 16, seed: 0x5EED) { check(text) }
    }
}
