import Foundation
import TestSupport
import Testing

@testable import MentionRender

/// The digest mail as a reader gets it: parsed by Python's `email` package, and its HTML part drawn by
/// headless Chromium (tools/check-digest-html.py): sections in order, no scripts or images, not blank,
/// and the chart's bars really drawn. Skipped without Chromium, except in CI (.ci/run installs it).
struct DigestChromiumTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    @Test func theHTMLPartRendersInChromium() throws {
        guard Self.chromium != nil else {
            if ProcessInfo.processInfo.environment["MENTIONWATCH_REQUIRE_CHROMIUM"] == "1" {
                Issue.record("chromium is not installed (apt-get install chromium)")
            }
            return
        }
        let input = DigestHTMLTests.full
        let text = DigestText(config: WorldFixture.config)
        let mail = DigestMail(config: WorldFixture.config).render(
            text: text.render(input), html: DigestHTML(text: text).render(input), day: input.day,
            date: input.now)
        let folder = Paths.temporaryFolder("chromium")
        try Data(mail.utf8).write(to: URL(fileURLWithPath: folder + "/digest.eml"))
        let parsed = try MailReader.read(folder + "/digest.eml")
        #expect(parsed.defects.isEmpty && parsed.contentType == "multipart/alternative")
        let html = try #require(parsed.parts.first { $0.contentType == "text/html" }?.text)
        try Data(html.utf8).write(to: URL(fileURLWithPath: folder + "/digest.html"))

        let expected = [
            "Dagoverzicht mentionwatch", "Open zaken (2)", "Gemarkeerd (gemeld aan het MT)",
            "Nog niet bij het MT", "Te beoordelen", "Overige vermeldingen, per persoon",
            "<script>alert('x')</script>", "Per bron", "Afgelopen 14 dagen",
        ]
        let script = Paths.repositoryRoot + "/tools/check-digest-html.py"
        do {
            try run(
                "/usr/bin/env",
                ["python3", script, folder + "/digest.html"] + expected.flatMap { ["--expect", $0] })
        } catch let failure as ProcessFailure {
            Issue.record("\(failure.stdout)\(failure.stderr)")
        }
    }
}
