import FeedKit
import Foundation
import MentionMatch
import MentionRender
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionStore

/// The review tier on a real SQLite file: stored with its tier, score and words and evidence, never in
/// the outbox, listed until decided, promoted into the outbox exactly once.
@Suite("Store: review items")
struct ReviewStoreTests {
    /// What the classifier gives a post the model suspects but is not sure of: a low finding, no track.
    static let review = Assessment(
        mentions: [Fixture.mention("staff-03", "meneer El Amrani", at: 0, rule: .honorific)],
        categories: [
            CategoryFinding(
                category: .insult, severity: .low, evidence: ["waardeloos", "nep"], spans: [nil, nil],
                explanation:
                    "alleen het model (kans 62 %; woorden die het zwaarst wogen: 'waardeloos', 'nep'), gericht aan meneer El Amrani"
                    + "; te beoordelen, geen melding aan het MT; welke categorie is onzeker"
            )
        ],
        track: .none, alert: false, tier: .review,
        model: LinearModel.Scores(categories: [.insult: 0.62], any: 0.64, words: ["waardeloos", "nep"]),
        modelStrength: 0.64, linked: true)

    static func storeWithReview() throws -> (store: Store, itemID: Int64) {
        let store = try Fixture.store().store
        let item = Fixture.item("r1", title: "Les van vandaag", text: "meneer El Amrani is waardeloos, echt nep")
        let itemID = try #require(try store.insert(Fixture.new(item, review)))
        return (store, itemID)
    }

    @Test func aReviewItemIsStoredWithItsTierScoreWordsAndEvidenceButNoAlert() throws {
        let (store, itemID) = try Self.storeWithReview()
        #expect(
            try store.row("SELECT tier, flagged FROM items WHERE id = ?", [.integer(itemID)]) == [
                .text("review"), .integer(0),
            ])
        #expect(
            try store.row("SELECT score, words, track, decision FROM reviews WHERE item_id = ?", [.integer(itemID)])
                == [
                    .real(0.64), .text(#"["waardeloos","nep"]"#), .text("B"), .null,
                ])
        #expect(try store.count("evidence", itemID: itemID) == 1)
        #expect(try store.count("alerts", itemID: itemID) == 0)
        #expect(try store.pendingAlerts().isEmpty)
        // Its evidence is no flagged post: it is not remembered for forwarding.
        #expect(try store.recentFlaggedPosts(limit: 10).isEmpty)

