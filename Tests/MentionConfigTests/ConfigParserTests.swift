import Foundation
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Each kind of configuration error names the right line, column and key path.
struct ConfigParserTests {
    static let valid = """
        school:
          name: Praktijkschool De Zeehoek
          aliases: [De Zeehoek]
        staff:
          - id: staff-01
            name: Marieke Verbeek-Smit
            aliases: [juf Marieke]
        feeds:
          - id: regio
            url: https://news.example/rss
            interval: 90s
        alerts:
          spool: maildir:spool/mt
        storage:
          database: state/mw.sqlite
          retention: { unflagged: 7d, closed_cases: 200d, false_alarms: 14d }
        """

    func issues(_ yaml: String) -> [ConfigIssue] {
        do {
            _ = try ConfigParser.parse(yaml, file: "feeds.yaml", baseDirectory: "/etc/mw")
            return []
        } catch {
            return error.issues
        }
    }

    @Test func validConfigHasDefaultsAndResolvedPaths() throws {
        let config = try ConfigParser.parse(Self.valid, file: "feeds.yaml", baseDirectory: "/etc/mw")
        #expect(config.school.aliases == ["De Zeehoek"])
        #expect(config.staff.map(\.id) == ["staff-01"])
        #expect(config.feeds[0].interval == 90)
        #expect(config.feeds[0].kind == .news)
        #expect(config.alerts.minSeverity == .medium)
        #expect(config.alerts.spool == .maildir(path: "/etc/mw/spool/mt"))
        #expect(config.storage.database == "/etc/mw/state/mw.sqlite")
        #expect(config.storage.retainUnflagged == 7 * 86_400)
        #expect(config.storage.retainClosedCases == 200 * 86_400)
        #expect(config.storage.retainFalseAlarms == 14 * 86_400)
        #expect(config.digest.hour == 7 && config.digest.minute == 30)
        #expect(config.digest.spool == .maildir(path: "/var/spool/mentionwatch/coordinator"))
    }

