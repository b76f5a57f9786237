import Foundation
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch
@testable import MentionRender

/// What the MT reads in an alert: local times and ages, the post once, whom the words aim at, what is
/// known about the author, the priority headers and the subject modes. A fixed clock and zone throughout.
struct AlertMailReadingTests {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    static func content(
        text: String, title: String? = nil, author: String = "@skrrt_boy@social.example",
        published: Date = Date(timeIntervalSince1970: 1_795_000_000), fetchedAt: Date? = nil,
        config: Config = WorldFixture.config
    ) throws -> AlertContent {
        let post = Post(id: "t1", author: author, title: title ?? "", text: text)
        let assessment = Classifier(config: config).assess(post)
        try #require(assessment.alert, "the fixture post must be alerted: \(assessment)")
        return AlertContent(
            caseNumber: "MW-000042", itemKey: SHA256.hex(Array(text.utf8)), feedID: "mastodon-dezeehoek",
            title: title, author: author, published: published, fetchedAt: fetchedAt ?? published, text: text,
            assessment: assessment, evidenceSHA256: String(repeating: "ab", count: 32))
    }

    static func plain(_ content: AlertContent, config: Config = WorldFixture.config, now: Date) -> String {
        AlertMailTests.decodedPart(
            AlertMail(config: config, timeZone: amsterdam).render(content, date: now), "text/plain")
    }

    static let threat = "die El Amrani van de zeehoek moet je echt ff een klap geven"
    static let critical = "die El Amrani van de zeehoek ga ik echt in elkaar slaan na school"

    // MARK: - 1. times in the school's zone, with the post's age

