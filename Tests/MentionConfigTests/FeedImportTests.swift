import FeedKit
import Foundation
import Testing

@testable import MentionConfig

/// `feeds import`: only what the config lacks, with ids it accepts, as lines to paste or appended safely.
struct FeedImportTests {
    static let config = """
        # De feeds van De Zeehoek
        school: { name: Praktijkschool De Zeehoek }
        feeds:
          # de regionale krant
          - id: westerveens-dagblad
            url: https://westerveensdagblad.example/regio/rss
            interval: 30m

        # alerts volgen
        alerts:
          spool: maildir:spool/mt
        """

    static func existing() throws -> [FeedConfig] {
        try ConfigParser.parse(config, file: "feeds.yaml", baseDirectory: "/etc/mw").feeds
    }

    @Test func feedsAlreadyConfiguredAreSkippedAndNewOnesGetUniqueIDs() throws {
        let plan = FeedImport(
            [
                OPML.Outline(text: "Dagblad", xmlURL: "HTTPS://WesterveensDagblad.example/regio/rss/"),
                OPML.Outline(text: "Westerveens Dagblad", xmlURL: "https://westerveensdagblad.example/sport/rss"),
                OPML.Outline(text: "Café De Zeehoek!", xmlURL: "https://cafe.example/feed", categories: ["Horeca"]),
                OPML.Outline(
                    text: "#dezeehoek", xmlURL: "https://social.example/tags/dezeehoek.rss", categories: ["mastodon"]),
                OPML.Outline(text: nil, xmlURL: "https://forum.example/rss"),
                OPML.Outline(text: "dubbel", xmlURL: "https://cafe.example/feed"),
            ], existing: try Self.existing())
        #expect(plan.skipped.map(\.existing) == ["westerveens-dagblad", "cafe-de-zeehoek"])
        #expect(
            plan.yaml == """
                  # Westerveens Dagblad
                  - id: westerveens-dagblad-2
                    url: "https://westerveensdagblad.example/sport/rss"
                  # Café De Zeehoek! / Horeca
                  - id: cafe-de-zeehoek
                    url: "https://cafe.example/feed"
                  # #dezeehoek
                  - id: dezeehoek
                    url: "https://social.example/tags/dezeehoek.rss"
                    kind: mastodon
                  - id: forum.example
                    url: "https://forum.example/rss"

                """)
    }

    @Test func aHostileTitleStaysInItsComment() throws {
        let plan = FeedImport(
            [
                OPML.Outline(
                    text: "x\n  - id: evil\r\n    url: http://evil.example/\u{2028}", xmlURL: "https://a.example/\"q\"")
            ],
            existing: [])
        let lines = plan.yaml.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("  # x "))
        #expect(lines[2] == #"    url: "https://a.example/\"q\"""#)
    }

    @Test func appendingKeepsEveryOtherByteAndChecksTheResult() throws {
        let plan = FeedImport(
            [OPML.Outline(text: "Kustkrant", xmlURL: "https://kustkrant.example/feed/", categories: ["news"])],
            existing: try Self.existing())
        let result = try plan.appended(to: Self.config, file: "feeds.yaml", baseDirectory: "/etc/mw")
        #expect(
            result == """
                # De feeds van De Zeehoek
                school: { name: Praktijkschool De Zeehoek }
                feeds:
                  # de regionale krant
                  - id: westerveens-dagblad
                    url: https://westerveensdagblad.example/regio/rss
                    interval: 30m
                  # Kustkrant
                  - id: kustkrant
                    url: "https://kustkrant.example/feed/"
                    kind: news

                # alerts volgen
                alerts:
                  spool: maildir:spool/mt
                """)
        // items at column 0 under feeds: the new ones follow suit
        let flat = "school: { name: X }\nfeeds:\n- id: a\n  url: https://a.example/rss\n"
        #expect(
            try plan.appended(to: flat, file: "f.yaml", baseDirectory: "/") == flat
                + "# Kustkrant\n- id: kustkrant\n  url: \"https://kustkrant.example/feed/\"\n  kind: news\n")
    }

    @Test func aFlowListIsNotAppendedTo() throws {
        let plan = FeedImport([OPML.Outline(text: "k", xmlURL: "https://k.example/")], existing: [])
        #expect(throws: FeedImport.CannotAppend.self) {
            try plan.appended(
                to: "school: { name: X }\nfeeds: [{ id: a, url: \"https://a.example/\" }]\n", file: "f.yaml",
                baseDirectory: "/")
        }
    }

    @Test func anExportImportsAsTheSameFeeds() throws {
        let feeds = try ConfigParser.parse(
            """
            school: { name: X }
            feeds:
              - { id: regio, url: "https://news.example/rss?a=1&b=2" }
              - { id: tag-dezeehoek, url: "https://social.example/tags/dezeehoek.rss", kind: mastodon }
              - { id: forum.westerveen, url: "https://forum.example/feed", kind: forum }
            """, file: "f.yaml", baseDirectory: "/"
        ).feeds
        let text = OPML.write(title: "X", feeds: feeds.map { ($0.id, $0.url, $0.kind.rawValue) })
        let plan = FeedImport(try OPML.read(Array(text.utf8)), existing: [])
        #expect(plan.new.map(\.id) == feeds.map(\.id))
        #expect(plan.new.map(\.url) == feeds.map(\.url))
        #expect(plan.new.map(\.kind) == feeds.map(\.kind))
    }
}