    @Test func theDigestFollowsASendmailSpoolUnlessItHasItsOwn() throws {
        let sendmail = Self.valid.replacingOccurrences(
            of: "spool: maildir:spool/mt", with: "spool: sendmail:/usr/sbin/sendmail")
        #expect(
            try ConfigParser.parse(sendmail, file: "f", baseDirectory: "/etc/mw").digest.spool
                == .sendmail(path: "/usr/sbin/sendmail"))
        let own = sendmail + "\ndigest: { spool: maildir:coordinator }\n"
        #expect(
            try ConfigParser.parse(own, file: "f", baseDirectory: "/etc/mw").digest.spool
                == .maildir(path: "/etc/mw/coordinator"))
    }

    @Test func matchingSettingsAreReadAndChecked() throws {
        let config = try ConfigParser.parse(
            Self.valid + "\nmatching: { misspellings: false, one_edit_from: 7, two_edits_from: 12 }\n",
            file: "feeds.yaml", baseDirectory: "/etc/mw")
        #expect(
            config.matching.misspellings == false && config.matching.oneEditFrom == 7
                && config.matching.twoEditsFrom == 12)
        #expect(
            try ConfigParser.parse(Self.valid, file: "feeds.yaml", baseDirectory: "/etc/mw").matching
                == MatchingSettings())
        let bad = issues(Self.valid + "\nmatching: { one_edit_from: 8, two_edits_from: 6 }\n")
        #expect(bad.map(\.path) == ["matching.two_edits_from"])
    }

    /// The school adds lexicon lines and silences terms; both change what the classifier finds.
    @Test func classificationAddsAndSilencesTerms() throws {
        let yaml =
            Self.valid + """

                classification:
                  add:
                    - insult medium klungelkop
                    - threat high we pakken @target
                  silence: [sukkel, "maak je af"]
                """
        let config = try ConfigParser.parse(yaml, file: "feeds.yaml", baseDirectory: "/etc/mw")
        #expect(config.classification.add == ["insult medium klungelkop", "threat high we pakken @target"])
        let classifier = Classifier(config: config)
        func categories(_ text: String) -> [ProtocolCategory] {
            classifier.assess(Post(id: "t", text: text)).categories.filter { $0.severity > .low }.map(\.category)
        }
        #expect(categories("juf Marieke is een klungelkop") == [.insult])
        #expect(categories("we pakken juf Marieke") == [.threat])
        #expect(categories("juf Marieke is een sukkel").isEmpty)
        #expect(categories("ik maak je af, juf Marieke").isEmpty)
        // Without the config's terms the built-in lexicon decides.
        let plain = Classifier(config: try ConfigParser.parse(Self.valid, file: "feeds.yaml", baseDirectory: "/etc/mw"))
        #expect(
            plain.assess(Post(id: "t", text: "juf Marieke is een klungelkop")).categories.allSatisfy {
                $0.severity == .low
            })
        #expect(plain.assess(Post(id: "t", text: "juf Marieke is een sukkel")).alert)
    }

    /// The school's lines reach the cue lists the rules and the matcher read: an added greeting signs
    /// a post off, a silenced curse no longer makes "kankerjuf marieke" address juf Marieke.
    @Test func classificationReachesTheCueLists() throws {
        let yaml =
            Self.valid + """

                classification:
                  add: [cue greeting doei]
                  silence: [kanker]
                """
        let classifier = Classifier(config: try ConfigParser.parse(yaml, file: "feeds.yaml", baseDirectory: "/etc/mw"))
        let plain = Classifier(config: try ConfigParser.parse(Self.valid, file: "feeds.yaml", baseDirectory: "/etc/mw"))
        let signed = Post(id: "t", text: "Morgen geen les.\nDoei,\njuf Marieke")
        #expect(!plain.assess(signed).alert)
        #expect(classifier.assess(signed).categories.map(\.category) == [.impersonation])
        let cursed = Post(id: "t", text: "kankerjuf marieke heeft mijn telefoon weer afgepakt")
        #expect(plain.assess(cursed).alert)
        #expect(!classifier.assess(cursed).alert)
    }

    @Test func badLexiconLinesInTheConfigNameTheirLine() {
        let found = issues(
            Self.valid
                + "\nclassification:\n  add:\n    - insult medium klungelkop\n    - rudeness high bla\n    - threat huge x\n"
        )
        #expect(
            found.map(\.description) == [
                "feeds.yaml:20:7: classification.add: unknown category 'rudeness'"
            ])
        #expect(
            issues(Self.valid + "\nclassification: { silence: [\"!!\"] }\n").map(\.path) == ["classification.silence"])
        #expect(issues(Self.valid + "\nclassification: { ad: [x] }\n").count == 1)
    }

    @Test func unknownKeyIsAnErrorWithItsPlace() {
        let found = issues(Self.valid.replacingOccurrences(of: "    interval: 90s", with: "    intervall: 90s"))
        #expect(
            found.map(\.description) == [
                "feeds.yaml:11:5: feeds[0].intervall: unknown key (known here: allow_private, id, interval, kind, school_specific, url)"
            ])
    }

    @Test func wrongTypeIsAnError() {
        let found = issues(Self.valid.replacingOccurrences(of: "aliases: [De Zeehoek]", with: "aliases: De Zeehoek"))
        #expect(found.count == 1)
        #expect(found.first?.path == "school.aliases")
        #expect(found.first?.line == 3)
        #expect(found.first?.column == 12)
    }

    @Test func emptyNameIsAnError() {
        let found = issues(Self.valid.replacingOccurrences(of: "name: Marieke Verbeek-Smit", with: "name: \"\""))
        #expect(found.map(\.description) == ["feeds.yaml:6:11: staff[0].name: must not be empty"])
    }

    @Test(arguments: ["15x", "0m", "m", "-5s", "1.5h"])
    func badDurationIsAnError(_ duration: String) {
        let found = issues(Self.valid.replacingOccurrences(of: "interval: 90s", with: "interval: \(duration)"))
        #expect(found.count == 1)
        #expect(found.first?.path == "feeds[0].interval")
        #expect(found.first?.line == 11)
        #expect(found.first?.message.contains("duration") == true)
    }

    @Test func duplicateIDsAreErrors() {
        let yaml = Self.valid.replacingOccurrences(
            of: "\nalerts:", with: "\n  - id: regio\n    url: https://other.example/rss\nalerts:")
        let found = issues(yaml)
        #expect(found.map(\.description) == ["feeds.yaml:12:9: feeds[1].id: duplicate id 'regio'"])
    }

    @Test func duplicateYAMLKeysGiveOneLocatedLine() {
        let found = issues("school: {name: X, name: Y}\nfeeds: [{ id: a, url: \"https://a.example/\" }]\n")
        #expect(found.count == 1)
        #expect(found.first?.line == 1)
        #expect(found.first?.message.contains("duplicate key 'name'") == true)
        #expect(found.first?.description.contains("\n") == false)
    }

    @Test(arguments: [
        "file:f.xml", "file://otherhost/f.xml", "https://a.example/with space.xml", "file:///srv/my feeds/a.xml",
    ])
    func unusableURLsAreRefused(_ url: String) {
        let found = issues(Self.valid.replacingOccurrences(of: "https://news.example/rss", with: url))
        #expect(found.map(\.path) == ["feeds[0].url"])
    }

    @Test func issuesComeInFileOrder() {
        let yaml = Self.valid
            .replacingOccurrences(of: "interval: 90s", with: "interval: soon")
            .replacingOccurrences(of: "aliases: [De Zeehoek]", with: "aliases: De Zeehoek")
        #expect(issues(yaml).map(\.line) == [3, 11])
    }

    @Test func missingRequiredPartsAreNamed() {
        let found = issues("school:\n  aliases: [x]\n")
        #expect(found.map(\.path) == ["feeds", "school.name"])
    }

    @Test func yamlSyntaxErrorHasALine() {
        let found = issues("school:\n  name: [unclosed\nfeeds: []\n")
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("YAML syntax error") == true)
        #expect(found.first?.line == 3)
    }

    @Test func addressesAndSpoolAreChecked() {
        let yaml = Self.valid.replacingOccurrences(
            of: "  spool: maildir:spool/mt",
            with: """
                  spool: smtp://mail/inbox
                  to: ["mt@school.example\\r\\nBcc: x@evil.example"]
                """)
        let found = issues(yaml)
        #expect(found.map(\.path).sorted() == ["alerts.spool", "alerts.to[0]"])
    }

    @Test func urlSchemeMustBeHTTPOrFile() {
        let found = issues(
            Self.valid.replacingOccurrences(of: "https://news.example/rss", with: "gopher://news.example/rss"))
        #expect(found.first?.path == "feeds[0].url")
        #expect(found.first?.message.contains("http, https or file") == true)
    }

    @Test func everyErrorIsReportedNotJustTheFirst() {
        let yaml = Self.valid
            .replacingOccurrences(of: "interval: 90s", with: "interval: soon")
            .replacingOccurrences(of: "    name: Marieke Verbeek-Smit", with: "    name: Marieke\n    colour: blue")
        #expect(issues(yaml).count == 2)
    }

    @Test func repositoryExampleConfigIsValid() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("feeds.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let config = try ConfigParser.parse(text, file: "feeds.yaml", baseDirectory: "/etc/mentionwatch")
        #expect(config.staff.count == 8)
        #expect(config.staff.first { $0.id == "staff-02" }?.commonName == true)
        #expect(!config.feeds.isEmpty)
    }
}
