import Foundation
import Testing

@testable import FeedKit

/// Real-world feed quirks, as tables: encodings, links, media, authors, hostile documents.
struct FeedQuirksTests {
    static func rss(title: String) -> String { "<rss version=\"2.0\"><channel><title>\(title)</title></channel></rss>" }

    struct EncodingCase: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var contentType: String?
        var title: String
        var encoding: String
        var malformed: Bool
        var testDescription: String { name }
    }

    static func wide(_ text: String, _ encoding: String.Encoding) -> [UInt8] { Array(text.data(using: encoding)!) }

    static let encodingCases: [EncodingCase] = {
        let declared = { (label: String, body: [UInt8]) -> [UInt8] in
            Array("<?xml version=\"1.0\" encoding=\"\(label)\"?><rss version=\"2.0\"><channel><title>".utf8) + body
                + Array("</title></channel></rss>".utf8)
        }
        let plain = Array(rss(title: "ok").utf8)
        return [
            EncodingCase(
                name: "UTF-8 BOM", bytes: [0xEF, 0xBB, 0xBF] + Array(rss(title: "café").utf8), title: "café",
                encoding: "utf-8", malformed: false),
            EncodingCase(
                name: "UTF-16LE BOM", bytes: [0xFF, 0xFE] + wide(rss(title: "café"), .utf16LittleEndian), title: "café",
                encoding: "utf-16le", malformed: false),
            EncodingCase(
                name: "UTF-16BE without BOM",
                bytes: wide("<?xml version=\"1.0\" encoding=\"utf-16\"?>" + rss(title: "ok"), .utf16BigEndian),
                title: "ok", encoding: "utf-16be", malformed: false),
            EncodingCase(
                name: "UTF-32LE BOM", bytes: [0xFF, 0xFE, 0, 0] + wide(rss(title: "zee 🌊"), .utf32LittleEndian),
                title: "zee 🌊", encoding: "utf-32le", malformed: false),
            EncodingCase(
                name: "UTF-32BE without BOM", bytes: wide(rss(title: "ok"), .utf32BigEndian), title: "ok",
                encoding: "utf-32be", malformed: false),
            EncodingCase(
                name: "ISO-8859-1 reads as Windows-1252",
                bytes: declared("ISO-8859-1", [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94]), title: "\u{201C}café\u{201D}",
                encoding: "iso-8859-1", malformed: false),
            EncodingCase(
                name: "ISO-8859-2 through iconv", bytes: declared("iso-8859-2", [0xA3, 0xF3, 0x64, 0xBC]),
                title: "Łódź", encoding: "iso-8859-2", malformed: false),
            EncodingCase(
                name: "KOI8-R from HTTP",
                bytes: Array(rss(title: "").utf8.prefix(35)) + [0xDB, 0xCB, 0xCF, 0xCC, 0xC1]
                    + Array("</title></channel></rss>".utf8),
                contentType: "application/rss+xml; charset=KOI8-R", title: "школа", encoding: "koi8-r", malformed: false
            ),
            EncodingCase(
                name: "GB2312 label reads as GB18030", bytes: declared("gb2312", [0xD6, 0xD0]), title: "中",
                encoding: "gb18030", malformed: false),
            EncodingCase(
                name: "HTTP charset wins over the declaration", bytes: declared("utf-8", [0xE9]),
                contentType: "text/xml; charset=windows-1252", title: "é", encoding: "windows-1252", malformed: false),
            EncodingCase(
                name: "declared UTF-8 with invalid bytes", bytes: declared("utf-8", [0x61, 0xFF, 0x62]),
                title: "a\u{FFFD}b", encoding: "utf-8", malformed: true),
            EncodingCase(
                name: "undeclared non-UTF-8 falls back to Windows-1252",
                bytes: Array(rss(title: "").utf8.prefix(35)) + [0x63, 0x61, 0x66, 0xE9]
                    + Array("</title></channel></rss>".utf8),
                title: "café", encoding: "windows-1252", malformed: false),
            EncodingCase(
                name: "C1 controls in UTF-8 are Windows-1252 punctuation", bytes: Array(rss(title: "don\u{92}t").utf8),
                title: "don\u{2019}t", encoding: "utf-8", malformed: false),
            EncodingCase(
                name: "an unknown label is ignored and reported",
                bytes: declared("x-no-such-charset", Array("ok".utf8)), title: "ok", encoding: "utf-8", malformed: true),
            EncodingCase(
                name: "a label shaped like a path never reaches iconv",
                bytes: declared("iso-8859-../../x", Array("ok".utf8)), title: "ok", encoding: "utf-8", malformed: true),
            EncodingCase(
                name: "a numbered family label", bytes: declared("ISO8859-2", [0xA3]), title: "Ł",
                encoding: "iso-8859-2", malformed: false),
            EncodingCase(
                name: "a UTF-16 label on ASCII bytes is wrong", bytes: plain, contentType: "text/xml; charset=utf-16",
                title: "ok", encoding: "utf-8", malformed: true),
            EncodingCase(
                name: "a one-byte label on UTF-16 bytes is wrong", bytes: wide(rss(title: "ok"), .utf16LittleEndian),
                contentType: "text/xml; charset=iso-8859-1", title: "ok", encoding: "utf-16le", malformed: true),
            EncodingCase(
                name: "EUC-KR reads as windows-949", bytes: declared("euc-kr", [0xB3, 0xE2]), title: "년",
                encoding: "euc-kr", malformed: false),
        ]
    }()

    @Test(arguments: encodingCases)
    func decodesEncoding(_ example: EncodingCase) throws {
        let feed = try FeedParser.parse(example.bytes, contentType: example.contentType)
        #expect(feed.title == example.title)
        #expect(feed.encoding == example.encoding)
        #expect(feed.malformed == example.malformed)
    }

    @Test(arguments: [
        // HTML entity and a broken reference: decoded, flagged
        ("&eacute;t&eacute; &amp; &#233;&#x E9;", "été & é&#x E9;", true),
        ("AT&T rocks", "AT&T rocks", true),  // a bare ampersand
        ("bell\u{07}ring", "bellring", true),  // a control character XML forbids
        ("&lt; 5 &amp; &gt; 3 &quot;ok&quot; &apos;", "< 5 & > 3 \"ok\" '", false),  // XML's own references
    ])
    func recoversTextAndFlagsWhatIsNotXML(_ raw: String, _ title: String, _ malformed: Bool) throws {
        let feed = try FeedParser.parse(Array(Self.rss(title: raw).utf8))
        #expect(feed.title == title)
        #expect(feed.malformed == malformed)
    }

    @Test func resolvesRelativeLinksAgainstXMLBaseAndTheDocumentURL() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://zeehoek.example/nieuws/">
              <link href="index.html"/>
              <entry xml:base="2026/"><id>e1</id><link href="open-dag.html"/>
                <link rel="enclosure" href="../img/foto.jpg" type="image/jpeg"/>
                <author><name>Redactie</name><uri>/team</uri></author></entry>
            </feed>
            """
        let feed = try FeedParser.parse(Array(atom.utf8), baseURL: "https://ignored.example/feed")
        #expect(feed.link == "https://zeehoek.example/nieuws/index.html")
        #expect(feed.items[0].link == "https://zeehoek.example/nieuws/2026/open-dag.html")
        #expect(
            feed.items[0].media == [FeedMedia(url: "https://zeehoek.example/nieuws/img/foto.jpg", type: "image/jpeg")])
        #expect(feed.items[0].authors[0].uri == "https://zeehoek.example/team")

        let rss = "<rss version=\"2.0\"><channel><link>/</link><item><link>artikel/1</link></item></channel></rss>"
        let relative = try FeedParser.parse(Array(rss.utf8), baseURL: "https://krant.example/rss/feed.xml")
        #expect(relative.link == "https://krant.example/")
        #expect(relative.items[0].link == "https://krant.example/rss/artikel/1")
    }

    @Test(arguments: [
        (
            "https://www.google.com/url?rct=j&sa=t&url=https://westerveen.example/nieuws/1&ct=ga&cd=CAEY&usg=AOv",
            "https://westerveen.example/nieuws/1"
        ),
        (
            "https://news.google.com/news/url?sa=t&fd=R&url=https://krant.example/a?b=1&usg=x",
            "https://krant.example/a?b=1"
        ),
        // A Google News article id: base64url of a protobuf holding the target URL.
        (
            "https://news.google.com/rss/articles/"
                + Data([0x08, 0x13, 0x22, 0x1F] + Array("https://krant.example/zeehoek-1".utf8) + [0xD2, 0x01, 0x00])
                .base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
                .replacingOccurrences(of: "=", with: "") + "?oc=5",
            "https://krant.example/zeehoek-1"
        ),
        // not a web URL: kept
        ("https://www.google.com/url?url=javascript:alert(1)", "https://www.google.com/url?url=javascript:alert(1)"),
        // not Google
        ("https://example.org/url?url=https://elders.example/", "https://example.org/url?url=https://elders.example/"),
        (
            "https://google.attacker.example/url?url=https://elders.example/",
            "https://google.attacker.example/url?url=https://elders.example/"
        ),
        ("https://www.google.co.uk/url?q=https://krant.example/b", "https://krant.example/b"),
    ])
    func unwrapsGoogleRedirects(_ link: String, _ target: String) throws {
        let rss =
            "<rss version=\"2.0\"><channel><item><title>t</title><link>\(HTMLEntities.escaped(link))</link></item></channel></rss>"
        #expect(try FeedParser.parse(Array(rss.utf8)).items[0].link == target)
    }

    @Test func readsMediaAuthorsAndModulesFromTheirUsualPlaces() throws {
        let rss = """
            <rss version="2.0" xmlns:media="http://search.yahoo.com/mrss" xmlns:itunes="http://www.itunes.com/DTDs/Podcast-1.0.dtd"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:x="http://example.org/other">
            <channel><managingEditor>redactie@krant.example (Redactie Westerveen)</managingEditor>
            <item><x:description>not this one</x:description><description>this one</description>
              <media:group><media:content url="https://cdn.example/v.mp4" type="video/mp4" fileSize="1000"/>
                <media:title>Filmpje schoolplein</media:title></media:group>
              <media:thumbnail url="https://cdn.example/t.jpg"/><itunes:image href="https://cdn.example/cover.jpg"/>
              <enclosure url="https://cdn.example/a.mp3" type="audio/mpeg" length="42"/>
              <itunes:category text="Education"><itunes:category text="K-12"/></itunes:category></item>
            <item><title>t2</title><dc:creator>Sanne de Wit</dc:creator><author>Pieter Jansen (pieter@krant.example)</author></item>
            </channel></rss>
            """
        let feed = try FeedParser.parse(Array(rss.utf8))
        let first = feed.items[0]
        let second = feed.items[1]
        #expect(first.summary == "this one")
        #expect(first.title == "Filmpje schoolplein")
        #expect(
            first.media.map(\.url) == [
                "https://cdn.example/a.mp3", "https://cdn.example/t.jpg", "https://cdn.example/v.mp4",
                "https://cdn.example/cover.jpg",
            ])
        #expect(first.categories.map(\.term) == ["Education", "K-12"])
        #expect(first.authors == [FeedAuthor(name: "Redactie Westerveen", email: "redactie@krant.example")])
        #expect(
            second.authors == [
                FeedAuthor(name: "Pieter Jansen", email: "pieter@krant.example"), FeedAuthor(name: "Sanne de Wit"),
            ])
    }

    @Test func readsAtomTextConstructsOfEveryKind() throws {
        let atom = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id>
              <title type="text">History of the &lt;blink&gt; tag</title>
              <summary type="html">&lt;p&gt;Escaped &lt;b&gt;HTML&lt;/b&gt;&lt;/p&gt;</summary>
              <content type="application/octet-stream">RXhhbXBsZSA8Yj5BdG9tPC9iPg==</content></entry>
            <entry><id>2</id><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Inline <b>markup</b></div></title>
              <content type="text">a &lt; b</content></entry></feed>
            """
        let feed = try FeedParser.parse(Array(atom.utf8))
        #expect(feed.items[0].title == "History of the <blink> tag")
        #expect(feed.items[0].summary == "<p>Escaped <b>HTML</b></p>")
        #expect(feed.items[0].content == "Example <b>Atom</b>")
        #expect(feed.items[1].title == "Inline markup")
        #expect(feed.items[1].text == "a < b")
    }

    @Test func readsTheOldFormatsToo() throws {
        let cdf =
            "<CHANNEL HREF=\"https://intranet.example/\" LASTMOD=\"2026-11-20T08:00\"><TITLE>Intranet</TITLE><ITEM HREF=\"/bericht/1\"><TITLE>Bericht</TITLE><ABSTRACT>Tekst</ABSTRACT></ITEM></CHANNEL>"
        let feed = try FeedParser.parse(Array(cdf.utf8))
        #expect(feed.format == .cdf)
        #expect(feed.link == "https://intranet.example/")
        #expect(feed.items[0].link == "https://intranet.example/bericht/1")
        #expect(feed.items[0].summary == "Tekst")
        let rss090 =
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://my.netscape.com/rdf/simple/0.9/\"><channel><title>Oud</title></channel><item><title>i</title><link>https://oud.example/1</link></item></rdf:RDF>"
        let old = try FeedParser.parse(Array(rss090.utf8))
        #expect(old.format == .rss09x)
        #expect(old.items.map(\.link) == ["https://oud.example/1"])
    }

    @Test func anHTMLPageIsNotAFeedButNamesItsFeed() {
        let page =
            "<!DOCTYPE html><html><head><link rel=\"stylesheet\" href=\"s.css\">"
            // WordPress's REST API: not a feed
            + "<link rel=\"alternate\" type=\"application/json\" href=\"/wp-json/wp/v2/pages/2\">"
            + "<link rel=\"alternate\" type=\"application/feed+json\" href=\"/feed.json\">"
            + "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/nieuws.atom\"></head><body>Hoi</body></html>"
        #expect(throws: FeedParseError.htmlPageLinksFeed(url: "https://zeehoek.example/nieuws.atom")) {
            try FeedParser.parse(Array(page.utf8), baseURL: "https://zeehoek.example/index.html")
        }
        #expect(
            FeedParseError.htmlPageLinksFeed(url: "u").description
                == "not a feed (an HTML page); the page names its feed: u")
        #expect(throws: FeedParseError.notAFeed(rootElement: "html")) {
            try FeedParser.parse(Array("<html><body>Hoi</body></html>".utf8))
        }
    }

    @Test func hostileDocumentsAreBounded() throws {
        // 100,000 attributes on one element: parsed, only the first ones kept, flagged.
        let attributes = (0..<100_000).map { " a\($0)=\"x\"" }.joined()
        let crowded = try FeedParser.parse(
            Array("<rss version=\"2.0\"><channel\(attributes)><title>t</title></channel></rss>".utf8))
        #expect(crowded.title == "t")
        #expect(crowded.malformed)
        // Larger than any feed: refused before any work.
        let huge = [UInt8](repeating: 0x20, count: FeedParser.maxDocumentBytes + 1)
        #expect(throws: FeedParseError.tooLarge(limit: FeedParser.maxDocumentBytes)) { try FeedParser.parse(huge) }
        // An undeclared namespace prefix is recovered, and flagged.
        #expect(
            try FeedParser.parse(Array("<rss version=\"2.0\"><channel><x:title>t</x:title></channel></rss>".utf8))
                .malformed)
    }
}

