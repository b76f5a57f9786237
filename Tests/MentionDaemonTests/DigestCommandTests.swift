import Foundation
import MentionSchedule
import TestSupport
import Testing

/// `mentionwatch digest --send` with the real binary (issue 14): today's digest by default, after the
/// digest the daemon missed; each day once. `digest --html` prints the HTML part.
struct DigestCommandTests {
    @Test func sendCatchesUpTheMissedDayThenSendsTodaySoFar() throws {
        let (folder, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        // The send time is midnight: the day before is due whenever the test runs, and it was missed.
        let yaml = try String(contentsOfFile: config, encoding: .utf8)
        try Data(
            (yaml + "\ndigest: { at: \"00:00\", timezone: Europe/Amsterdam, spool: \"maildir:coordinator\" }\n").utf8
        ).write(to: URL(fileURLWithPath: config))
        let run = { (arguments: [String]) in try CommandLineTests.mentionwatch(arguments + ["--config", config]) }
        #expect(try run(["poll", "--once", "--all"]).status == 0)
        let schedule = DigestSchedule(hour: 0, minute: 0, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let today = schedule.dayString(Date())
        let due = schedule.dueDay(at: Date())
        let digests = { (try? FileManager.default.contentsOfDirectory(atPath: folder + "/coordinator/new")) ?? [] }

        let first = try run(["digest", "--send"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stdout
                == "digest for \(due) delivered\ndigest for \(today) so far delivered; the whole day's follows at digest.at\n"
        )
        #expect(digests().count == 2)
        // The missed day is sent once; today's, not over yet, is sent as it stands each time someone asks,
        // and never recorded as the day's: the whole day's digest still goes out at digest.at.
        Thread.sleep(forTimeInterval: 1.1)  // an interim digest is named by its second
        let second = try run(["digest", "--send"])
        #expect(second.stdout == "digest for \(today) so far delivered; the whole day's follows at digest.at\n")
        #expect(digests().count == 3)

        // Today's mail lists what was polled today, in both parts.
        let todays = try #require(digests().first { $0.contains(today) })
        let mail = try MailReader.read(folder + "/coordinator/new/" + todays)
        #expect(mail.header("Subject")?.contains("Dagoverzicht \(today)") == true)
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        #expect(mail.parts.allSatisfy { $0.text?.contains("Open zaken (1)") == true })

        let html = try run(["digest", "--html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>") && html.stdout.contains("Afgelopen 14 dagen</h2>"))
    }
}
