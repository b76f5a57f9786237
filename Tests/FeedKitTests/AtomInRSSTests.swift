import Foundation
import Testing

@testable import FeedKit

/// Atom elements inside RSS 2.0 as fallbacks for the RSS fields (docs/feed-parser.md): each case
/// is one item (and channel extras) with what must, or must not, be read from it.
struct AtomInRSSTests {
    static let atom = "http://www.w3.org/2005/Atom"

    /// An RSS 2.0 document with `prefix` bound to `namespace` (Atom unless a case says otherwise).
    static func rss(item: String, channel: String = "", prefix: String = "atom", namespace: String = atom) -> [UInt8] {
        Array(
            """
            <rss version="2.0" xmlns:\(prefix)="\(namespace)" xmlns:dc="http://purl.org/dc/elements/1.1/"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/">
            <channel><title>Nieuws De Zeehoek</title>\(channel)
            <item><guid isPermaLink="false">zeehoek-1</guid>\(item)</item>
            </channel></rss>
            """.utf8)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var document: [UInt8]
        var check: @Sendable (Feed) -> Bool
        var testDescription: String { name }
    }

    static let linkCases: [Case] = [
        Case(
            name: "atom:link rel=alternate stands in for a missing <link>",
            document: rss(item: #"<atom:link rel="alternate" href="https://zeehoek-pro.nl/nieuws/1"/>"#),
            check: { $0.items[0].link == "https://zeehoek-pro.nl/nieuws/1" }),
        Case(
            name: "atom:link without rel counts as alternate",
            document: rss(item: #"<atom:link href="https://zeehoek-pro.nl/nieuws/2"/>"#),
            check: { $0.items[0].link == "https://zeehoek-pro.nl/nieuws/2" }),
        Case(
            name: "atom:link rel=self is never the item's link",
            document: rss(item: #"<atom:link rel="self" href="https://zeehoek-pro.nl/feed"/>"#),
            check: { $0.items[0].link == nil }),
        Case(
            name: "RSS's own <link> wins, also when atom:link comes first",
            document: rss(
                item: #"<atom:link href="https://elders.example/kopie"/><link>https://zeehoek-pro.nl/nieuws/3</link>"#),
            check: { $0.items[0].link == "https://zeehoek-pro.nl/nieuws/3" }),
        Case(
            name: "an atom:link with text is still not RSS's <link>",
            document: rss(item: #"<atom:link>https://elders.example/tekst</atom:link>"#),
            check: { $0.items[0].link == nil }),
        Case(
            name: "any prefix bound to the Atom namespace counts",
            document: rss(item: #"<a10:link href="https://zeehoek-pro.nl/nieuws/4"/>"#, prefix: "a10"),
            check: { $0.items[0].link == "https://zeehoek-pro.nl/nieuws/4" }),
        Case(
            name: "the prefix atom bound to another namespace is not Atom",
            document: rss(
                item: #"<atom:link href="https://elders.example/5"/>"#, namespace: "http://example.org/not-atom"),
            check: { $0.items[0].link == nil }),
        Case(
            name: "a relative atom:link resolves against xml:base",
            document: rss(item: #"<atom:link xml:base="https://zeehoek-pro.nl/nieuws/" href="6"/>"#),
            check: { $0.items[0].link == "https://zeehoek-pro.nl/nieuws/6" }),
        Case(
            name: "the channel's atom:link alternate, beside rel=self",
            document: rss(
                item: "",
                channel: #"<atom:link rel="self" href="https://zeehoek-pro.nl/feed"/>"#
                    + #"<atom:link rel="alternate" href="https://zeehoek-pro.nl/"/>"#),
            check: { $0.link == "https://zeehoek-pro.nl/" }),
        Case(
            name: "the channel's own <link> wins",
            document: rss(
                item: "",
                channel: #"<atom:link href="https://elders.example/"/><link>https://zeehoek-pro.nl/</link>"#),
            check: { $0.link == "https://zeehoek-pro.nl/" }),
    ]

    static let contentCases: [Case] = [
        Case(
            name: "atom:content type=html is the content, and reaches matching",
            document: rss(
                item: #"<atom:content type="html">&lt;p&gt;Juf &lt;b&gt;Marieke&lt;/b&gt;&lt;/p&gt;</atom:content>"#),
            check: { $0.items[0].content == "<p>Juf <b>Marieke</b></p>" && $0.items[0].text == "Juf Marieke" }),
        Case(
            name: "atom:content type=xhtml keeps its markup",
            document: rss(
                item:
                    #"<atom:content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Meester <i>Pieter</i></div>"#
                    + "</atom:content>"),
            check: { $0.items[0].text == "Meester Pieter" && $0.items[0].content?.contains("<i>Pieter</i>") == true }),
        Case(
            name: "atom:content type=text is text, not markup",
            document: rss(item: #"<atom:content type="text">1 &lt; 2 bij &lt;b&gt;</atom:content>"#),
            check: { $0.items[0].text == "1 < 2 bij <b>" }),
        Case(
            name: "atom:content without type is text (RFC 4287 §4.1.3.1)",
            document: rss(item: "<atom:content>Open dag &amp; rondleiding</atom:content>"),
            check: { $0.items[0].text == "Open dag & rondleiding" }),
        Case(
            name: "content:encoded wins over atom:content",
            document: rss(
                item:
                    "<atom:content>kopie</atom:content><content:encoded><![CDATA[<p>origineel</p>]]></content:encoded>"),
            check: { $0.items[0].text == "origineel" }),
        Case(
            name: "a <description> stays the summary beside atom:content",
            document: rss(item: "<description>kort</description><atom:content>lang verhaal</atom:content>"),
            check: { $0.items[0].summary == "kort" && $0.items[0].content == "lang verhaal" }),
        Case(
            name: "atom:content given by reference (src) has no text",
            document: rss(item: #"<atom:content src="https://zeehoek-pro.nl/1.html" type="text/html"/>"#),
            check: { $0.items[0].content == nil }),
        Case(
            name: "content under a wrongly bound atom prefix is ignored",
            document: rss(item: "<atom:content>niet atom</atom:content>", namespace: "http://example.org/not-atom"),
            check: { $0.items[0].content == nil }),
    ]

    static func date(_ date: Date?) -> String? { date.map(FeedDate.rfc3339) }

    static let dateCases: [Case] = [
        Case(
            name: "atom:published stands in for pubDate",
            document: rss(item: "<atom:published>2026-11-24T09:30:00+01:00</atom:published>"),
            check: { date($0.items[0].published) == "2026-11-24T08:30:00Z" }),
        Case(
            name: "atom:updated stands in when there is no publication date at all",
            document: rss(item: "<atom:updated>2026-11-25T12:00:00Z</atom:updated>"),
            check: {
                date($0.items[0].published) == "2026-11-25T12:00:00Z"
                    && date($0.items[0].updated) == date($0.items[0].published)
            }),
        Case(
            name: "pubDate wins over atom:published",
            document: rss(
                item: "<atom:published>2026-01-01T00:00:00Z</atom:published>"
                    + "<pubDate>Tue, 24 Nov 2026 09:30:00 +0100</pubDate>"),
            check: { date($0.items[0].published) == "2026-11-24T08:30:00Z" }),
        Case(
            name: "atom:published wins over atom:updated",
            document: rss(
                item:
                    "<atom:updated>2026-11-26T00:00:00Z</atom:updated><atom:published>2026-11-24T00:00:00Z</atom:published>"
            ),
            check: {
                date($0.items[0].published) == "2026-11-24T00:00:00Z"
                    && date($0.items[0].updated) == "2026-11-26T00:00:00Z"
            }),
        Case(
            name: "the channel's atom:updated when it has no lastBuildDate",
            document: rss(item: "", channel: "<atom:updated>2026-11-24T10:00:00Z</atom:updated>"),
            check: { date($0.updated) == "2026-11-24T10:00:00Z" }),
        Case(
            name: "a date under a wrongly bound atom prefix is ignored",
            document: rss(
                item: "<atom:published>2026-11-24T10:00:00Z</atom:published>", namespace: "http://example.org/not-atom"),
            check: { $0.items[0].published == nil }),
    ]

    static let authorCases: [Case] = [
        Case(
            name: "atom:author gives name and email",
            document: rss(
                item: "<atom:author><atom:name>Sanne Hoekstra</atom:name>"
                    + "<atom:email>s.hoekstra@zeehoek-pro.nl</atom:email></atom:author>"),
            check: { $0.items[0].authors == [FeedAuthor(name: "Sanne Hoekstra", email: "s.hoekstra@zeehoek-pro.nl")] }),
        Case(
            name: "dc:creator wins over atom:author",
            document: rss(
                item: "<atom:author><atom:name>Iemand Anders</atom:name></atom:author><dc:creator>Redactie</dc:creator>"
            ),
            check: { $0.items[0].authors == [FeedAuthor(name: "Redactie")] }),
        Case(
            name: "an empty atom:author is no author",
            document: rss(item: "<atom:author><atom:uri>https://zeehoek-pro.nl/</atom:uri></atom:author>"),
            check: { $0.items[0].authors.isEmpty }),
        Case(
            name: "the channel's atom:author stands in for items without one",
            document: rss(
                item: "", channel: "<a:author><a:name>Dirk-Jan Mulder</a:name></a:author>", prefix: "a"),
            check: { $0.items[0].authors == [FeedAuthor(name: "Dirk-Jan Mulder")] }),
        Case(
            name: "an author under a wrongly bound atom prefix is ignored",
            document: rss(
                item: "<atom:author><atom:name>Niet Atom</atom:name></atom:author>",
                namespace: "http://example.org/not-atom"),
            check: { $0.items[0].authors.isEmpty }),
    ]

    static let categoryCases: [Case] = [
        Case(
            name: "atom:category with term, label and scheme, after RSS's own",
            document: rss(
                item: #"<category domain="https://zeehoek-pro.nl/rubriek">nieuws</category>"#
                    + #"<atom:category term="open-dag" label="Open dag" scheme="https://zeehoek-pro.nl/tags"/>"#),
            check: {
                $0.items[0].categories == [
                    FeedCategory(term: "nieuws", scheme: "https://zeehoek-pro.nl/rubriek"),
                    FeedCategory(term: "open-dag", label: "Open dag", scheme: "https://zeehoek-pro.nl/tags"),
                ] && $0.items[0].categories.map(\.display) == ["nieuws", "Open dag"]
            }),
        Case(
            name: "the channel's categories, RSS and Atom",
            document: rss(item: "", channel: #"<category>Onderwijs</category><atom:category term="Westerveen"/>"#),
            check: { $0.categories == [FeedCategory(term: "Onderwijs"), FeedCategory(term: "Westerveen")] }),
        Case(
            name: "an atom:category without a term is dropped",
            document: rss(item: #"<atom:category label="Zonder term"/>"#),
            check: { $0.items[0].categories.isEmpty }),
        Case(
            name: "a category under a wrongly bound atom prefix is ignored",
            document: rss(item: #"<atom:category term="niet-atom"/>"#, namespace: "http://example.org/not-atom"),
            check: { $0.items[0].categories.isEmpty }),
    ]

    @Test(arguments: linkCases + contentCases + dateCases + authorCases + categoryCases)
    func readsAtomInRSS(_ testCase: Case) throws {
        let feed = try FeedParser.parse(testCase.document)
        #expect(feed.format == .rss20)
        #expect(!feed.malformed)
        #expect(testCase.check(feed))
    }

    /// An item with neither guid nor <link> is known by its atom:link, as an Atom entry would be.
    @Test func identityUsesTheAtomLinkWhenThereIsNothingElse() throws {
        let feed = try FeedParser.parse(
            Array(
                """
                <rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
                <item><title>Zonder guid</title><atom:link href="https://zeehoek-pro.nl/nieuws/7"/></item>
                </channel></rss>
                """.utf8))
        #expect(feed.items[0].identity == "link:https://zeehoek-pro.nl/nieuws/7")
    }

    /// An `atom:` prefix nobody declared is no namespace at all: the feed is flagged, nothing is read as Atom.
    @Test func undeclaredAtomPrefixIsNotAtom() throws {
        let feed = try FeedParser.parse(
            Array(
                """
                <rss version="2.0"><channel><item><guid>zeehoek-2</guid>
                <atom:link href="https://elders.example/8"/><atom:content>geen atom</atom:content>
                </item></channel></rss>
                """.utf8))
        #expect(feed.malformed)
        #expect(feed.items[0].link == nil && feed.items[0].content == nil)
    }
}