        let alertID = try #require(
            try store.insert(Fixture.new(Fixture.item("a1", title: "Juf Marieke", text: "trut"), Fixture.flagged)))
        let neutralID = try #require(
            try store.insert(Fixture.new(Fixture.item("n1", title: "Open dag", text: "De Zeehoek"), Fixture.neutral)))
        #expect(try store.row("SELECT tier FROM items WHERE id = ?", [.integer(alertID)]) == [.text("alert")])
        #expect(try store.row("SELECT tier FROM items WHERE id = ?", [.integer(neutralID)]) == [.text("none")])
        #expect(try store.count("evidence", itemID: neutralID) == 0)
        #expect(try store.count("reviews", itemID: alertID) == 0)
    }

    @Test func openReviewsAndTheDigestListTheItemUntilDecided() throws {
        let (store, itemID) = try Self.storeWithReview()
        let open = try store.openReviews()
        #expect(open.map(\.id) == [caseNumber(itemID: itemID)])
        #expect(open.first?.score == 0.64)
        #expect(open.first?.words == ["waardeloos", "nep"])
        #expect(open.first?.entities == ["staff-03"])
        #expect(open.first?.text == "meneer El Amrani is waardeloos, echt nep")

        let from = Fixture.day.addingTimeInterval(-60)
        let to = Fixture.day.addingTimeInterval(60)
        let digest = try store.digestInput(day: "2026-05-28", from: from, to: to)
        #expect(digest.reviews.map(\.id) == ["MW-" + String(format: "%06d", itemID)])
        #expect(digest.reviews.first?.time == Fixture.day.addingTimeInterval(-3_600))  // published
        #expect(digest.entries.map(\.awaitingReview) == [true])
        // Another period does not list it.
        #expect(try store.digestInput(day: "x", from: to, to: to.addingTimeInterval(60)).reviews.isEmpty)

        try store.decide(caseNumber(itemID: itemID), ReviewDecision(.dismissed, by: "Coördinator", at: to))
        #expect(try store.openReviews().isEmpty)
        let after = try store.digestInput(day: "2026-05-28", from: from, to: to)
        #expect(after.reviews.isEmpty)
        #expect(after.entries.map(\.awaitingReview) == [false])
    }

    @Test func promotingPutsTheItemInTheOutboxOnce() throws {
        let (store, itemID) = try Self.storeWithReview()
        let at = Fixture.day.addingTimeInterval(600)
        let decided = try store.decide(
            String(itemID), ReviewDecision(.promoted, by: "A. de Vries", at: at, note: "wel gericht aan hem"))
        #expect(decided.decision?.verdict == .promoted)
        #expect(
            try store.row(
                "SELECT decision, decided_by, decided_at, note FROM reviews WHERE item_id = ?", [.integer(itemID)])
                == [.text("promoted"), .text("A. de Vries"), .integer(at.unixSeconds), .text("wel gericht aan hem")])
        #expect(try store.row("SELECT flagged FROM items WHERE id = ?", [.integer(itemID)]) == [.integer(1)])
        let pending = try store.pendingAlerts().map { try $0.get() }
        #expect(pending.map(\.itemID) == [itemID])
        #expect(pending.first?.content.assessment.track == .b)
        #expect(pending.first?.content.caseNumber == caseNumber(itemID: itemID))
        #expect(
            pending.first?.content.promotion
                == AlertContent.Promotion(by: "A. de Vries", at: at, note: "wel gericht aan hem"))
        // The model's finding, kept low for review, now weighs as an alert's and says who judged it.
        let finding = try #require(pending.first?.content.assessment.categories.first)
        #expect(finding.severity == .medium)
        #expect(!finding.explanation.contains("te beoordelen") && !finding.explanation.contains("onzeker"))
        #expect(finding.explanation.hasSuffix("; als melding beoordeeld door A. de Vries"))

        // A second decision, either way, is refused and names the first.
        for verdict in [ReviewDecision.Verdict.promoted, .dismissed] {
            #expect(throws: ReviewError.alreadyDecided(id: caseNumber(itemID: itemID), decided.decision!)) {
                try store.decide(caseNumber(itemID: itemID), ReviewDecision(verdict, by: "B", at: at))
            }
        }
        #expect(try store.count("alerts", itemID: itemID) == 1)
        try store.markAlertSent(itemID: itemID, at: at)
        #expect(try store.pendingAlerts().isEmpty)
    }

    @Test func unknownItemsAndAlertsAreNoReviewItems() throws {
        let (store, _) = try Self.storeWithReview()
        let alertID = try #require(
            try store.insert(Fixture.new(Fixture.item("a1", title: "Juf Marieke", text: "trut"), Fixture.flagged)))
        for id in ["MW-999999", caseNumber(itemID: alertID), "niets", "0"] {
            #expect(throws: ReviewError.unknownItem(id)) {
                try store.decide(id, ReviewDecision(.promoted, by: "A", at: Fixture.day))
            }
        }
        #expect(try store.count("alerts", itemID: alertID) == 1)
        #expect(ReviewError.unknownItem("MW-000009").description.hasPrefix("no item MW-000009 to review"))
    }

    @Test func retentionKeepsOpenReviewItemsAndPurgesDismissedOnesWithTheirEvidence() throws {
        let store = try Fixture.store().store
        let old = Fixture.day.addingTimeInterval(-40 * 86_400)
        let openID = try #require(
            try store.insert(Fixture.new(Fixture.item("r1", title: "a", text: "waardeloos"), Self.review, at: old)))
        let dismissedID = try #require(
            try store.insert(Fixture.new(Fixture.item("r2", title: "b", text: "nep"), Self.review, at: old)))
        try store.decide(String(dismissedID), ReviewDecision(.dismissed, by: "A", at: Fixture.day))

        #expect(try store.purgeUnflagged(before: Fixture.day) == 1)
        #expect(try store.row("SELECT title FROM items WHERE id = ?", [.integer(openID)]) == [.text("a")])
        #expect(try store.count("evidence", itemID: openID) == 1)
        #expect(try store.openReviews().map(\.itemID) == [openID])
        #expect(
            try store.row("SELECT title, mentioned FROM items WHERE id = ?", [.integer(dismissedID)]) == [
                .null, .integer(0),
            ])
        #expect(try store.count("evidence", itemID: dismissedID) == 0)
        #expect(try store.count("findings", itemID: dismissedID) == 0)
    }

    @Test func aDatabaseOfVersionThreeGainsTheReviewTable() throws {
        let path = try MigrationTests.versionTwoDatabase(findings: [("insult", "trut", "")])
        let store = try Store(path: path)
        #expect(try store.schemaVersion == Migrations.all.count)
        // Items from before have no tier: flagged = 1 was an alert, the rest nothing.
        #expect(try store.row("SELECT tier FROM items WHERE id = 1") == [.null])
        #expect(try store.openReviews().isEmpty)
    }
}