/// RFC 4685: a comment says which entry it replies to, in Atom and in RSS.
struct FeedThreadingTests {
    @Test(arguments: [
        """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:thr="http://purl.org/syndication/thread/1.0"><title>t</title>
        <entry><id>urn:c1</id><title>re</title><thr:in-reply-to ref="urn:p1" href="https://x.example/p1"/></entry>
        <entry><id>urn:p1</id><title>post</title></entry></feed>
        """,
        """
        <rss version="2.0" xmlns:thr="http://purl.org/syndication/thread/1.0"><channel><title>t</title>
        <item><guid>urn:c1</guid><title>re</title><thr:in-reply-to ref=" urn:p1 "/></item>
        <item><guid>urn:p1</guid><title>post</title></item></channel></rss>
        """,
    ])
    func aReplyNamesItsParent(_ document: String) throws {
        let feed = try FeedParser.parse(Array(document.utf8))
        #expect(feed.items.map(\.inReplyTo) == ["urn:p1", nil])
        #expect(feed.items[0].repliesToIdentity == feed.items[1].identity)
    }

    @Test func anInReplyToOutsideTheThreadNamespaceIsNoReply() throws {
        let feed = try FeedParser.parse(
            Array("<rss version=\"2.0\"><channel><item><in-reply-to ref=\"urn:p1\"/></item></channel></rss>".utf8))
        #expect(feed.items.first?.inReplyTo == nil)
    }
}
