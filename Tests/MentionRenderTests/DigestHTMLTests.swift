import Foundation
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionRender

/// The digest's HTML part says what the text part says, in the same order, and no feed can inject
/// markup, scripts or links into the coordinator's mail (issue 14).
struct DigestHTMLTests {
    /// Every section at once: open cases, a delivered and an undelivered alert, reviews, other mentions of
    /// two people (one post about both), feed health, the 14-day chart, and hostile text from a feed.
    static var full: DigestInput {
        var input = DigestCasesTests.input
        input.reviews = DigestReviewTests.withReviews.reviews
        input.entries += [
            .init(
                feedID: "news", title: "Open dag <b>groot</b>", link: "https://news.example/1?a=1&b=2",
                entities: ["school"], categories: [], flagged: false, caseNumber: nil),
            .init(
                feedID: "forum", title: "<script>alert('x')</script>\"", link: "javascript:alert(1)",
                entities: ["staff-08", "school"], categories: [], flagged: false, caseNumber: nil),
        ]
        input.feeds.append(.init(feedID: "news", items: 3, mentions: 1, flagged: 0, lastError: "HTTP <404>"))
        input.history = (1...14).map {
            .init(day: String(format: "2026-11-%02d", $0 + 4), mentions: $0 % 5, alerts: $0 == 14 ? 2 : 0)
        }
        return input
    }

    static var text: DigestText { DigestText(config: WorldFixture.config) }
    static let html = DigestHTML(text: text).render(full)

    /// The headings of both parts, in order: the HTML may not reorder, drop or rename a section.
    @Test func saysTheSameThingsInTheSameOrder() throws {
        let plain = Self.text.render(Self.full)
        let headings = [
            "Open zaken (2)", "Gemarkeerd (gemeld aan het MT)",
            "Nog niet bij het MT (niet gemeld; mentionwatch probeert het opnieuw)",
            "Te beoordelen (het model twijfelt; niet gemeld aan het MT)", "Overige vermeldingen, per persoon",
            "Per bron", "Afgelopen 14 dagen",
        ]
        for (part, name) in [(plain, "text"), (Self.html, "html")] {
            let places = headings.map { part.range(of: $0)?.lowerBound }
            #expect(places.allSatisfy { $0 != nil }, "\(name) lacks a section")
            #expect(places.compactMap { $0 } == places.compactMap { $0 }.sorted(), "\(name) reorders the sections")
        }
        for same in [
            "[MW-000001]</b> in behandeling door Sanne Hoekstra, 3 dagen open – Praktijkschool De Zeehoek",
            "wacht sinds vandaag, 3 pogingen; laatste fout: maildir: Permission denied",
            "kans 63 % – Youssef El Amrani", "Nieuwe vermeldingen: 4, waarvan gemarkeerd: 2",
        ] {
            #expect(Self.html.contains(same))
        }
    }

    @Test func anUndeliveredAlertIsNeverUnderReported() throws {
        let reported = try #require(Self.html.range(of: "Gemarkeerd (gemeld aan het MT)</h2>"))
        let waiting = try #require(Self.html.range(of: "Nog niet bij het MT"))
        let section = Self.html[reported.upperBound..<waiting.lowerBound]
        #expect(section.contains("[MW-000003]") && !section.contains("[MW-000004]"))
    }

    @Test func escapesEverythingFromAFeed() {
        #expect(!Self.html.contains("<script") && !Self.html.contains("<b>groot"))
        #expect(Self.html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&quot;"))
        #expect(!Self.html.contains("href=\"javascript"))
        #expect(Self.html.contains("href=\"https://news.example/1?a=1&amp;b=2\""))
        #expect(Self.html.contains("fout: HTTP &lt;404&gt;"))
        // A review author with a line break stays on one line and escaped.
        #expect(Self.html.contains("forum – @boos X – 2026-11-18 12:06"))
    }

    /// Self-contained: no scripts, images, style sheets or fonts to fetch; styles inline only.
    @Test func isSelfContained() {
        for banned in ["<script", "<img", "<link", "<style", "<svg", "<iframe", "src=", "url(", "@import"] {
            #expect(!Self.html.lowercased().contains(banned), "\(banned)")
        }
    }

    @Test func groupsOtherMentionsPerPerson() throws {
        let plain = Self.text.render(Self.full)
        let other = try #require(plain.range(of: "Overige vermeldingen, per persoon:\n"))
        #expect(
            plain[other.upperBound...].hasPrefix(
                """
                  Praktijkschool De Zeehoek (2):
                    * "Open dag <b>groot</b>" – news
                      https://news.example/1?a=1&b=2
                    * "<script>alert('x')</script>"" – forum
                      javascript:alert(1)
                  Pieter Oosterhuis (1):
                    * "<script>alert('x')</script>"" – forum
                """))
        #expect(Self.html.contains("Praktijkschool De Zeehoek (2)</h3>"))
        #expect(Self.html.contains("Pieter Oosterhuis (1)</h3>"))
    }

    /// The chart: one pair of bars per day, widths in proportion (the largest count is 300 px).
    @Test func drawsFourteenDaysOfBars() {
        #expect(Self.html.components(separatedBy: "rowspan=\"2\"").count - 1 == 14)
        #expect(Self.html.contains("width=\"300\""))  // 4 mentions, the most
        #expect(Self.html.contains("width=\"150\""))  // 2 mentions, and 2 alerts on the last day
        #expect(Self.html.contains("title=\"2 gemarkeerd\""))
        let plain = Self.text.render(Self.full)
        #expect(plain.hasSuffix("  2026-11-18             4           2\n"))
        #expect(!Self.text.render(DigestCasesTests.input).contains("Afgelopen"))
    }
}
