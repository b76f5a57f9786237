import Foundation
import TestSupport
import Testing

/// `mentionwatch feeds export` and `feeds import` on real files.
struct FeedsOPMLCommandTests {
    static let config = """
        # De feeds van De Zeehoek (door mensen bijgehouden)
        school: { name: Praktijkschool De Zeehoek }
        feeds:
          # de regionale krant
          - id: westerveens-dagblad
            url: https://westerveensdagblad.example/regio/rss?sectie=onderwijs&format=rss2
          - id: dezeehoek
            url: https://social.example/tags/dezeehoek.rss
            kind: mastodon

        # de post
        alerts:
          spool: maildir:spool/mt
        """

    @Test func exportPrintsOPMLThatImportsAsTheSameFeeds() throws {
        let config = try CommandLineTests.writeConfig(Self.config)
        let export = try CommandLineTests.mentionwatch(["feeds", "export", "--config", config])
        #expect(export.status == 0)
        #expect(export.stdout.contains(#"<outline text="mastodon">"#))
        #expect(
            export.stdout.contains(
                #"xmlUrl="https://westerveensdagblad.example/regio/rss?sectie=onderwijs&amp;format=rss2"/>"#))
        let opml = (config as NSString).deletingLastPathComponent + "/export.opml"
        try Data(export.stdout.utf8).write(to: URL(fileURLWithPath: opml))

        // Into the same config: nothing new.
        let again = try CommandLineTests.mentionwatch(["feeds", "import", opml, "--config", config])
        #expect(again.status == 0)
        #expect(again.stdout == "")
        #expect(
            again.stderr
                == "mentionwatch: 0 new feed(s), 2 skipped (already in \(config): westerveens-dagblad, dezeehoek)\n")

        // Into a config with another feed only: the same feeds come back, as lines that `check` accepts.
        let other = try CommandLineTests.writeConfig(
            "school: { name: X }\nfeeds:\n  - id: ander\n    url: https://ander.example/rss\n")
        let imported = try CommandLineTests.mentionwatch(["feeds", "import", opml, "--config", other])
        #expect(imported.status == 0)
        #expect(
            imported.stdout == """
                  - id: westerveens-dagblad
                    url: "https://westerveensdagblad.example/regio/rss?sectie=onderwijs&format=rss2"
                    kind: news
                  - id: dezeehoek
                    url: "https://social.example/tags/dezeehoek.rss"
                    kind: mastodon

                """)
        #expect(imported.stderr == "mentionwatch: 2 new feed(s), 0 skipped (already in \(other))\n")
    }

    @Test func appendAddsToThePeoplesFileKeepingItsCommentsOwnerAndMode() throws {
        let config = try CommandLineTests.writeConfig(Self.config)
        chmod(config, 0o640)
        let result = try CommandLineTests.mentionwatch(
            ["feeds", "import", Paths.support("opml/reader-export.opml"), "--config", config, "--append"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        #expect(
            result.stderr
                == "mentionwatch: 2 new feed(s), 2 skipped (already in \(config): westerveens-dagblad, dezeehoek); appended to \(config)\n"
        )
        let text = try String(contentsOfFile: config, encoding: .utf8)
        #expect(text.hasPrefix(Self.config.components(separatedBy: "\n# de post")[0]))
        #expect(
            text.hasSuffix(
                "\n    kind: mastodon\n  # Kustkrant / Nieuws\n  - id: kustkrant\n    url: \"https://kustkrant.example/feed/\"\n  # Forum Westerveen\n  - id: forum-westerveen\n    url: \"https://forum-westerveen.example/index.php?action=.xml;type=rss\"\n\n# de post\nalerts:\n  spool: maildir:spool/mt"
            ))
        #expect((try FileManager.default.attributesOfItem(atPath: config)[.posixPermissions] as? Int) == 0o640)
        #expect(try CommandLineTests.mentionwatch(["check", "--config", config]).status == 0)
        let folder = (config as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["feeds.yaml"])
    }

    @Test func aBadListIsRefusedWholeWithEachLine() throws {
        let config = try CommandLineTests.writeConfig(Self.config)
        let opml = (config as NSString).deletingLastPathComponent + "/bad.opml"
        try Data(
            """
            <opml version="2.0"><body>
            <outline type="rss" text="goed" xmlUrl="https://goed.example/rss"/>
            <outline type="rss" text="lokaal" xmlUrl="file:///etc/shadow"/>
            <outline type="rss" text="leeg"/>
            </body></opml>
            """.utf8
        ).write(to: URL(fileURLWithPath: opml))
        let result = try CommandLineTests.mentionwatch(["feeds", "import", opml, "--config", config, "--append"])
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(
            result.stderr == """
                mentionwatch: \(opml):3: outline 'lokaal': xmlUrl must be http or https, not 'file:'
                \(opml):4: outline 'leeg' of type rss has no xmlUrl
                nothing imported

                """)
        #expect(try String(contentsOfFile: config, encoding: .utf8) == Self.config)
    }
}
