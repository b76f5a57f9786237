import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionRender

/// The digest's "Te beoordelen" section: the review items of the period, each with the two commands.
struct DigestReviewTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/digest-review.txt"
    ).path

    static let plain = DigestInput(
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
        feeds: [.init(feedID: "forum", items: 4, mentions: 2, flagged: 1, lastError: nil)])

    static var withReviews: DigestInput {
        var input = plain
        var suspected = DigestInput.Entry(
            feedID: "forum", title: "les", link: "https://forum.example/2", entities: ["staff-03"],
            categories: [CategoryFinding(category: .insult, severity: .low, evidence: ["waardeloos"])],
            flagged: false, caseNumber: nil)
        suspected.awaitingReview = true
        input.entries.append(suspected)
        input.reviews = [
            DigestInput.Review(
                id: "MW-000007", feedID: "forum", author: "@boos\nX", time: Date(timeIntervalSince1970: 1_795_000_000),
                title: "les", text: "meneer El Amrani is\nwaardeloos, " + String(repeating: "echt ", count: 60),
                link: "https://forum.example/2", entities: ["staff-03"], score: 0.6349,
                words: ["waardeloos", "nep"]),
            DigestInput.Review(
                id: "MW-000009", feedID: "news", author: nil, time: Date(timeIntervalSince1970: 1_795_003_600),
                title: nil, text: "De Zeehoek kan er niks van", link: nil, entities: ["school"], score: 0.2,
                words: []),
        ]
        return input
    }

    /// After an intended change: UPDATE_GOLDEN=1 swift test --filter DigestReviewTests, then review the diff.
    @Test func rendersLikeTheGoldenFile() throws {
        let rendered = DigestText(config: WorldFixture.config).render(Self.withReviews)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: Self.golden))
        }
        #expect(rendered == (try String(contentsOfFile: Self.golden, encoding: .utf8)))
    }

    @Test func theSectionIsAllThatChanges() {
        let digest = DigestText(config: WorldFixture.config)
        let plain = digest.render(Self.plain)
        #expect(!plain.contains("Te beoordelen"))
        // Without the section (and the item it lists instead of among the other mentions), the text is the same
        // but for the count of new mentions.
        var lines = digest.render(Self.withReviews).components(separatedBy: "\n")
        let start = lines.firstIndex { $0.hasPrefix("Te beoordelen") }!
        let end = lines[start...].firstIndex(of: "")!
        lines.removeSubrange(start...end)
        let expected = plain.replacingOccurrences(
            of: "Nieuwe vermeldingen: 2,", with: "Nieuwe vermeldingen: 3,")
        #expect(lines.joined(separator: "\n") == expected)
    }

    @Test func longTextIsCutAtAWordOnOneLine() {
        let short = DigestText.shortened("Titel", "een\nregel")
        #expect(short == "Titel – een regel")
        let long = DigestText.shortened(nil, String(repeating: "woord ", count: 100))
        #expect(long.hasSuffix("woord …"))
        #expect(long.count <= DigestText.reviewTextLimit + 2)
    }
}
