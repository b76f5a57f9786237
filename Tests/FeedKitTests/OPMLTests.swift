import Foundation
import TestSupport
import Testing

@testable import FeedKit

/// OPML subscription lists: read whole or refused with every problem's line; written as readers expect.
struct OPMLTests {
    static func read(_ text: String) throws(OPML.Invalid) -> [OPML.Outline] { try OPML.read(Array(text.utf8)) }

    static func problems(_ text: String) -> [String] {
        do {
            _ = try read(text)
            return []
        } catch {
            return error.problems.map(\.description)
        }
    }

    @Test func aFeedReadersExportGivesItsFeedsWithCategoriesAndLines() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Paths.support("opml/reader-export.opml"))))
        let outlines = try OPML.read(bytes)
        #expect(
            outlines == [
                OPML.Outline(
                    text: "Westerveens Dagblad – Regio",
                    xmlURL: "https://westerveensdagblad.example/regio/rss?sectie=onderwijs&format=rss2",
                    htmlURL: "https://westerveensdagblad.example/regio", categories: ["Nieuws"], line: 10),
                OPML.Outline(
                    text: "Kustkrant", xmlURL: "https://kustkrant.example/feed/", categories: ["Nieuws"], line: 13),
                OPML.Outline(
                    text: "#dezeehoek", xmlURL: "https://social.example/tags/dezeehoek.rss",
                    categories: ["Sociale media", "Mastodon"], line: 17),
                OPML.Outline(
                    text: "Forum Westerveen", xmlURL: "https://forum-westerveen.example/index.php?action=.xml;type=rss",
                    line: 21),
            ])
    }

    static func wrap(_ outlines: String) -> String {
        "<?xml version=\"1.0\"?>\n<opml version=\"2.0\"><head/>\n<body>\n\(outlines)\n</body></opml>\n"
    }

    @Test func everyBadOutlineIsNamedWithItsLine() {
        let text = Self.wrap(
            """
            <outline type="rss" text="zonder adres"/>
            <outline type="rss" text="lokaal" xmlUrl="file:///etc/passwd"/>
            <outline type="rss" text="script" xmlUrl="javascript:alert(1)"/>
            <outline type="rss" text="feed-schema" xmlUrl="feed://example.org/rss"/>
            <outline type="rss" text="geen host" xmlUrl="https:///rss"/>
            <outline type="rss" text="spatie" xmlUrl="https://a.example/met spatie"/>
            <outline type="rss" text="goed" xmlUrl="https://a.example/rss"/>
            """)
        #expect(
            Self.problems(text) == [
                "line 4: outline 'zonder adres' of type rss has no xmlUrl",
                "line 5: outline 'lokaal': xmlUrl must be http or https, not 'file:'",
                "line 6: outline 'script': xmlUrl must be http or https, not 'javascript:'",
                "line 7: outline 'feed-schema': xmlUrl must be http or https, not 'feed:'",
                "line 8: outline 'geen host': xmlUrl is not a valid URL with a host: 'https:///rss'",
                "line 9: outline 'spatie': xmlUrl is not a valid URL with a host: 'https://a.example/met spatie'",
            ])
    }

    @Test func malformedXMLIsRefusedWithItsLine() {
        #expect(
            Self.problems(
                "<opml version=\"2.0\">\n<body>\n<outline text=\"a\" xmlUrl=\"https://a.example/\"\n</body></opml>"
            )
                == ["line 4: not well-formed XML"])  // where the unclosed tag meets the next one
        #expect(
            Self.problems("<rss version=\"2.0\"><channel/></rss>") == [
                "line 1: not OPML (the root element is not <opml>)"
            ])
        #expect(Self.problems("<opml version=\"2.0\"><head/></opml>") == ["line 1: <opml> has no <body>"])
        #expect(Self.problems("") == ["line 1: not OPML (the root element is not <opml>)"])
    }

    @Test func entitiesExpandOnlyWithinTheBudgetAndNeverFromOutside() throws {
        var laughs = "<!DOCTYPE opml [<!ENTITY l0 \"hahahahahahahahahaha\">"
        for level in 1...9 {
            laughs += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        laughs += "]>\n<opml version=\"2.0\"><body><outline text=\"&l9;\" xmlUrl=\"https://a.example/\"/></body></opml>"
        #expect(Self.problems(laughs).first?.hasPrefix("line 0: ") == true)
        // An external entity is never loaded: at most its reference stays, never the file's content.
        let secret = Paths.temporaryFolder("opml") + "/secret.txt"
        try Data("geheim-7f3a".utf8).write(to: URL(fileURLWithPath: secret))
        let external = """
            <!DOCTYPE opml [<!ENTITY secret SYSTEM "file://\(secret)">]>
            <opml version="2.0"><body><outline text="x&secret;" xmlUrl="https://a.example/"/></body></opml>
            """
        let text = (try? Self.read(external))?.first?.text ?? ""
        #expect(text.contains("geheim") == false, "\(text)")
    }

    @Test func writtenListsReadBackTheSame() throws {
        let feeds: [(text: String, xmlURL: String, category: String)] = [
            ("regio", "https://news.example/rss?a=1&b=<2>", "news"),
            ("tag \"zeehoek\"", "https://social.example/tags/dezeehoek.rss", "mastodon"),
            ("forum", "https://forum.example/feed", "news"),
        ]
        let text = OPML.write(title: "mentionwatch: De Zeehoek & co", feeds: feeds)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"))
        #expect(text.contains("<title>mentionwatch: De Zeehoek &amp; co</title>"))
        let outlines = try Self.read(text)
        #expect(outlines.map(\.text) == ["regio", "forum", "tag \"zeehoek\""])
        #expect(outlines.map(\.xmlURL) == [feeds[0].xmlURL, feeds[2].xmlURL, feeds[1].xmlURL])
        #expect(outlines.map(\.categories) == [["news"], ["news"], ["mastodon"]])
    }
}
