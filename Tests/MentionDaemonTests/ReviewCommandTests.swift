import Foundation
import MentionClassify
import TestSupport
import Testing

/// `mentionwatch review` and the review tier from a poll to the MT's mail, with the real binary, a
/// real SQLite file and a model trained here that doubts every post naming someone.
struct ReviewCommandTests {
    /// A small model; with thresholds 0.99 and 0.01 every linked post it does not alarm on is "te beoordelen".
    static func writeModel(to path: String) throws {
        try Data(model().fileBytes()).write(to: URL(fileURLWithPath: path))
    }

    static func model() -> LinearModel {
        let examples = [
            ("die juf is waardeloos en dom", Set<ProtocolCategory>([.insult])),
            ("wat een sukkel is die meester", [.insult]),
            ("ik maak je af na school", [.threat]),
            ("open dag op school zaterdag", []),
            ("de sportdag was gezellig", []),
            ("nieuwe gymzaal geopend", []),
        ].map { ModelTraining.Example(words: $0.0.split(separator: " ").map(String.init), categories: $0.1) }
        var training = ModelTraining()
        training.buckets = 1 << 12
        return training.train(examples)
    }

    /// The demo's forum feed (3 posts with mentions, 1 alert by the rules), a Maildir, and `classification`.
    static func setUp(classification: String) throws -> (folder: String, config: String) {
        let folder = Paths.temporaryFolder("cli-review")
        try Data(
            contentsOf: URL(fileURLWithPath: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/forum-westerveen.xml")
        ).write(to: URL(fileURLWithPath: folder + "/forum.xml"))
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-08, name: Pieter Oosterhuis }]
            feeds: [{ id: forum, url: "file://\(folder)/forum.xml" }]
            alerts: { spool: "maildir:maildir" }
            storage: { database: mw.sqlite }
            classification: \(classification)
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        return (folder, config)
    }

    static func mails(in folder: String) -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: folder + "/maildir/new").count) ?? 0
    }

    @Test func aReviewItemIsListedPromotedOnceAndMailedOnce() throws {
        let folder = Paths.temporaryFolder("cli-review-model")
        try Self.writeModel(to: folder + "/model.mwm")
        let (spool, config) = try Self.setUp(
            classification: "{ model: \"\(folder)/model.mwm\", alert_threshold: 0.99, review_threshold: 0.01 }")
        let run = { (arguments: [String], environment: [String: String]) in
            try CommandLineTests.mentionwatch(arguments + ["--config", config], environment: environment)
        }
        let poll = try run(["poll", "--once", "--all"], [:])
        #expect(poll.status == 0, "\(poll.stderr)")
        #expect(poll.stdout == "forum: 4 new, 3 with mentions, 1 flagged\nalerts: 1 delivered\n")
        #expect(Self.mails(in: spool) == 1)

        let list = try run(["review", "--list"], [:])
        #expect(list.status == 0, "\(list.stderr)")
        let open = list.stdout.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(open.count == 2)
        let id = try #require(open.first?.first.map(String.init))
        #expect(id.hasPrefix("MW-"))
        #expect(open.allSatisfy { $0.count == 6 && $0[2] == "forum" })

        let digest = try run(["digest"], [:])
        #expect(
            digest.stdout.contains("Te beoordelen (het model twijfelt; niet gemeld aan het MT):\n  * [\(id)] kans "))
        #expect(digest.stdout.contains("    melden aan het MT: mentionwatch review \(id) --alert --by NAAM\n"))

        // Who decides is required: from --by or MENTIONWATCH_BY.
        let nobody = try run(["review", id, "--alert"], [:])
        #expect(nobody.status == 64)
        #expect(nobody.stderr == "mentionwatch: say who decides: --by NAME (or set MENTIONWATCH_BY)\n")
        let promoted = try run(["review", id, "--alert", "--note", "toch gericht"], ["MENTIONWATCH_BY": "Coördinator"])
        #expect(promoted.status == 0, "\(promoted.stderr)")
        #expect(promoted.stdout.hasPrefix("\(id) promoted by Coördinator: "))

        let again = try run(["review", id, "--dismiss", "--by", "Iemand"], [:])
        #expect(again.status == 65)
        #expect(again.stderr.hasPrefix("mentionwatch: \(id) was already decided by Coördinator at 20"))
        #expect(again.stderr.hasSuffix(": promoted to an alert\n"))
        #expect(try run(["review", id, "--alert", "--by", "Iemand"], [:]).status == 65)

        // The promoted item goes out with the next round, once.
        #expect(try run(["poll", "--once"], [:]).stdout.hasSuffix("alerts: 1 delivered\n"))
        #expect(Self.mails(in: spool) == 2)
        #expect(try run(["poll", "--once"], [:]).stdout.hasSuffix("alerts: 0 delivered\n"))
        #expect(Self.mails(in: spool) == 2)

        let other = try #require(open.last?.first.map(String.init))
        let dismissed = try run(["review", other, "--dismiss", "--by", "Coördinator"], [:])
        #expect(dismissed.stdout == "\(other) dismissed by Coördinator\n")
        #expect(try run(["review", "--list"], [:]).stdout == "no items to review\n")
        #expect(!(try run(["digest"], [:]).stdout.contains("Te beoordelen")))
        #expect(try run(["poll", "--once"], [:]).stdout.hasSuffix("alerts: 0 delivered\n"))
    }

    @Test func unknownItemsAndBadUsageAreRefused() throws {
        let (_, config) = try Self.setUp(classification: "{ model: \"off\" }")
        let unknown = try CommandLineTests.mentionwatch([
            "review", "MW-999999", "--dismiss", "--by", "A", "--config", config,
        ])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.hasPrefix("mentionwatch: no item MW-999999 to review"))
        for arguments in [
            ["review"], ["review", "MW-1", "--alert", "--dismiss", "--by", "A"], ["review", "MW-1", "--by", "A"],
            ["review", "--list", "MW-1"],
        ] {
            #expect(try CommandLineTests.mentionwatch(arguments + ["--config", config]).status == 64, "\(arguments)")
        }
        let list = try CommandLineTests.mentionwatch(["review", "--list", "--config", config])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout == "no items to review\n")
    }

    @Test func matchShowsTheTierAndWhatTheModelSaid() throws {
        let folder = Paths.temporaryFolder("cli-review-match")
        try Self.writeModel(to: folder + "/model.mwm")
        let post = #"{"id":"1","source":"forum","author":"a","text":"meneer Oosterhuis van De Zeehoek is een sukkel"}"#
        let withModel = try Self.setUp(
            classification: "{ model: \"\(folder)/model.mwm\", alert_threshold: 0.99, review_threshold: 0.01 }")
        let outcome = try CommandLineTests.mentionwatch(["match", "--config", withModel.config], stdin: post + "\n")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let line = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(["alert", "review"].contains(line["tier"] as? String))
        let model = try #require(line["model"] as? [String: Any])
        let any = try #require(model["any"] as? Double)
        #expect((0...1).contains(any))
        #expect((model["categories"] as? [String: Double])?.count == ProtocolCategory.allCases.count)
        #expect(model["words"] is [String])

        let rulesOnly = try Self.setUp(classification: "{ model: \"off\" }")
        let plain = try CommandLineTests.mentionwatch(["match", "--config", rulesOnly.config], stdin: post + "\n")
        let rules = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        #expect(rules["tier"] as? String == ((rules["alert"] as? Bool) == true ? "alert" : "none"))
        #expect(rules["model"] == nil)
    }
}
