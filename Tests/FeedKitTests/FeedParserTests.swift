import Foundation
import TestSupport
import Testing

@testable import FeedKit

struct FeedParserTests {
    static let rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel>
          <title>Westerveens Dagblad</title><link>https://news.example/</link><language>nl</language>
          <item>
            <title>Open dag &amp; rondleiding</title>
            <link>https://news.example/1</link>
            <guid isPermaLink="false">item-1</guid>
            <pubDate>Tue, 24 Nov 2026 09:30:00 +0100</pubDate>
            <dc:creator>Redactie</dc:creator>
            <description><![CDATA[<p>Bij <b>De Zeehoek</b> caf&eacute;</p>]]></description>
            <enclosure url="https://news.example/foto.jpg" type="image/jpeg" length="1234"/>
            <category>Onderwijs</category>
          </item>
          <item><title>Zonder guid</title><link>https://news.example/2</link><description>tekst</description></item>
        </channel></rss>
        """

    @Test func readsRSS20() throws {
        let feed = try FeedParser.parse(Array(Self.rss.utf8))
        #expect(feed.format == .rss20)
        #expect(feed.title == "Westerveens Dagblad")
        #expect(feed.language == "nl")
        #expect(!feed.malformed)
        let item = try #require(feed.items.first)
        #expect(item.id == "item-1")
        #expect(item.title == "Open dag & rondleiding")
        #expect(item.published.map(FeedDate.rfc3339) == "2026-11-24T08:30:00Z")
        #expect(item.authors == [FeedAuthor(name: "Redactie")])
        #expect(item.text == "Bij De Zeehoek café")
        #expect(item.media == [FeedMedia(url: "https://news.example/foto.jpg", type: "image/jpeg", length: 1234)])
        #expect(item.categories == [FeedCategory(term: "Onderwijs")])
        #expect(feed.items[1].identity == "link:https://news.example/2")
    }

    @Test func keepsEachEntryAsRawBytes() throws {
        let feed = try FeedParser.parse(Array(Self.rss.utf8))
        let raw = String(decoding: feed.items[1].raw, as: UTF8.self)
        #expect(
            raw
                == "<item><title>Zonder guid</title><link>https://news.example/2</link><description>tekst</description></item>"
        )
    }

    @Test func readsAtom10() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
              <title type="html">#dezeehoek &lt;3</title>
              <link rel="self" href="https://social.example/tags/dezeehoek.atom"/>
              <link href="https://social.example/tags/dezeehoek"/>
              <updated>2026-11-24T10:00:00Z</updated>
              <entry>
                <id>tag:social.example,2026:1</id>
                <title>post</title>
                <link rel="alternate" href="https://social.example/@a/1"/>
                <published>2026-11-24T10:00:00+01:00</published>
                <author><name>@skrrt_boy@social.example</name><uri>https://social.example/@skrrt_boy</uri></author>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>juf <b>Marieke</b></p></div></content>
              </entry>
            </feed>
            """
        let feed = try FeedParser.parse(Array(atom.utf8))
        #expect(feed.format == .atom10)
        #expect(feed.link == "https://social.example/tags/dezeehoek")
        #expect(feed.language == "nl")
        let entry = try #require(feed.items.first)
        #expect(entry.id == "tag:social.example,2026:1")
        #expect(entry.link == "https://social.example/@a/1")
        #expect(entry.published.map(FeedDate.rfc3339) == "2026-11-24T09:00:00Z")
        #expect(entry.authors.first?.name == "@skrrt_boy@social.example")
        #expect(entry.text == "juf Marieke")
    }

    @Test func recoversFromMalformedMarkup() throws {
        let broken =
            "<rss version=\"2.0\"><channel><title>A & B</title><item><title>een <3 twee</title><link>https://x.example/1</link></item><item><title>open"
        let feed = try FeedParser.parse(Array(broken.utf8))
        #expect(feed.malformed)
        #expect(feed.title == "A & B")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].title == "een <3 twee")
    }

    @Test func keepsTextInsideUnescapedInlineMarkup() throws {
        let rss =
            "<rss version=\"2.0\"><channel><title>T</title><item><title>Die <b>juf Marieke</b> is</title>"
            + "<description>Die <b>juf Marieke</b> van De Zeehoek<br> is een kankerwijf</description></item></channel></rss>"
        let item = try #require(try FeedParser.parse(Array(rss.utf8)).items.first)
        #expect(item.title == "Die juf Marieke is")
        #expect(item.text.contains("juf Marieke van De Zeehoek"))
        #expect(item.text.contains("is een kankerwijf"))
    }

    @Test func anUnclosedItemEndsWhereTheNextStarts() throws {
        let rss = "<rss version=\"2.0\"><channel><item><title>A</title><item><title>B</title></item></channel></rss>"
        let feed = try FeedParser.parse(Array(rss.utf8))
        #expect(feed.items.map(\.title) == ["A", "B"])
        #expect(feed.malformed)
    }

    @Test func aUTF16LabelOnASCIIBytesIsIgnored() throws {
        let rss =
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>ok</title></channel></rss>"
        #expect(try FeedParser.parse(Array(rss.utf8)).title == "ok")
        var utf16 = [UInt8]()
        for unit in "<rss version=\"2.0\"><channel><title>ok</title></channel></rss>".utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        #expect(try FeedParser.parse(utf16, contentType: "text/xml; charset=utf-16").title == "ok")
    }

    @Test(arguments: [
        (#"{"items": []}"#, [String]()),
        (
            #"{"title": "a\"]}", "nested": {"items": [1]}, "items" : [ {"a": "}]"} , [1, {"b": [2]}] ,"x\\" ] }"#,
            [#"{"a": "}]"}"#, #"[1, {"b": [2]}]"#, #""x\\""#]
        ),
    ])
    func findsTheBytesOfEachJSONItem(_ json: String, _ expected: [String]) throws {
        let bytes = Array(json.utf8)
        let ranges = try #require(JSONItemRanges.find(in: bytes))
        #expect(ranges.map { String(decoding: bytes[$0], as: UTF8.self) } == expected)
        #expect(JSONItemRanges.find(in: Array(#"{"items": [1, 2"#.utf8)) == nil)
    }

    @Test func readsJSONFeed() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Ouderraad De Zeehoek", "home_page_url": "https://ouders.example/",
             "language": "nl",
             "items": [
               {"id": 42, "url": "https://ouders.example/42", "title": "Open dag", "content_html": "<p>Bij <b>De Zeehoek</b></p>",
                "date_published": "2026-11-24T10:00:00+01:00", "authors": [{"name": "Ouderraad"}], "tags": ["school"],
                "attachments": [{"url": "https://ouders.example/foto.jpg", "mime_type": "image/jpeg", "size_in_bytes": 1234}]},
               {"id": "b", "content_text": "juf Marieke <3", "author": {"name": "Oud"}}
             ]}
            """
        let feed = try FeedParser.parse(Array(json.utf8))
        #expect(feed.format == .json11)
        #expect(feed.title == "Ouderraad De Zeehoek" && feed.link == "https://ouders.example/" && feed.language == "nl")
        let first = try #require(feed.items.first)
        #expect(first.id == "42")
        #expect(first.text == "Bij De Zeehoek")
        #expect(first.published.map(FeedDate.rfc3339) == "2026-11-24T09:00:00Z")
        #expect(first.authors.map(\.name) == ["Ouderraad"])
        #expect(first.media == [FeedMedia(url: "https://ouders.example/foto.jpg", type: "image/jpeg", length: 1234)])
        #expect(
            String(decoding: feed.items[1].raw, as: UTF8.self)
                == #"{"id": "b", "content_text": "juf Marieke <3", "author": {"name": "Oud"}}"#)
        #expect(feed.items[1].text == "juf Marieke <3")  // content_text stays text
        #expect(feed.items[1].authors.map(\.name) == ["Oud"])
    }

    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: the feed cases are not there"))
    func theSharedJSONFeedCaseParses() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.casesFolder + "/json/example.json"))
        let feed = try FeedParser.parse(Array(data))
        #expect(feed.format == .json10)
        #expect(feed.title == "My Example Feed")
        #expect(feed.items.count == 2)
    }

    @Test func jsonThatIsNotAFeedIsRefused() {
        #expect(throws: FeedParseError.notAFeed(rootElement: "JSON without a JSON Feed version")) {
            try FeedParser.parse(Array("{\"hello\": 1}".utf8))
        }
        #expect(throws: FeedParseError.notAFeed(rootElement: "JSON that is not an object")) {
            try FeedParser.parse(Array("{broken".utf8))
        }
    }

    @Test func expandsDeclaredEntitiesButNeverExternalOnes() throws {
        let declared = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY school "De Zeehoek"><!ENTITY greeting "Welkom op &school;">
            <!ENTITY ext SYSTEM "file:///etc/passwd"><!ENTITY % param SYSTEM "http://example.org/x.dtd"> %param;]>
            <rss version="2.0"><channel><title>&greeting;&ext;</title></channel></rss>
            """
        #expect(try FeedParser.parse(Array(declared.utf8)).title == "Welkom op De Zeehoek&ext;")
    }

    @Test func refusesAnEntityBomb() {
        // "Billion laughs": ten levels of ten references each would expand to 10^10 bytes.
        var doctype = "<!ENTITY l0 \"lol\">"
        for level in 1...10 {
            doctype += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let bomb =
            "<?xml version=\"1.0\"?><!DOCTYPE rss [\(doctype)]><rss version=\"2.0\"><channel><title>&l10;</title></channel></rss>"
        #expect(throws: FeedParseError.entityExpansion(limit: DeclaredEntities.maxExpandedBytes)) {
            try FeedParser.parse(Array(bomb.utf8))
        }
    }

    @Test func refusesDeepNestingButRecoversUnclosedTags() throws {
        let deep =
            "<rss version=\"2.0\"><channel><title>t</title>" + String(repeating: "<x>", count: 100_000)
            + "</channel></rss>"
        #expect(throws: FeedParseError.tooDeep(limit: MarkupParser.maxOpenElements)) {
            try FeedParser.parse(Array(deep.utf8))
        }
        // 300 unclosed <br> in a description (HTML left unescaped) pass the depth bound: kept flat.
        let html =
            "<rss version=\"2.0\"><channel><item><title>t</title><description>a"
            + String(repeating: "<br>x", count: 300)
            + "</description><link>https://krant.example/1</link></item></channel></rss>"
        let feed = try FeedParser.parse(Array(html.utf8))
        #expect(feed.items.count == 1 && feed.items[0].link == "https://krant.example/1")
        #expect(feed.items[0].text.hasPrefix("a\nx\nx"))
        #expect(feed.malformed)
    }

    @Test func oneEntityBudgetPerDocument() {
        // Seven levels of ten references: 10^7 bytes from a few hundred, beyond the 1 MiB budget.
        var doctype = "<!ENTITY l0 \"a\">"
        for level in 1...7 {
            doctype += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let wide = "<!DOCTYPE rss [\(doctype)]><rss version=\"2.0\"><channel><title>&l7;</title></channel></rss>"
        #expect(throws: FeedParseError.entityExpansion(limit: DeclaredEntities.maxExpandedBytes)) {
            try FeedParser.parse(Array(wide.utf8))
        }
        // A second DOCTYPE brings no new budget, nor new entities: it is ignored and flagged.
        let chunk =
            "<!DOCTYPE r [<!ENTITY a \"" + String(repeating: "A", count: 1000) + "\"><!ENTITY b \""
            + String(repeating: "&a;", count: 10) + "\">]>&b;"
        let repeated =
            "<rss version=\"2.0\"><channel><title>" + String(repeating: chunk, count: 200) + "</title></channel></rss>"
        let feed = try? FeedParser.parse(Array(repeated.utf8))
        #expect(feed?.malformed == true)
        #expect((feed?.title?.utf8.count ?? 0) < 10_000)
    }

    @Test func forbiddenCharacterReferencesAreReplacedAndFlagged() throws {
        let feed = try FeedParser.parse(
            Array("<rss version=\"2.0\"><channel><title>a&#27;]0;b&#7;</title></channel></rss>".utf8))
        #expect(feed.title == "a\u{FFFD}]0;b\u{FFFD}")
        #expect(feed.malformed)
    }

    @Test func aDuplicateItemsKeyGivesNoBorrowedEvidence() throws {
        let json =
            #"{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","content_text":"Open dag"}],"items":[{"id":"1","content_text":"dreiging"}]}"#
        let feed = try FeedParser.parse(Array(json.utf8))
        let item = try #require(feed.items.first)
        // The evidence is the object the item was read from (its canonical form), whichever one that was.
        #expect(String(decoding: item.raw, as: UTF8.self).contains(try #require(item.content)))
        #expect(JSONItemRanges.find(in: Array(json.utf8)) == nil)
        #expect(JSONItemRanges.find(in: Array(#"{"\u0069tems":[1]}"#.utf8)) == nil)
    }

    @Test func identityUsesTheLinkAsWritten() throws {
        let rss = "<rss version=\"2.0\"><channel><item><title>t</title><link>/nieuws/1</link></item></channel></rss>"
        let resolved = try FeedParser.parse(Array(rss.utf8), baseURL: "https://krant.example/rss")
        let plain = try FeedParser.parse(Array(rss.utf8))
        #expect(resolved.items[0].link == "https://krant.example/nieuws/1")
        #expect(resolved.items[0].identity == plain.items[0].identity)
    }

    @Test func decodesLatin1FromTheDeclaration() throws {
        var bytes = Array(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>caf".utf8)
        bytes += [0xE9] + Array("</title></channel></rss>".utf8)
        #expect(try FeedParser.parse(bytes).title == "café")
    }

    @Test func httpCharsetWinsOverTheDeclaration() throws {
        var bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>".utf8)
        bytes += [0x93, 0x68, 0x69, 0x94] + Array("</title></channel></rss>".utf8)
        #expect(
            try FeedParser.parse(bytes, contentType: "application/rss+xml; charset=windows-1252").title
                == "\u{201C}hi\u{201D}")
    }

    @Test func refusesWhatIsNotAFeed() {
        #expect(throws: FeedParseError.notAFeed(rootElement: "html")) {
            try FeedParser.parse(Array("<!DOCTYPE html><html><body>hoi</body></html>".utf8))
        }
        #expect(throws: FeedParseError.empty) { try FeedParser.parse(Array("  \n".utf8)) }
        #expect(throws: FeedParseError.notAFeed(rootElement: nil)) { try FeedParser.parse(Array("just text".utf8)) }
    }

    @Test func identityIsStableAndFallsBackToAHash() {
        var item = FeedItem(title: "t")
        item.content = "c"
        let first = item.identity
        #expect(first.hasPrefix("sha256:") && first.count == 7 + 64)
        #expect(FeedItem(title: "t").identity != first)
        item.summary = "other summary, same content"
        #expect(item.identity == first)
    }

    @Test func everyConformanceCaseParsesWithoutCrashing() throws {
        try #require(FileManager.default.fileExists(atPath: Self.casesFolder), "../shared/data/feed-cases is absent")
        var parsed = 0
        var refused = 0
        let files = FileManager.default.enumerator(atPath: Self.casesFolder)?.compactMap { $0 as? String } ?? []
        for file in files where file.hasSuffix(".xml") || file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: "\(Self.casesFolder)/\(file)") else { continue }
            do {
                _ = try FeedParser.parse(Array(data))
                parsed += 1
            } catch { refused += 1 }
        }
        print("feed-cases: \(parsed) parsed, \(refused) refused as not a feed")
        #expect(parsed + refused > 2_000)
        #expect(parsed > 1_900)
    }

    static let casesFolder = Paths.shared + "/data/feed-cases"
}
