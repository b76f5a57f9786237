import Foundation
import Logging
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionStore

/// A reply (RFC 4685 `thr:in-reply-to`) that abuses "die vrouw" is aimed at whom the post it replies
/// to names, whether that post came in the same poll or was stored before (docs/matching.md, "Replies").
struct PipelineThreadTests {
    static func entry(_ id: String, replyTo: String?, _ text: String) -> String {
        let thread = replyTo.map { "<thr:in-reply-to ref=\"\($0)\"/>" } ?? ""
        return """
            <entry><id>\(id)</id><title></title><updated>2026-11-01T10:00:00Z</updated>\(thread)
            <author><name>iemand</name></author><content>\(text)</content></entry>
            """
    }

    static func write(_ entries: [String], to path: String) throws {
        let feed = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0">
            <title>reacties</title><id>urn:t</id><updated>2026-11-01T10:00:00Z</updated>
            \(entries.joined(separator: "\n"))
            </feed>
            """
        try Data(feed.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test func aReplyIsAimedAtWhomItsThreadNames() async throws {
        let folder = Paths.temporaryFolder("pipeline-thread")
        let feedPath = folder + "/feed.atom"
        // The reply comes before its post in the document: posts are judged first.
        var entries = [
            Self.entry("urn:r1", replyTo: "urn:p1", "wat een trut is die vrouw"),
            Self.entry("urn:p1", replyTo: nil, "Juf Marieke van De Zeehoek heeft de schoolprijs gewonnen"),
            Self.entry("urn:r2", replyTo: "urn:p1", "gefeliciteerd, echt verdiend!"),
            Self.entry("urn:r3", replyTo: "urn:elders", "wat een trut is die vrouw, echt waar"),
        ]
        try Self.write(entries, to: feedPath)
        let config = try ConfigParser.parse(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-01, name: Marieke Verbeek-Smit }]
            feeds: [{ id: forum, url: "file://\(feedPath)", kind: forum }]
            alerts: { spool: "maildir:maildir" }
            storage: { database: mw.sqlite }
            """, file: "test.yaml", baseDirectory: folder)
        let monitor = try Monitor(config: config, logger: PipelineTests.quiet)
        var summaries = await monitor.pollAll()
        #expect(summaries.first?.newItems == 4)
        #expect(summaries.first?.flagged == 1)

        // A later reply to the stored post: its names come from the database.
        entries.append(Self.entry("urn:r4", replyTo: "urn:p1", "die vrouw is echt een trut"))
        try Self.write(entries, to: feedPath)
        summaries = await monitor.pollAll()
        #expect(summaries.first?.newItems == 1)
        #expect(summaries.first?.flagged == 1)

        let store = try Store(path: folder + "/mw.sqlite")
        let flagged = try store.db.query(
            """
            SELECT m.entity, m.rule, a.track FROM alerts a JOIN mentions m ON m.item_id = a.item_id ORDER BY a.item_id
            """
        ).map { (try $0["entity"].string ?? "", try $0["rule"].string ?? "", try $0["track"].string ?? "") }
        // Both alerts carry the thread's names (juf Marieke and the school), aimed at her: track B.
        #expect(flagged.map(\.0) == ["staff-01", "school", "staff-01", "school"])
        #expect(Set(flagged.map(\.1)) == ["thread"])
        #expect(Set(flagged.map(\.2)) == ["B"])
        // The friendly reply names nobody and is no mention.
        let mentioned = try store.db.query("SELECT count(*) AS n FROM items WHERE mentioned = 1").first?["n"].int
        #expect(mentioned == 3)  // the post and the two abusive replies
    }
}
