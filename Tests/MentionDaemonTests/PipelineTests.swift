import Foundation
import Logging
import MentionFetch
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionMail
@testable import MentionMatch
@testable import MentionRender
@testable import MentionSchedule
@testable import MentionStore

/// The whole pipeline on real parts: a loopback HTTP server, libcurl, SQLite, a Maildir read back by Python's email package.
struct PipelineTests {
    static let demoFeeds = Paths.repositoryRoot + "/Sources/mentionwatch/Demo"
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }

    /// A world: a server with two good feeds and a broken one, and a config pointing at it.
    struct World {
        let server: FeedServer
        let folder: String
        let config: Config

        init(spool: String? = nil, maxPerHour: Int = 10) throws {
            server = try FeedServer()
            folder = Paths.temporaryFolder("pipeline")
            try server.write(
                "tag.atom",
                try String(contentsOfFile: PipelineTests.demoFeeds + "/mastodon-dezeehoek.atom", encoding: .utf8))
            try server.write(
                "forum.xml",
                try String(contentsOfFile: PipelineTests.demoFeeds + "/forum-westerveen.xml", encoding: .utf8))
            try server.write("broken.xml", "<!DOCTYPE html><html><body>Sorry, this page moved</body></html>")
            let yaml = """
                school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek], hashtags: ["#dezeehoek"], context: [school, juf, meester] }
                staff:
                  - { id: staff-01, name: Marieke Verbeek-Smit }
                  - { id: staff-03, name: Youssef El Amrani }
                  - { id: staff-06, name: Dirk-Jan Mulder, handles: ["@djmulder"] }
                  - { id: staff-08, name: Pieter Oosterhuis }
                feeds:
                  - { id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, kind: mastodon }
                  - { id: broken, url: "\(server.feedURL("broken.xml"))", allow_private: true }
                  - { id: forum, url: "\(server.feedURL("forum.xml"))", allow_private: true, kind: forum }
                alerts: { to: [mt@zeehoek-pro.example], from: mentionwatch@zeehoek-pro.example, spool: "maildir:\(spool ?? "maildir")", max_per_hour: \(maxPerHour) }
                digest: { spool: "maildir:coordinator" }
                storage: { database: state/mw.sqlite }
                fetch: { host_interval: 0s, per_host: 4 }
                """
            config = try ConfigParser.parse(yaml, file: "test.yaml", baseDirectory: folder)
        }

        var maildir: String { folder + "/maildir" }
        func delivered() -> [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []).sorted().map {
                maildir + "/new/" + $0
            }
        }
    }

    @Test func pollStoresAlertsOnceAndSurvivesABrokenFeed() async throws {
        let world = try World()
        let monitor = try Monitor(
            config: world.config, logger: Self.quiet, now: { Date(timeIntervalSince1970: 1_795_000_000) })

        let first = await monitor.pollAll()
        #expect(first.map(\.feedID) == ["tag", "broken", "forum"])
        #expect(first[0].newItems == 5 && first[0].flagged == 2 && first[0].error == nil)
        #expect(first[1].error == "not a feed (the document is <html>, expected RSS, Atom or JSON Feed)")
        #expect(first[2].newItems == 4 && first[2].flagged == 1 && first[2].error == nil)

        let delivery = await monitor.deliverAlerts()
        #expect(delivery.sent == 3 && delivery.waiting == 0 && delivery.error == nil)
        let mails = world.delivered()
        #expect(mails.count == 3)
        var subjects: [String] = []
        for path in mails {
            let mail = try MailReader.read(path)
            #expect(mail.defects.isEmpty, "\(mail.defects)")
            #expect(mail.header("To") == "mt@zeehoek-pro.example")
            // The text, the same as HTML, and the entry as it stood in the feed, attached.
            #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html", "text/plain"])
            let text = try #require(mail.parts.first?.text)
            let caseNumber = try #require(mail.header("X-Mentionwatch-Case"))
            #expect(mail.parts.last?.filename == "bericht-\(caseNumber).txt")
            let attached = try #require(mail.parts.last?.text)
            #expect(attached.hasPrefix("<entry") || attached.hasPrefix("<item"), "\(attached.prefix(40))")
            #expect(text.contains("Zaaknummer: \(caseNumber)"))
            #expect(text.contains("Protocol: Route B"))
            subjects.append(try #require(mail.header("Subject")))
        }
        #expect(subjects.contains { $0.contains("Bedreigen") && $0.contains("Youssef El Amrani") })
        #expect(subjects.contains { $0.contains("Schelden of beledigen") && $0.contains("Marieke Verbeek-Smit") })

        // The database: validators for good feeds, a plain-words error for the broken one, evidence for flagged items.
        let store = try Store(path: world.config.storage.database)
        let feeds = Dictionary(uniqueKeysWithValues: try store.allFeeds().map { ($0.id, $0) })
        #expect(feeds["tag"]?.etag != nil && feeds["tag"]?.lastModified != nil && feeds["tag"]?.failures == 0)
        #expect(feeds["broken"]?.failures == 1 && feeds["broken"]?.lastError?.hasPrefix("not a feed") == true)
        let evidence = try #require(
            try store.db.query(
                "SELECT count(*) AS rows, sum(length(raw) > 0 AND length(sha256) = 64) AS hashed FROM evidence"
            ).first)
        #expect(try evidence["rows"].int == 3 && evidence["hashed"].int == 3)
        // The whole response as fetched is hashed too: the hash of the file the server sent.
        let served = try Data(contentsOf: URL(fileURLWithPath: world.server.directory + "/tag.atom"))
        let documents = try store.db.query(
            "SELECT DISTINCT e.document_sha256 FROM evidence e JOIN items i ON i.id = e.item_id WHERE i.feed_id = 'tag'"
        )
        #expect(try documents.map { try $0["document_sha256"].string } == [SHA256.hex(served)])
        let unflaggedEvidence = try store.db.query(
            "SELECT count(*) AS rows FROM evidence e JOIN items i ON i.id = e.item_id WHERE i.flagged = 0")
        #expect(try unflaggedEvidence.first?["rows"].int == 0)

        // Second poll: conditional requests answered 304, nothing new, no mail sent twice.
        let second = await monitor.pollAll()
        #expect(second[0].notModified && second[2].notModified)
        #expect(second[1].error != nil)
        let again = await monitor.deliverAlerts()
        #expect(again.sent == 0)
        #expect(world.delivered().count == 3)
        guard
            case .success(.fetched(let logBody)) = await CurlFetcher().fetch(
                FetchRequest(url: world.server.url("__log"), allowPrivate: true)
            ).outcome
        else {
            Issue.record("the test server's log is unreadable")
            return
        }
        let statuses = try JSONDecoder().decode([RequestLog].self, from: Data(logBody.body)).filter {
            $0.path.hasSuffix("tag.atom")
        }.map(\.status)
        #expect(statuses == [200, 304])
    }

    @Test func anUnwritableSpoolLosesNothingAndAFixedOneDeliversOnce() async throws {
        let blocker = Paths.temporaryFolder("blocker") + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: blocker))
        let world = try World(spool: blocker + "/maildir")
        let monitor = try Monitor(config: world.config, logger: Self.quiet)
        _ = await monitor.pollAll()
        let failed = await monitor.deliverAlerts()
        #expect(failed.sent == 0 && failed.waiting == 3)
        #expect(failed.error?.contains(blocker) == true)

        var fixed = world.config
        fixed.alerts.spool = .maildir(path: world.maildir)
        var otherDatabase = fixed
        otherDatabase.storage.database += "-other"
        await #expect(throws: Monitor.ReloadError.self) { try await monitor.apply(otherDatabase) }
        try await monitor.apply(fixed)
        let delivered = await monitor.deliverAlerts()
        let repeated = await monitor.deliverAlerts()
        #expect(delivered.sent == 3)
        #expect(repeated.sent == 0)
        #expect(world.delivered().count == 3)
    }

    @Test func aCrashAfterDeliveryBeforeMarkingSendsNoSecondCopy() async throws {
        let world = try World()
        let monitor = try Monitor(config: world.config, logger: Self.quiet)
        _ = await monitor.pollAll()
        // Deliver the first alert the way the outbox does, but "crash" before it is marked sent.
        let store = try Store(path: world.config.storage.database)
        let pending = try #require(try store.pendingAlerts().first).get()
        let mail = AlertMail(config: world.config, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let key = String(mail.messageID(for: pending.content).dropFirst().prefix { $0 != "@" })
        try MaildirSpool(path: world.maildir).deliver(mail.render(pending.content, date: Date()), key: key)
        #expect(world.delivered().count == 1)

        let report = await monitor.deliverAlerts()
        #expect(report.sent == 3)
        #expect(world.delivered().count == 3)
    }
}

