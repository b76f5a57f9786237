import Foundation
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch
@testable import MentionRender
@testable import MentionSchedule

struct AlertMailTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Golden/alert-threat.eml"
    ).path

    static func content(
        title: String = "klap", link: String = "https://social.example/@skrrt_boy/1", text: String? = nil
    ) -> AlertContent {
        let post = Post(
            id: "d010", title: title, text: text ?? "die El Amrani van de zeehoek moet je echt ff een klap geven")
        let assessment = Classifier(config: WorldFixture.config).assess(post)
        return AlertContent(
            caseNumber: "MW-000042", itemKey: SHA256.hex(Array("id:https://social.example/@skrrt_boy/1".utf8)),
            feedID: "mastodon-dezeehoek", feedTitle: "#dezeehoek", title: title, link: link,
            author: "@skrrt_boy@social.example", published: Date(timeIntervalSince1970: 1_795_000_000),
            fetchedAt: Date(timeIntervalSince1970: 1_795_000_600), text: post.text, assessment: assessment,
            evidenceSHA256: String(repeating: "ab", count: 32))
    }

    /// The rendered mail is compared byte for byte with a reviewed golden file.
    /// After an intended change: UPDATE_GOLDEN=1 swift test --filter AlertMailTests, then review the diff.
    @Test func rendersLikeTheGoldenFile() throws {
        let rendered = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            Self.content(), date: Date(timeIntervalSince1970: 1_795_000_660))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: Self.golden))
        }
        let expected = try String(contentsOfFile: Self.golden, encoding: .utf8)
        #expect(rendered == expected)
    }

    /// A critical alert with `alerts.subject: category-only`, by the school's own account: the priority
    /// headers, the subject without names and the author's wording, byte for byte (same update as above).
    @Test func aCriticalNamelessAlertRendersLikeItsGoldenFile() throws {
        var config = WorldFixture.config
        config.alerts.subject = .categoryOnly
        var content = Self.content(
            title: "die El Amrani van de zeehoek ga ik…",
            text: "die El Amrani van de zeehoek ga ik echt in elkaar slaan na school, let maar op")
        let post = Post(id: "d011", author: "@prozeehoek", title: content.title ?? "", text: content.text)
        content.author = "@prozeehoek"
        content.assessment = Classifier(config: config).assess(post)
        try #require(content.assessment.severity == .critical)
        let rendered = AlertMail(config: config, timeZone: Self.amsterdam).render(
            content, date: Date(timeIntervalSince1970: 1_795_011_000))
        let golden = Self.golden.replacingOccurrences(of: "alert-threat.eml", with: "alert-critical-nameless.eml")
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: golden))
        }
        #expect(rendered == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test func theMessageIDFollowsTheItemNotTheCaseNumber() {
        let mail = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam)
        var renumbered = Self.content()
        renumbered.caseNumber = "MW-000001"  // e.g. after the database was recreated
        #expect(mail.messageID(for: renumbered) == mail.messageID(for: Self.content()))
        var otherItem = Self.content()
        otherItem.itemKey = SHA256.hex(Array("id:other".utf8))
        #expect(mail.messageID(for: otherItem) != mail.messageID(for: Self.content()))
        #expect(mail.messageID(for: otherItem).hasSuffix("@zeehoek-pro.example>"))
    }

    @Test func subjectNamesCategoryPeopleAndCase() {
        let subject = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).subject(Self.content())
        #expect(
            subject
                == "[mentionwatch] Hoog: Bedreigen – Youssef El Amrani (docent lichamelijke opvoeding), Praktijkschool De Zeehoek (MW-000042)"
        )
    }

    @Test func encodedWordsAreShortAndDecodeBack() throws {
        let value = "Melding: bedreiging – juf Marieke Verbeek-Smit – Praktijkschool De Zeehoek – ërg lang onderwerp ✓"
        let encoded = MIME.encodedHeader(value)
        let words = encoded.components(separatedBy: "\r\n ")
        #expect(words.count > 1)
        var decoded = Data()
        for word in words {
            #expect(word.count <= 75)
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="))
            decoded += try #require(Data(base64Encoded: String(word.dropFirst(10).dropLast(2))))
        }
        #expect(String(decoding: decoded, as: UTF8.self) == value)
        #expect(MIME.encodedHeader("plain ascii") == "plain ascii")
    }

    @Test func feedTextCannotInjectHeadersOrMarkup() {
        let hostile = Self.content(
            title: "x\r\nBcc: victim@example.org", link: "javascript:alert(1)",
            text: "juf Marieke kankerwijf <script>alert(1)</script>")
        let rendered = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            hostile, date: Date(timeIntervalSince1970: 0))
        let headerBlock = rendered.components(separatedBy: "\r\n\r\n")[0]
        #expect(!headerBlock.contains("Bcc"))
        let html = Self.decodedPart(rendered, "text/html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;"))
        #expect(!html.contains("href=\"javascript:"))
        #expect(MIME.headerSafe("a\r\nb\u{0}c") == "a  b c")
    }

    /// A post promoted from the review tier says who judged it, when and why, in text and HTML.
    @Test func aPromotedAlertNamesWhoPromotedIt() {
        var content = Self.content()
        content.promotion = AlertContent.Promotion(
            by: "A. de Vries", at: Date(timeIntervalSince1970: 1_795_003_600), note: "toch gericht aan\nhem")
        let rendered = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            content, date: Date(timeIntervalSince1970: 0))
        let line =
            "Beoordeeld: door A. de Vries op 18 november 2026, 13:06 als melding voor het MT (het model alleen was niet zeker genoeg): toch gericht aan hem\n"
        #expect(Self.decodedPart(rendered, "text/plain").contains(line))
        #expect(Self.decodedPart(rendered, "text/html").contains("<th align=\"left\">Beoordeeld</th>"))
        let plain = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            Self.content(), date: Date(timeIntervalSince1970: 0))
        #expect(!Self.decodedPart(plain, "text/plain").contains("Beoordeeld"))
    }

    /// Decodes one base64 part of a rendered message (the mail tests read messages with a real parser).
    static func decodedPart(_ message: String, _ type: String) -> String {
        guard
            let start = message.range(
                of: "Content-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
        else { return "" }
        let body = message[start.upperBound...].prefix { $0 != "-" }
        return String(
            decoding: Data(base64Encoded: body.replacingOccurrences(of: "\r\n", with: "")) ?? Data(), as: UTF8.self)
    }
}
