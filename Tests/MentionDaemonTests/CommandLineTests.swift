import FeedKit
import Foundation
import TestSupport
import Testing

/// The built `mentionwatch` binary, run as an admin would.
struct CommandLineTests {
    /// The binary of this very build: it sits beside the test bundle, and the test target depends on
    /// the executable, so `swift test` rebuilds it first (never a stale `.build/debug` from another build).
    static let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("mentionwatch").path

    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// `environment`: the whole environment of the process (default: this one's).
    static func mentionwatch(_ arguments: [String], stdin: String = "", environment: [String: String]? = nil) throws
        -> Outcome
    {
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Missing() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        (process.standardOutput, process.standardError, process.standardInput) = (output, errors, input)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
            stderr: String(decoding: err, as: UTF8.self))
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { "\(CommandLineTests.binary) is missing beside the test bundle" }
    }

    static func writeConfig(_ yaml: String) throws -> String {
        let path = Paths.temporaryFolder("cli") + "/feeds.yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func checkReportsErrorsWithLineAndExits78() throws {
        let path = try Self.writeConfig(
            "school:\n  name: X\nfeeds:\n  - id: a\n    url: https://a.example/rss\n    interval: often\n")
        let outcome = try Self.mentionwatch(["check", "--config", path])
        #expect(outcome.status == 78)
        #expect(
            outcome.stderr
                == "\(path):6:15: feeds[0].interval: must be a duration like 90s, 15m, 2h or 180d, not 'often'\n")
    }

    @Test func checkPrintsWhatItWouldWatch() throws {
        let path = try Self.writeConfig(
            "school:\n  name: Praktijkschool De Zeehoek\nfeeds:\n  - id: a\n    url: https://a.example/rss\nstorage: { database: db/mw.sqlite }\nalerts: { spool: maildir:spool }\n"
        )
        let outcome = try Self.mentionwatch(["check", "--config", path])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("school: Praktijkschool De Zeehoek"))
        #expect(outcome.stdout.contains("  a: https://a.example/rss every 15m (news)"))
    }

    @Test func checkFetchTriesEveryFeedAndNamesTheFeedAnHTMLPageLinks() throws {
        let server = try FeedServer()
        try server.write(
            "school.html",
            """
            <!DOCTYPE html><html><head><title>De Zeehoek</title>
            <link rel="alternate" type="application/rss+xml" title="Nieuws" href="/feeds/news.xml">
            </head><body><p>Welkom</p></body></html>
            """)
        try server.write(
            "news.xml",
            "<rss version=\"2.0\"><channel><title>Nieuws</title><item><title>Open dag</title></item></channel></rss>")
        let path = try Self.writeConfig(
            """
            school:
              name: Praktijkschool De Zeehoek
            feeds:
              - { id: page, url: "\(server.feedURL("school.html"))", allow_private: true }
              - { id: news, url: "\(server.feedURL("news.xml"))", allow_private: true }
            storage: { database: db/mw.sqlite }
            alerts: { spool: maildir:spool }
            """)
        let outcome = try Self.mentionwatch(["check", "--fetch", "--config", path])
        #expect(outcome.status == 69, "\(outcome.stderr)")
        #expect(
            outcome.stdout.contains(
                "  page: error: not a feed (an HTML page); the page names its feed: \(server.feedURL("news.xml"))"))
        #expect(outcome.stdout.contains("    hint: set this feed's url to \(server.feedURL("news.xml"))"))
        #expect(outcome.stdout.contains("  news: ok: rss2.0, 1 items, utf-8"))
    }

    @Test func missingConfigFileIsAConfigError() throws {
        let outcome = try Self.mentionwatch(["check", "--config", "/nonexistent/feeds.yaml"])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.hasPrefix("/nonexistent/feeds.yaml: cannot read the configuration"))
    }

    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: the labelled posts are not there"))
    func matchFollowsTheJSONLinesContract() throws {
        let config = try Self.writeConfig(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], context: [school] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }, { id: staff-03, name: Youssef El Amrani }]
            feeds: [{ id: a, url: "https://a.example/rss" }]
            """)
        let posts = try String(contentsOfFile: Paths.shared + "/data/posts-dev.jsonl", encoding: .utf8)
            .split(separator: "\n").filter {
                $0.contains("\"d009\"") || $0.contains("\"d010\"") || $0.contains("\"d027\"")
            }
        let outcome = try Self.mentionwatch(["match", "--config", config], stdin: posts.joined(separator: "\n") + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(lines.count == 3)
        #expect(lines[0]?["id"] as? String == "d009")
        #expect(lines[0]?["alert"] as? Bool == true)
        #expect(lines[0]?["track"] as? String == "B")
        let mention = (lines[0]?["mentions"] as? [[String: Any]])?.first
        #expect(mention?["entity"] as? String == "staff-01")
        #expect(mention?["surface"] as? String == "juf marieke")
        #expect(mention?["start"] as? Int == 1)
        let entities = Set(((lines[1]?["mentions"] as? [[String: Any]]) ?? []).compactMap { $0["entity"] as? String })
        #expect(entities == ["school", "staff-03"])
        #expect((lines[2]?["mentions"] as? [Any])?.isEmpty == true)
        // Each category: its evidence with offsets into title + "\n" + text, and a Dutch explanation.
        let insult = (lines[0]?["categories"] as? [[String: Any]])?.first
        #expect(insult?["category"] as? String == "insult")
        #expect(insult?["evidence"] as? [String] == ["kankerwijf"])
        #expect(insult?["offsets"] as? [[Int]] == [[25, 35]])
        #expect(insult?["explanation"] as? String == "scheldwoord 'kankerwijf' gericht aan juf marieke")
    }

    /// A flagged post that comes back from another source in the same input is `forwarding`.
    @Test func matchRecognisesForwardedPosts() throws {
        let config = try Self.writeConfig(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds: [{ id: a, url: "https://a.example/rss" }]
            """)
        let text = "juf Marieke van De Zeehoek is een kankerwijf en dat weet iedereen"
        let input = [
            #"{"id":"1","source":"forum","author":"a","text":"\#(text)"}"#,
            #"{"id":"2","source":"mastodon","author":"b","text":"RT \#(text)"}"#,
        ]
        let outcome = try Self.mentionwatch(["match", "--config", config], stdin: input.joined(separator: "\n") + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let second =
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.split(separator: "\n")[1].utf8))
            as? [String: Any]
        let categories = (second?["categories"] as? [[String: Any]] ?? []).compactMap { $0["category"] as? String }
        #expect(categories == ["insult", "forwarding"])
    }

    @Test func matchNamesBadInputLines() throws {
        let config = try Self.writeConfig("school: { name: X }\nfeeds: [{ id: a, url: \"https://a.example/rss\" }]\n")
        let outcome = try Self.mentionwatch(
            ["match", "--config", config], stdin: "{\"id\": \"1\", \"text\": \"x\"}\nnot json\n{\"text\": \"no id\"}\n")
        #expect(outcome.status == 65)
        #expect(outcome.stdout.split(separator: "\n").count == 1)
        #expect(
            outcome.stderr == "stdin:2: not a post object: invalid JSON\nstdin:3: not a post object: missing \"id\"\n")
    }

    @Test func parsePrintsTheFeedAsJSON() throws {
        let outcome = try Self.mentionwatch([
            "parse", Paths.repositoryRoot + "/Sources/mentionwatch/Demo/forum-westerveen.xml", "--json",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "rss2.0")
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(items.count == 4)
        #expect(items.allSatisfy { $0["id"] is String && $0["text"] is String })
        #expect((items.first?["published"] as? String)?.hasSuffix("Z") == true)
    }

    @Test func parseRefusesAPageThatIsNotAFeed() throws {
        let path = Paths.temporaryFolder("cli") + "/page.html"
        try Data("<html><body>hoi</body></html>".utf8).write(to: URL(fileURLWithPath: path))
        let outcome = try Self.mentionwatch(["parse", path])
        #expect(outcome.status == 65)
        #expect(
            outcome.stderr
                == "mentionwatch: \(path): not a feed (the document is <html>, expected RSS, Atom or JSON Feed)\n")
    }

    @Test func pollOncePollsWhatIsDueAndSaysWhatIsNot() throws {
        let folder = Paths.temporaryFolder("cli")
        try Data(
            try Data(
                contentsOf: URL(
                    fileURLWithPath: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/forum-westerveen.xml"))
        )
        .write(to: URL(fileURLWithPath: folder + "/forum.xml"))
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-08, name: Pieter Oosterhuis }]
            feeds: [{ id: forum, url: "file://\(folder)/forum.xml" }]
            alerts: { spool: "maildir:maildir" }
            storage: { database: mw.sqlite }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        let first = try Self.mentionwatch(["poll", "--once", "--config", config])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == "forum: 4 new, 3 with mentions, 1 flagged\nalerts: 1 delivered\n")
        let second = try Self.mentionwatch(["poll", "--once", "--config", config])
        #expect(second.stdout.hasPrefix("forum: not due until "))
        let forced = try Self.mentionwatch(["poll", "--once", "--all", "--config", config])
        #expect(forced.stdout == "forum: 0 new, 0 with mentions, 0 flagged\nalerts: 0 delivered\n")
        let usage = try Self.mentionwatch(["poll", "--config", config])
        #expect(usage.status == 64)
        let status = try Self.mentionwatch(["feeds", "--config", config])
        #expect(
            status.stdout.hasPrefix("feed   last success          next poll             failures  state\nforum  20"))
        #expect(status.stdout.hasSuffix("  0         ok\n"))
    }
}
