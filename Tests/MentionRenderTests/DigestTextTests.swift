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
        #expect(
            text.contains(
                "Overige vermeldingen, per persoon:\n  Praktijkschool De Zeehoek (1):\n    * \"Open dag\" – news\n"))
        #expect(text.contains("  news           2             1           0  fout: HTTP 404"))
        #expect(text.contains("  quiet          0             0           0  ok; stil: niets nieuws sinds 2026-09-21"))
    }
}

/// The digest tells the truth about cases and delivery (issue 14): open cases first, with their age and
/// who took them; an alert the spool did not accept is never listed as "gemeld aan het MT".
struct DigestCasesTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

    static var input: DigestInput {
        var waiting = DigestInput.Entry(
            feedID: "forum", title: "dreiging", link: nil, entities: ["staff-08"],
            categories: [CategoryFinding(category: .threat, severity: .high, evidence: ["ik maak je af"])],
            flagged: true, caseNumber: "MW-000004")
        waiting.delivered = false
        return DigestInput(
            day: "2026-11-18",
            entries: [
                .init(
                    feedID: "forum", title: "worst teacher", link: nil, entities: ["staff-08"],
                    categories: [CategoryFinding(category: .insult, severity: .medium, evidence: ["idiot"])],
                    flagged: true, caseNumber: "MW-000003"),
                waiting,
            ],
            feeds: [.init(feedID: "forum", items: 2, mentions: 2, flagged: 2, lastError: nil)],
            openCases: [
                .init(
                    number: "MW-000004", state: "nieuw", takenBy: nil, openedAt: now.addingTimeInterval(-3_600),
                    entities: ["staff-08"], title: "dreiging"),
                .init(
                    number: "MW-000001", state: "in behandeling", takenBy: "Sanne Hoekstra",
                    openedAt: now.addingTimeInterval(-3 * 86_400 - 60), entities: ["school"], title: nil),
            ],
            undelivered: [
                .init(
                    number: "MW-000004", title: "dreiging", since: now.addingTimeInterval(-3_600), attempts: 3,
                    lastError: "maildir: Permission denied")
            ],
            now: now)
    }

    @Test func openCasesComeFirstWithAgeAndWhoTookThem() throws {
        let text = DigestText(config: WorldFixture.config).render(Self.input)
        let open = try #require(text.range(of: "Open zaken (2):\n"))
        #expect(open.lowerBound < (text.range(of: "Gemarkeerd (gemeld aan het MT):")?.lowerBound ?? text.startIndex))
        #expect(
            text.contains(
                "  * [MW-000001] in behandeling door Sanne Hoekstra, 3 dagen open – Praktijkschool De Zeehoek\n    (zonder titel)\n  * [MW-000004] nieuw, vandaag geopend – Pieter Oosterhuis\n"
            ))
    }

    @Test func anUndeliveredAlertIsNeverCalledReported() throws {
        let text = DigestText(config: WorldFixture.config).render(Self.input)
        let reported = try #require(text.range(of: "Gemarkeerd (gemeld aan het MT):\n"))
        let waiting = try #require(
            text.range(of: "Nog niet bij het MT (niet gemeld; mentionwatch probeert het opnieuw):\n"))
        let reportedSection = text[reported.upperBound..<waiting.lowerBound]
        #expect(reportedSection.contains("[MW-000003]"))
        #expect(!reportedSection.contains("[MW-000004]"))
        #expect(
            text[waiting.upperBound...].hasPrefix(
                "  * [MW-000004] \"dreiging\"\n    wacht sinds vandaag, 3 pogingen; laatste fout: maildir: Permission denied\n"
            ))
    }
}
