import Foundation
import Logging
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionStore

/// The poll pipeline stores a post in the review tier with the track its alert would take.
struct PipelineReviewTests {
    @Test func aStaffAccountsReviewItemWouldTakeTheStaffTrack() async throws {
        let folder = Paths.temporaryFolder("pipeline-review")
        try Data(
            """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>urn:t</id><updated>2026-11-01T10:00:00Z</updated>
            <entry><id>urn:1</id><title>klas</title><updated>2026-11-01T10:00:00Z</updated><author><name>@pieter</name></author>
            <content>Vandaag op De Zeehoek een rustige les gehad met mijn klas.</content></entry>
            <entry><id>urn:2</id><title>les</title><updated>2026-11-01T10:00:00Z</updated><author><name>ouder</name></author>
            <content>meester Pieter Oosterhuis geeft vreemde lessen op De Zeehoek.</content></entry>
            </feed>
            """.utf8
        ).write(to: URL(fileURLWithPath: folder + "/feed.atom"))
        var config = try ConfigParser.parse(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            staff: [{ id: staff-08, name: Pieter Oosterhuis, handles: ["@pieter"] }]
            feeds: [{ id: forum, url: "file://\(folder)/feed.atom", kind: forum }]
            alerts: { spool: "maildir:maildir" }
            storage: { database: mw.sqlite }
            classification: { alert_threshold: 0.99, review_threshold: 0.01 }
            """, file: "test.yaml", baseDirectory: folder)
        config.classification.model = ReviewCommandTests.model()
        let monitor = try Monitor(config: config, logger: PipelineTests.quiet)
        let summaries = await monitor.pollAll()
        #expect(summaries.first?.newItems == 2)
        #expect(summaries.first?.flagged == 0)
        let store = try Store(path: folder + "/mw.sqlite")
        let tracks = try store.openReviews().map { item in
            (
                item.author ?? "",
                try store.db.query("SELECT track FROM reviews WHERE item_id = ?", [.integer(item.itemID)]).first?[
                    "track"
                ]
                .string
            )
        }
        #expect(tracks.map(\.0) == ["@pieter", "ouder"])
        #expect(tracks.map(\.1) == ["staff", "B"])
        #expect(await monitor.deliverAlerts().sent == 0)
    }
}