    @Test func datesAreDutchLocalTimeAcrossDaylightSaving() {
        let time = DutchTime(timeZone: Self.amsterdam)
        // 2026-12-04 13:05 UTC is 14:05 in winter (CET, +1); 2026-07-01 12:05 UTC is 14:05 in summer (CEST, +2).
        #expect(time.date(Date(timeIntervalSince1970: 1_796_389_500)) == "4 december 2026, 14:05")
        #expect(time.date(Date(timeIntervalSince1970: 1_782_907_500)) == "1 juli 2026, 14:05")
        // Another school's zone gives another clock time for the same moment.
        let curacao = DutchTime(timeZone: TimeZone(identifier: "America/Curacao")!)
        #expect(curacao.date(Date(timeIntervalSince1970: 1_796_389_500)) == "4 december 2026, 09:05")
        // The dossier's form: to the second, with the zone; the interim digest's: the clock alone.
        #expect(
            time.precise(Date(timeIntervalSince1970: 1_796_389_509)) == "4 december 2026, 14:05:09 (Europe/Amsterdam)")
        #expect(time.clock(Date(timeIntervalSince1970: 1_796_389_509)) == "14:05")
    }

    @Test func theAgeIsCountedFromTheMomentOfTheMail() {
        let now = Date(timeIntervalSince1970: 1_796_389_500)
        let ages: [(TimeInterval, String)] = [
            (20, "zojuist"), (60, "1 minuut geleden"), (25 * 60, "25 minuten geleden"),
            (3 * 3_600 + 59 * 60, "3 uur geleden"), (86_400, "1 dag geleden"), (9 * 86_400, "9 dagen geleden"),
            (-3_600, "volgens de bron in de toekomst"),
        ]
        for (seconds, expected) in ages {
            #expect(DutchTime.age(of: now.addingTimeInterval(-seconds), now: now) == expected)
        }
    }

    @Test func theMailShowsLocalTimesAndAgesNotUTC() throws {
        let published = Date(timeIntervalSince1970: 1_796_389_500)  // 13:05 UTC
        let content = try Self.content(
            text: Self.threat, published: published, fetchedAt: published.addingTimeInterval(300))
        let text = Self.plain(content, now: published.addingTimeInterval(3 * 3_600))
        #expect(text.contains("Geplaatst: 4 december 2026, 14:05 (3 uur geleden)\n"))
        #expect(text.contains("Opgehaald: 4 december 2026, 14:10 (2 uur geleden)\n"))
        #expect(!text.contains("T13:05"))
    }

    // MARK: - 2. the post once; the evidence with whom it aims at

    @Test func aTitleThatIsTheTextsStartIsNotRepeated() throws {
        let mastodon = try Self.content(text: Self.critical + ", let maar op", title: Self.critical)
        let text = Self.plain(mastodon, now: mastodon.fetchedAt)
        #expect(text.components(separatedBy: "in elkaar slaan na school").count == 2)  // once, in the post
        let shortened = try Self.content(text: Self.critical, title: "Die El Amrani van de zeehoek ga ik…")
        #expect(AlertMail.separateTitle(shortened.title, text: shortened.text) == nil)
        // A forum thread's own title says something else: it stays.
        #expect(
            AlertMail.separateTitle("worst teacher ever", text: "meester Pieter is a loser") == "worst teacher ever")
    }

    @Test func theEvidenceNamesTheWordsAndWhomTheyAimAt() throws {
        let content = try Self.content(text: Self.threat)
        let text = Self.plain(content, now: content.fetchedAt)
        #expect(text.contains("  woorden: \"je echt ff een klap geven\"\n"))
        #expect(text.contains("  gericht aan: Youssef El Amrani (docent lichamelijke opvoeding)\n"))
    }

    // MARK: - 3. what is known about the author; steps for the MT

    @Test func anUnknownAuthorIsNotAssumedToBeAPupil() throws {
        let content = try Self.content(text: Self.threat)
        #expect(content.assessment.track == .b)
        let text = Self.plain(content, now: content.fetchedAt)
        #expect(text.contains("Protocol: Route B: gericht aan een personeelslid\n"))
        #expect(text.contains("Schrijver: onbekend (mogelijk een leerling, ouder of buitenstaander)\n"))
        #expect(text.contains("2. Neem contact op met Youssef El Amrani"))
        #expect(!text.contains("leerling tegen personeelslid"))
    }

    @Test func aStaffAccountIsNamedAndTheStepsGoToTheMT() throws {
        let content = try Self.content(
            text: "Leerling Kevin uit 3A heeft ADHD en is weer geschorst", author: "@djmulder")
        #expect(content.assessment.track == .staff)
        let text = Self.plain(content, now: content.fetchedAt)
        #expect(text.contains("Protocol: Gedragscode personeel\n"))
        #expect(text.contains("Schrijver: personeelslid Dirk-Jan Mulder (een geconfigureerd account)\n"))
        #expect(text.contains("1. Beoordeel of het bericht de gedragscode schendt.\n"))
        #expect(text.contains("2. Neem contact op met Dirk-Jan Mulder en bespreek het bericht.\n"))
    }

    @Test func theSchoolsOwnAccountIsSaidAndItsAccountChecked() throws {
        let content = try Self.content(text: Self.threat, author: "@prozeehoek")
        let text = Self.plain(content, now: content.fetchedAt)
        #expect(text.contains("Schrijver: het eigen account van de school\n"))
        #expect(text.contains("2. Ga na wie het account van de school beheert en of het gehackt is.\n"))
    }

    @Test func everyTrackSpeaksToTheMT() {
        for track in [ProtocolTrack.a, .b, .staff, .none] {
            for author in [AlertProtocol.Author.unknown, .school, .staff(name: "Jan de Vries")] {
                let section = AlertProtocol.make(track: track, author: author, aimedAt: ["Jan de Vries"])
                // Imperatives to the reader, never "the mentor reports to the MT".
                #expect(section.steps.first?.hasPrefix("Beoordeel") == true)
                #expect(!section.steps.contains { $0.contains("meldt het aan het MT") || $0.hasPrefix("Het MT") })
            }
        }
    }

    // MARK: - 4. priority headers only for critical alerts

    @Test func onlyACriticalAlertIsMarkedImportant() throws {
        let critical = try Self.content(text: Self.critical)
        #expect(critical.assessment.severity == .critical)
        let high = try Self.content(text: Self.threat)
        #expect(high.assessment.severity == .high)
        let mail = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam)
        let headers = { (content: AlertContent) in
            mail.render(content, date: content.fetchedAt).components(separatedBy: "\r\n\r\n")[0]
                .components(separatedBy: "\r\n")
        }
        #expect(headers(critical).contains("Importance: high"))
        #expect(headers(critical).contains("X-Priority: 1"))
        #expect(!headers(high).contains { $0.hasPrefix("Importance:") || $0.hasPrefix("X-Priority:") })
    }

    // MARK: - 5. the subject without names

    @Test func categoryOnlySubjectsNameNobody() throws {
        var config = WorldFixture.config
        config.alerts.subject = .categoryOnly
        let content = try Self.content(text: Self.threat)
        let mail = AlertMail(config: config, timeZone: Self.amsterdam)
        #expect(mail.subject(content) == "[mentionwatch] Hoog: Bedreigen (MW-000042)")
        let rendered = mail.render(content, date: content.fetchedAt)
        #expect(rendered.contains("\r\nSubject: [mentionwatch] Hoog: Bedreigen (MW-000042)\r\n"))
        #expect(!rendered.components(separatedBy: "\r\n\r\n")[0].contains("El Amrani"))
        // The body still says whom it is about: only the lock screen must not.
        #expect(Self.plain(content, config: config, now: content.fetchedAt).contains("Genoemd: Youssef El Amrani"))
        let full = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).subject(content)
        #expect(full.contains("Youssef El Amrani"))
    }

    // MARK: - 6. the rendered message is the wire form (SMTP, and the renderer's only form)

    @Test func theRenderedMessageUsesCRLFOnly() throws {
        let content = try Self.content(text: Self.critical)
        let bytes = Array(
            AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
                content, date: content.fetchedAt
            ).utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
        }
    }

    /// The entry as it stood in the feed travels with the mail, so the MT has the evidence without the server;
    /// read back with Python's mail parser, byte for byte.
    @Test func theEntryIsAttachedAsText() throws {
        var content = try Self.content(text: Self.critical)
        let entry = "<entry><id>urn:1</id><content>\(Self.critical) – é ✓</content></entry>"
        content.rawEntry = Array(entry.utf8)
        let mail = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            content, date: Date(timeIntervalSince1970: 1_795_000_600))
        let path = Paths.temporaryFolder("attachment") + "/mail.eml"
        try Data(mail.utf8).write(to: URL(fileURLWithPath: path))
        let parsed = try MailReader.read(path)
        #expect(parsed.defects.isEmpty, "\(parsed.defects)")
        #expect(parsed.parts.map(\.contentType) == ["text/plain", "text/html", "text/plain"])
        #expect(parsed.parts[2].filename == "bericht-MW-000042.txt")
        #expect(parsed.parts[2].text == entry)
        #expect(parsed.parts[0].text?.contains("het bericht zoals opgehaald zit als bijlage bij deze mail") == true)
        // Without an entry, no attachment: the message stays multipart/alternative.
        content.rawEntry = []
        let bare = AlertMail(config: WorldFixture.config, timeZone: Self.amsterdam).render(
            content, date: Date(timeIntervalSince1970: 1_795_000_600))
        #expect(bare.contains("Content-Type: multipart/alternative") && !bare.contains("multipart/mixed"))
    }
}
