import Foundation
import Logging
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionStore

/// An RSS feed that gives its text, author, date and link only as Atom elements (docs/feed-parser.md,
/// "Atom inside RSS"): what the poller matches and stores comes from them.
struct PipelineAtomInRSSTests {
    @Test func atomFieldsInsideRSSReachMatchingAndTheStore() async throws {
        let folder = Paths.temporaryFolder("pipeline-atom-in-rss")
        let feedPath = folder + "/feed.rss"
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0" xmlns:a="http://www.w3.org/2005/Atom"><channel><title>Forum Westerveen</title>
            <item><guid isPermaLink="false">forum-1</guid><title>Schoolprijs</title>
              <a:link href="https://forum.example/t/1"/>
              <a:published>2026-11-24T09:30:00Z</a:published>
              <a:author><a:name>buurtbewoner</a:name></a:author>
              <a:content type="html">&lt;p&gt;Juf Marieke van De Zeehoek heeft de schoolprijs gewonnen&lt;/p&gt;</a:content>
            </item>
            </channel></rss>
            """
        try Data(feed.utf8).write(to: URL(fileURLWithPath: feedPath))
        let config = try ConfigParser.parse(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds: [{ id: forum, url: "file://\(feedPath)", kind: forum }]
            alerts: { spool: "maildir:maildir" }
            storage: { database: mw.sqlite }
            """, file: "test.yaml", baseDirectory: folder)
        let monitor = try Monitor(config: config, logger: PipelineTests.quiet)
        let summaries = await monitor.pollAll()
        #expect(summaries.first?.newItems == 1)
        #expect(summaries.first?.mentions == 1)

        let store = try Store(path: folder + "/mw.sqlite")
        let row = try #require(
            try store.db.query("SELECT link, author, published_at, mentioned FROM items").first)
        #expect(try row["link"].string == "https://forum.example/t/1")
        #expect(try row["author"].string == "buurtbewoner")
        #expect(try row["published_at"].int == 1_795_512_600)
        #expect(try row["mentioned"].int == 1)
        let entities = try store.db.query("SELECT entity FROM mentions ORDER BY entity").map {
            try $0["entity"].string ?? ""
        }
        #expect(entities.contains("staff-01"))
    }
}
