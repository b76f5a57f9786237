import FeedKit
import Foundation
import Logging
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionFetch
@testable import MentionStore

/// Feeds are parsed and judged off the database's actor, several at once (`PollBatch`). A post
/// flagged in another feed while a batch was being judged must still make its copy `forwarding`.
struct PollBatchTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func rss(_ id: String, author: String, text: String) -> FetchResult {
        let body = """
            <rss version="2.0"><channel><title>t</title><item><guid>\(id)</guid>\
            <author>\(author)</author><description>\(text)</description></item></channel></rss>
            """
        return FetchResult(
            outcome: .success(
                .fetched(
                    FetchedBody(
                        body: Array(body.utf8), status: 200, contentType: "application/rss+xml", etag: nil,
                        lastModified: nil, effectiveURL: "http://127.0.0.1/\(id)"))), status: 200)
    }

    @Test func aCopyJudgedBeforeItsOriginalWasStoredIsJudgedAgain() throws {
        let folder = Paths.temporaryFolder("pollbatch")
        let config = try ConfigParser.parse(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds:
              - { id: a, url: "http://127.0.0.1/a", allow_private: true, kind: forum }
              - { id: b, url: "http://127.0.0.1/b", allow_private: true, kind: mastodon }
            classification: { model: "off" }
            storage: { database: mw.sqlite }
            """, file: "test.yaml", baseDirectory: folder)
        let store = try Store(path: config.storage.database)
        try store.register(config.feeds)
        let pipeline = try PollPipeline(
            config: config, store: store, errors: DatabaseErrors(logger: PipelineTests.quiet),
            logger: PipelineTests.quiet)
        guard case .fetch(let attemptA) = pipeline.begin(config.feeds[0], at: Self.now),
            case .fetch(let attemptB) = pipeline.begin(config.feeds[1], at: Self.now)
        else {
            Issue.record("a feed was not polled")
            return
        }
        let text = "juf Marieke van De Zeehoek is een kankerwijf en dat weet iedereen"
        let original = Self.rss("1", author: "a@example.org", text: text)
        let copy = Self.rss("2", author: "b@example.org", text: text)
        func prepared(_ result: FetchResult, _ feed: FeedConfig) throws -> PollPipeline.Prepared {
            guard case .success(.fetched(let response)) = result.outcome else { throw CancellationError() }
            var prepared = pipeline.prepare(PollBatch.parse(response), of: feed)
            prepared.judged = try #require(prepared.batch).judge()
            return prepared
        }

        // The copy is judged first, while the original is not known yet ...
        let copyJudged = try prepared(copy, config.feeds[1])
        #expect(copyJudged.judged.first?.assessment.categories.map(\.category) == [.insult])
        #expect(pipeline.rejudging(copyJudged) == nil, "nothing was flagged meanwhile")
        // ... the original is judged and stored, and then the copy is stored.
        _ = pipeline.finish(attemptA, original, prepared: try prepared(original, config.feeds[0]), at: Self.now)
        // The daemon judges it again off the actor (`Monitor.poll`): with the original remembered.
        let again = try #require(pipeline.rejudging(copyJudged))
        #expect(again.judge().first?.assessment.categories.map(\.category) == [.insult, .forwarding])
        var rejudged = copyJudged
        (rejudged.batch, rejudged.judged) = (again, again.judge())
        #expect(pipeline.rejudging(rejudged) == nil, "judged with what is flagged now")
        // Stored as judged before (finish judges it again itself).
        let summary = pipeline.finish(attemptB, copy, prepared: copyJudged, at: Self.now)
        #expect(summary.newItems == 1 && summary.flagged == 1)
        let stored = try store.db.query(
            "SELECT f.category FROM findings f JOIN items i ON i.id = f.item_id WHERE i.feed_id = 'b' ORDER BY f.category"
        )
        #expect(try stored.map { try $0["category"].string } == ["forwarding", "insult"])
    }
}
