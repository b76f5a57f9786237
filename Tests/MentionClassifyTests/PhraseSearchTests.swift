import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// `PhraseSearch` compares words by id and rules entries out early, for speed (docs/benchmarks.md);
/// it must find exactly what the plain string search (`ReferencePhraseSearch`) finds, in the same order.
struct PhraseSearchTests {
    @Test(
        .enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func findsWhatTheStringSearchFinds() async throws {
        let silenced = try Lexicon.builtIn.extended(
            adding: [(file: "test", line: 1, text: "threat high we pakken @target na school")],
            silencing: ["idioot van het jaar", "stiekem best", "groetjes", "kanker", "sukkel ... juf"])
        let matcher = Classifier(config: WorldFixture.config).matcher
        let posts = try Self.posts()
        var compared = 0
        var found = 0
        for lexicon in [Lexicon.builtIn, silenced] {
            let tables = PhraseTables(lexicon)
            for (number, post) in posts.enumerated() {
                // A long synchronous loop holds a thread of the shared test pool; let timed tests run.
                if number % 50 == 0 { await Task.yield() }
                let text = post.matchText
                let mentions = matcher.mentions(in: post, text: text, tokens: MatchText.tokens(text))
                var words = ClassifyText(text, mentions: mentions, abbreviations: lexicon.cueWords("abbreviation"))
                words.repairSpelling(SpellingRepairTests.repair)
                let fast = PhraseSearch(tables: tables, text: words, mentions: mentions)
                let reference = ReferencePhraseSearch(lexicon: lexicon, text: words, mentions: mentions)
                let hits = fast.hits()
                #expect(hits.map(Self.describe) == reference.hits().map(Self.describe), "\(post.id): \(text)")
                found += hits.count
                for list in Lexicon.cueLists.sorted() {
                    #expect(fast.occurrences(of: list) == reference.occurrences(of: list), "\(post.id) @\(list)")
                    for sentence in -1...words.sentences.count {
                        #expect(
                            Array(fast.occurrences(of: list, inSentence: sentence))
                                == reference.occurrences(of: list, inSentence: sentence))
                    }
                }
                for hit in hits {
                    #expect(fast.isSilenced(hit.words) == reference.isSilenced(hit.words), "\(post.id)")
                    for before in [0, 2, 3] {
                        #expect(
                            fast.hasCue("firstperson", in: hit.words, before: before)
                                == reference.hasCue("firstperson", in: hit.words, before: before))
                    }
                }
                compared += 1
            }
        }
        print("phrase search: \(compared) posts compared, \(found) hits")
        #expect(compared > 1500 && found > 1000)
    }

    private static func describe(_ hit: LexiconHit) -> String { "\(hit.entry)@\(hit.words)" }

    /// Every 16th post of the training corpus and every other of the labelled sets of Tests/Support, each also
    /// written online: letters masked ("k*nker") and words joined by hyphens ("kanker-juf").
    private static func posts() throws -> [Post] {
        var posts: [Post] = []
        for line in try Paths.labelledLines(corpusEvery: 16, supportEvery: 2) {
            let post = try JSONDecoder().decode(LabelledPost.self, from: Data(line.utf8)).post
            posts.append(post)
            var written = post
            written.id += "-written"
            written.text = obfuscated(post.text)
            posts.append(written)
        }
        return posts
    }

    /// Every fifth word of four letters or more with its second letter masked, every seventh joined
    /// to the next by a hyphen.
    private static func obfuscated(_ text: String) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for index in words.indices {
            if index % 5 == 2, words[index].count >= 4, words[index].allSatisfy(\.isLetter) {
                var letters = Array(words[index])
                letters[1] = "*"
                words[index] = String(letters)
            }
            if index % 7 == 3, index + 1 < words.count { words[index] += "-" }
        }
        return words.joined(separator: " ").replacingOccurrences(of: "- ", with: "-")
    }
}
