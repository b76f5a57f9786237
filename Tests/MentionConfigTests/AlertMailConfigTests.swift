import Foundation
import Testing

@testable import MentionConfig

/// `school.time_zone` and `alerts.subject`: defaults, values, and errors that name their line.
struct AlertMailConfigTests {
    static let known: Set = ["Europe/Amsterdam", "Europe/Brussels", "America/Curacao"]

    func parse(_ yaml: String) throws(ConfigErrors) -> Config {
        try ConfigParser.parse(
            yaml, file: "feeds.yaml", baseDirectory: "/etc/mw", isKnownTimeZone: { Self.known.contains($0) })
    }

    func issues(_ yaml: String) -> [String] {
        do {
            _ = try parse(yaml)
            return []
        } catch {
            return error.issues.map(\.description)
        }
    }

    @Test func theSchoolsZoneDefaultsToTheDigestsAndThenAmsterdam() throws {
        #expect(try parse(ConfigParserTests.valid).schoolTimeZone == "Europe/Amsterdam")
        let digest = ConfigParserTests.valid + "\ndigest: { timezone: Europe/Brussels }\n"
        #expect(try parse(digest).schoolTimeZone == "Europe/Brussels")
        let own = ConfigParserTests.valid.replacingOccurrences(
            of: "  aliases: [De Zeehoek]", with: "  aliases: [De Zeehoek]\n  time_zone: America/Curacao")
        #expect(try parse(own + "\ndigest: { timezone: Europe/Brussels }\n").schoolTimeZone == "America/Curacao")
    }

    @Test func anUnknownSchoolZoneNamesItsLine() {
        let yaml = ConfigParserTests.valid.replacingOccurrences(
            of: "  aliases: [De Zeehoek]", with: "  aliases: [De Zeehoek]\n  time_zone: Europe/Amsterdamm")
        #expect(
            issues(yaml) == [
                "feeds.yaml:4:14: school.time_zone: unknown time zone 'Europe/Amsterdamm' (an IANA name like Europe/Amsterdam)"
            ])
    }

    @Test func theSubjectModeIsFullUnlessCategoryOnly() throws {
        #expect(try parse(ConfigParserTests.valid).alerts.subject == .full)
        let yaml = ConfigParserTests.valid.replacingOccurrences(
            of: "  spool: maildir:spool/mt", with: "  spool: maildir:spool/mt\n  subject: category-only")
        #expect(try parse(yaml).alerts.subject == .categoryOnly)
    }

    @Test func anUnknownSubjectModeNamesItsLineAndTheChoices() {
        let yaml = ConfigParserTests.valid.replacingOccurrences(
            of: "  spool: maildir:spool/mt", with: "  spool: maildir:spool/mt\n  subject: no-names")
        #expect(
            issues(yaml) == [
                "feeds.yaml:14:12: alerts.subject: must be one of full, category-only, not 'no-names'"
            ])
    }
}
