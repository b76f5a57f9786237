import Foundation
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// The bytes-only check (`MentionFilter`) skips the full pass for posts that cannot mention anyone;
/// it must never change what is found. On every post of the repository's corpus, and on posts made
/// to sit on its edges, the matcher's answer is the full pass's.
struct MentionFilterTests {
    let matcher = Matcher(
        school: WorldFixture.config.school, staff: WorldFixture.config.staff, compoundHeads: ["kanker", "inval"])

    /// Checks one post; whether the full pass was skipped for it.
    @discardableResult
    func check(_ post: Post) -> Bool {
        let full = matcher.fullPass(post, text: post.matchText, tokens: MatchText.tokens(post.matchText))
        #expect(matcher.mentions(in: post) == full, "\(post.title) \(post.text)")
        // The same with the school assumed (`possibleMentions`), which has a check of its own.
        let possible = matcher.fullPass(
            post, text: post.matchText, tokens: MatchText.tokens(post.matchText), assumeSchool: true)
        #expect(matcher.possibleMentions(in: post) == possible, "assumed: \(post.title) \(post.text)")
        return !post.schoolSpecific
            && !matcher.filter.mayMention(
                MatchText.keyed(post.matchText), forms: matcher.forms, misspelt: matcher.misspelt)
    }

    @Test func theCorpusIsFoundAsByTheFullPass() async throws {
        let folders = ["corpus/train"].map { Paths.repositoryRoot + "/" + $0 }
        var posts: [Post] = []
        for folder in folders {
            for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".jsonl") {
                let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
                for line in text.split(separator: "\n") {
                    posts.append(try JSONDecoder().decode(MatchInputLine.self, from: Data(line.utf8)).post)
                }
            }
        }
        #expect(posts.count > 9_000)
        var skipped = 0
        for (number, post) in posts.enumerated() {
            if check(post) { skipped += 1 }
            // A long synchronous loop holds a thread of the shared test pool; let timed tests run.
            if number % 200 == 0 { await Task.yield() }
        }
        // Skipping none would make this no test of the check.
        #expect(skipped > posts.count / 10, "skipped \(skipped) of \(posts.count)")
    }

    @Test(arguments: [
        "Verbeeck zei dat", "ik en Verbeeck", "meneer Verbeeck", "Marieke Verbeeck", "kankerjuf Marieke",
        "invaljuf Marieke is er", "#JufMarieke", "@JufMarieke_zeehoek", "OOSTERHUISISEENDIKKEKUTBOER",
        "meesterpieterisdedomste",
        "Z e e h o e k", "Z.e.e.h.o.e.k", "wat een kutschool", "mldr is stom", "jf mrk", "les van Mulder",
        "Mulder", "Mulder Transport", "wethouder Mulder", "De Zeehoek 14", "het MT van De Zeehoek",
        "de gymleraar daar", "n00rdh0ek", "juffff Marieke", "Jan de Vries van De Zeehoek", "Jan de Vries",
        "mаrieke", "ju\u{200B}f Marieke", "DJ Mulder", "m@rieke", "info@zeehoek-pro.nl", "",
        // Possible mentions only: a group, a role, a first name or misspelt surname alone.
        "die leraren zijn dom", "iedereen die daar werkt", "de directrice weer", "Marieke zei", "Hoekstar zei",
        "het mt", "de juf", "Oosterhuisss", "kankerjuf",
    ])
    func postsOnTheEdgesAreFoundAsByTheFullPass(_ text: String) {
        check(Post(id: "t", text: text))
        check(Post(id: "t", title: text, text: "gisteren"))
        check(Post(id: "t", author: "@djmulder@social.example", text: text))
        check(Post(id: "t", text: text, schoolSpecific: true))
    }

    @Test func aPostNamingNoOneSkipsTheFullPass() {
        #expect(check(Post(id: "t", text: "Pfff maandag weer, echt koffie nodig")))
        #expect(!check(Post(id: "t", text: "juf Marieke was er niet")))
        func assumed(_ text: String) -> MentionFilter.Possible {
            matcher.filter.mayMentionAssumingSchool(
                MatchText.keyed(text), forms: matcher.forms, misspelt: matcher.misspelt)
        }
        #expect(assumed("Pfff maandag weer, echt koffie nodig op kantoor") == .nothing)
        #expect(assumed("de docenten zijn trots") == .groupsOrRoles)
        #expect(assumed("die school is kut") == .groupsOrRoles)  // the school itself, not named
        #expect(assumed("Hoekstar zei het") == .anything)
        #expect(assumed("de docenten van juf Marieke") == .anything)
    }

    /// The trie keeps each edge's word with its length: also past 65,535 bytes.
    @Test func formsOfAnyLengthAreFound() {
        let letters = Array("abcdefghij")
        for length in [1, 300, 65_534, 65_535, 70_000] {
            let word = String((0..<length).map { letters[$0 % 10] })
            let trie = PatternTrie([
                NamePattern(entity: "x", words: [word], rule: .name, needsContext: false, vetoable: true),
                NamePattern(entity: "y", words: [word, "b"], rule: .name, needsContext: false, vetoable: true),
            ])
            #expect(trie.oneWordFormIndices(word).map { trie.pattern(Int32($0)).entity } == ["x"], "\(length)")
            #expect(trie.oneWordFormIndices(word + "a").isEmpty)
            var found: [String] = []
            let hashes = [WordHash.of(word), WordHash.of("b")]
            let first = trie.firstWordNode(word, hash: hashes[0])
            trie.forEachFormRange(in: [word, "b"], hashes: hashes, at: 0, firstNode: first) { range, _ in
                found += range.map { trie.pattern(Int32($0)).entity }
            }
            #expect(found == ["x", "y"])
        }
    }
}