extension PipelineTests {
    @Test func theDigestIsDeliveredOncePerDay() async throws {
        let world = try World()
        _ = await (try Monitor(config: world.config, logger: Self.quiet)).pollAll()
        let schedule = DigestSchedule(world.config.digest, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let today = schedule.dayString(Date())
        // Sent when the day is over, as the daemon does at digest.at (a day not over is sent as it stands).
        let dayOver = try #require(schedule.range(of: today)).to.addingTimeInterval(60)
        let monitor = try Monitor(config: world.config, logger: Self.quiet, now: { dayOver })
        let first = try await monitor.sendDigest(day: today, schedule: schedule)
        let second = try await monitor.sendDigest(day: today, schedule: schedule)
        #expect(first && !second)
        let coordinator = world.folder + "/coordinator/new"
        let digests = try FileManager.default.contentsOfDirectory(atPath: coordinator).map {
            try MailReader.read(coordinator + "/" + $0)
        }
        #expect(digests.count == 1)
        #expect(digests.first?.header("Subject") == "[mentionwatch] Dagoverzicht \(today) – Praktijkschool De Zeehoek")
        #expect(digests.first?.header("To") == "coordinator@localhost")
        #expect(world.delivered().isEmpty)  // nothing in the MT's Maildir: no alerts were delivered in this test
        // multipart/alternative, read by Python's email package: the text part, then the HTML part, no defects.
        let mail = try #require(digests.first)
        #expect(mail.contentType == "multipart/alternative" && mail.defects.isEmpty)
        #expect(mail.parts.map(\.contentType) == ["text/plain", "text/html"])
        let text = try #require(mail.parts.first?.text)
        #expect(text.contains("Nieuwe vermeldingen: 8, waarvan gemarkeerd: 3"))
        #expect(text.contains("broken"))
        #expect(text.contains("Afgelopen 14 dagen:\n") && text.hasSuffix("  \(today)             8           3\n"))
        let html = try #require(mail.parts.last?.text)
        #expect(html.contains("Nieuwe vermeldingen: 8, waarvan gemarkeerd: 3") && html.contains("broken"))
        #expect(html.contains("Afgelopen 14 dagen</h2>") && !html.contains("<script"))
        #expect(digests.first?.header("Message-ID") == "<mw-digest-\(today)@zeehoek-pro.example>")
    }
}

extension PipelineTests {
    /// Losing the database must neither silence new alerts (row numbers start again) nor resend old ones.
    @Test func aRecreatedDatabaseSendsNewAlertsButNoOldOnesAgain() async throws {
        let world = try World()
        do {
            let monitor = try Monitor(config: world.config, logger: Self.quiet)
            _ = await monitor.pollAll()
            #expect(await monitor.deliverAlerts().sent == 3)
        }
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: world.config.storage.database + suffix)
        }
        let atom = try String(contentsOfFile: Self.demoFeeds + "/mastodon-dezeehoek.atom", encoding: .utf8)
        let extra = """
            <entry><id>https://social.example/@nieuw/1</id><title>nieuw</title>
            <content type="html">meester Pieter is een klootzak</content></entry>
            </feed>
            """
        try world.server.write("tag.atom", atom.replacingOccurrences(of: "</feed>", with: extra))
        let monitor = try Monitor(config: world.config, logger: Self.quiet)
        _ = await monitor.pollAll()
        let report = await monitor.deliverAlerts()
        // Three mails accepted by the spool: two it already held, and one new: the new post about meester
        // Pieter folded in with the old one of his case, under a Message-ID of its own, so not taken for a copy.
        #expect(report.sent == 3)
        #expect(world.delivered().count == 4)
        let folded = try world.delivered().map { try MailReader.read($0) }.filter {
            $0.parts.first?.text?.contains("meester Pieter is een klootzak") == true
        }
        #expect(folded.count == 1)
        #expect(folded.first?.parts.first?.text?.contains("2 berichten over dezelfde persoon in deze mail") == true)
    }
}

extension PipelineTests {
    /// A clock the test moves by hand.
    final class ManualClock: @unchecked Sendable {  // only touched from the test's own task
        var now = Date(timeIntervalSince1970: 1_795_000_000)
    }

    @Test func maxPerHourHoldsBackAlertsWithoutDroppingThem() async throws {
        let world = try World(maxPerHour: 2)
        let clock = ManualClock()
        let monitor = try Monitor(config: world.config, logger: Self.quiet, now: { clock.now })
        _ = await monitor.pollAll()
        let first = await monitor.deliverAlerts()
        #expect(first.sent == 2 && first.waiting == 1)
        clock.now += 1_800
        let halfHourLater = await monitor.deliverAlerts()
        #expect(halfHourLater.sent == 0 && halfHourLater.waiting == 1)
        clock.now += 1_801
        let hourLater = await monitor.deliverAlerts()
        #expect(hourLater.sent == 1 && hourLater.waiting == 0)
        #expect(world.delivered().count == 3)
    }
}

struct RequestLog: Decodable {
    var path: String
    var status: Int
}
