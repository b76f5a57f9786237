import Foundation
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch
@testable import MentionRender
@testable import MentionSchedule

struct DigestTextTests {
    @Test func listsFlaggedFirstAndCountsPerFeed() {
        let input = DigestInput(
            day: "2026-11-25",
            entries: [
                .init(
                    feedID: "forum", title: "worst teacher", link: "https://forum.example/1", entities: ["staff-08"],
                    categories: [CategoryFinding(category: .insult, severity: .medium, evidence: ["idiot"])],
                    flagged: true, caseNumber: "MW-000003"),
                .init(
                    feedID: "news", title: "Open dag", link: nil, entities: ["school"], categories: [], flagged: false,
                    caseNumber: nil),
            ],
            feeds: [
                .init(feedID: "forum", items: 4, mentions: 1, flagged: 1, lastError: nil),
                .init(feedID: "news", items: 2, mentions: 1, flagged: 0, lastError: "HTTP 404"),
                .init(
                    feedID: "quiet", items: 0, mentions: 0, flagged: 0, lastError: nil,
                    silentSince: Date(timeIntervalSince1970: 1_790_000_000)),
            ])
        let text = DigestText(config: WorldFixture.config).render(input)
        #expect(text.hasPrefix("Dagoverzicht mentionwatch – Praktijkschool De Zeehoek – 2026-11-25\n"))
        #expect(text.contains("Nieuwe vermeldingen: 2, waarvan gemarkeerd: 1"))
        #expect(
            text.contains(
                "  * [MW-000003] Schelden of beledigen (middel) – Pieter Oosterhuis\n    \"worst teacher\" – forum\n    https://forum.example/1"
            ))
        #expect(text.contains("  * Praktijkschool De Zeehoek\n    \"Open dag\" – news"))
        #expect(text.contains("  news           2             1           0  fout: HTTP 404"))
        #expect(text.contains("  quiet          0             0           0  ok; stil: niets nieuws sinds 2026-09-21"))
    }
}
