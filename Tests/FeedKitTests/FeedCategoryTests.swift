import Foundation
import Testing

@testable import FeedKit

/// Categories of Atom feeds and entries (RFC 4287 §4.2.2): `term` the value, `label` for display.
struct FeedCategoryTests {
    static let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
          <title>Praktijkschool De Zeehoek</title>
          <category term="onderwijs" label="Onderwijs" scheme="https://zeehoek-pro.nl/rubriek"/>
          <category term="westerveen"/>
          <entry>
            <id>tag:zeehoek-pro.nl,2026:1</id><title>Open dag</title>
            <category term="open-dag" label="Open dag &amp; rondleiding"/>
            <category>oud-schrijfwijze</category>
            <category label="zonder term"/>
            <category term="  "/>
            <media:category scheme="https://zeehoek-pro.nl/media" label="Foto's">foto</media:category>
          </entry>
        </feed>
        """

    @Test func readsTermLabelAndSchemeOfFeedAndEntry() throws {
        let feed = try FeedParser.parse(Array(Self.atom.utf8))
        #expect(feed.format == .atom10)
        #expect(
            feed.categories == [
                FeedCategory(term: "onderwijs", label: "Onderwijs", scheme: "https://zeehoek-pro.nl/rubriek"),
                FeedCategory(term: "westerveen"),
            ])
        let entry = try #require(feed.items.first)
        #expect(
            entry.categories == [
                FeedCategory(term: "open-dag", label: "Open dag & rondleiding"),
                FeedCategory(term: "oud-schrijfwijze"),
                FeedCategory(term: "foto", label: "Foto's", scheme: "https://zeehoek-pro.nl/media"),
            ])
        #expect(entry.categories.map(\.display) == ["Open dag & rondleiding", "oud-schrijfwijze", "Foto's"])
    }

    @Test func categoriesOfAnotherNamespaceAreNotAtoms() throws {
        let feed = try FeedParser.parse(
            Array(
                """
                <feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="http://example.org/eigen">
                  <x:category term="eigen"/><entry><id>1</id><x:category term="eigen"/></entry>
                </feed>
                """.utf8))
        #expect(feed.categories.isEmpty)
        #expect(feed.items[0].categories.isEmpty)
    }

    /// RSS's categories carry their `domain` as the scheme; the same category given twice counts once.
    @Test func rssCategoriesKeepTheirDomainOnce() throws {
        let feed = try FeedParser.parse(
            Array(
                """
                <rss version="2.0"><channel><title>t</title><item><guid>1</guid>
                <category domain="https://zeehoek-pro.nl/rubriek">nieuws</category>
                <category domain="https://zeehoek-pro.nl/rubriek">nieuws</category>
                <category>nieuws</category>
                </item></channel></rss>
                """.utf8))
        #expect(
            feed.items[0].categories == [
                FeedCategory(term: "nieuws", scheme: "https://zeehoek-pro.nl/rubriek"), FeedCategory(term: "nieuws"),
            ])
    }
}
