import FeedKit
import Foundation
import MentionConfig
import MentionMail
import MentionSchedule
import TestSupport
import Testing

@testable import MentionDaemon
@testable import MentionStore

/// The outbox over SMTP, against a real SMTP server (aiosmtpd) on 127.0.0.1: each recipient's answer is
/// kept, so no alert is lost and none reaches a recipient twice.
@Suite(.serialized)
struct SmtpDeliveryTests {
    static let mt = "mt@zeehoek-pro.example"
    static let director = "directie@zeehoek-pro.example"

    static func setUp() async throws -> (PipelineTests.World, Store, SmtpServer, Config) {
        try #require(SmtpServer.isAvailable, "the SMTP test server needs Debian's python3-aiosmtpd (make deps)")
        let (world, store) = try await AlertDeliveryTests.world()
        let server = try SmtpServer()
        var config = world.config
        var target = SmtpTarget(url: "smtp://127.0.0.1:\(server.port)", host: "127.0.0.1")
        target.requireStartTLS = false
        config.alerts.spool = .smtp(target)
        config.alerts.to = [mt, director]
        return (world, store, server, config)
    }

    static func delivery(_ store: Store, _ config: Config, errors: DatabaseErrors? = nil) -> AlertDelivery {
        AlertDelivery(
            outbox: store, spool: MailSpools.make(config.alerts.spool), config: config,
            errors: errors ?? DatabaseErrors(logger: PipelineTests.quiet), logger: PipelineTests.quiet)
    }

    static func messageIDs(_ server: SmtpServer, _ recipient: String) throws -> [String] {
        try server.delivered(to: recipient).map { try MailReader.read($0).header("Message-ID") ?? "" }
    }

    /// A 4xx for one recipient: the other has the alerts at once; the next round goes to the waiting one
    /// only, with the same Message-IDs, and then the alerts leave the outbox.
    @Test func aTemporaryRefusalIsRetriedForThatRecipientOnly() async throws {
        let (_, store, server, config) = try await Self.setUp()
        try server.setRules(#"{"defer": ["directie@zeehoek-pro.example"]}"#)
        var delivery = Self.delivery(store, config)
        let first = delivery.deliver(at: AlertDeliveryTests.now)
        #expect(first.sent == 0 && first.waiting == 3, "\(first)")
        #expect(first.error?.contains("451 4.3.0 <directie@zeehoek-pro.example>") == true, "\(first)")
        #expect(try Self.messageIDs(server, Self.mt).count == 1)  // the round stops at the first mail
        #expect(try Self.messageIDs(server, Self.director).isEmpty)
        #expect(try store.pendingAlerts().count == 3)

        try server.setRules("{}")
        let second = delivery.deliver(at: AlertDeliveryTests.now.addingTimeInterval(60))
        #expect(second.sent == 3 && second.error == nil, "\(second)")
        #expect(try store.pendingAlerts().isEmpty)
        let toMT = try Self.messageIDs(server, Self.mt)
        let toDirector = try Self.messageIDs(server, Self.director)
        #expect(toMT.count == 3 && Set(toMT).count == 3, "\(toMT)")
        #expect(Set(toDirector) == Set(toMT) && toDirector.count == 3, "\(toDirector)")
        // The RCPT log: the MT's address was asked for each mail exactly once.
        #expect(server.log.filter { $0 == "RCPT \(Self.mt) 250" }.count == 3, "\(server.log)")
    }

    /// A post that joins the case while one recipient waits after a 4xx: the recipient who had the first
    /// post gets a mail of the new post only; the waiting one gets both in one mail. Nobody gets a post twice.
    @Test func aPostJoiningTheCaseIsNotSentAgainToWhoHadTheEarlierOnes() async throws {
        let (_, store, server, allConfig) = try await Self.setUp()
        var config = allConfig
        config.alerts.maxPerHour = 100
        try server.setRules(#"{"defer": ["directie@zeehoek-pro.example"]}"#)
        var delivery = Self.delivery(store, config)
        let firstAlert = try #require(try store.pendingAlerts().first?.get())
        _ = delivery.deliver(at: AlertDeliveryTests.now)
        let mtBefore = try Self.messageIDs(server, Self.mt).count
        #expect(mtBefore == 1)  // the round stopped at the first case's deferral
        var item = FeedItem(id: "joins", title: "nog een", link: "https://social.example/joins")
        item.summary = "nog een bericht"
        item.raw = Array("<entry><id>joins</id></entry>".utf8)
        let assessment = try #require(try store.alertContent(itemID: firstAlert.itemID)).assessment
        var new = NewItem(
            feedID: "tag", item: item, fetchedAt: AlertDeliveryTests.now.addingTimeInterval(5), assessment: assessment,
            sourceURL: "https://social.example/tags/dezeehoek.rss", documentSHA256: String(repeating: "d", count: 64))
        new.groupWindow = 3_600
        try #require(try store.insert(new) != nil)

        try server.setRules("{}")
        let second = delivery.deliver(at: AlertDeliveryTests.now.addingTimeInterval(120))
        #expect(second.error == nil, "\(second)")
        #expect(try store.pendingAlerts().isEmpty)
        let toMT = try server.delivered(to: Self.mt).map { try MailReader.read($0) }
        let toDirector = try server.delivered(to: Self.director).map { try MailReader.read($0) }
        // The MT: the first post once, then the joining post alone (and the other cases).
        let mtTexts = toMT.map { $0.parts.map { $0.text ?? "" }.joined() }
        #expect(mtTexts.filter { $0.contains("nog een bericht") }.count == 1, "\(mtTexts.count) mails")
        let firstLink = try #require(firstAlert.content.link)
        #expect(mtTexts.filter { $0.contains(firstLink) }.count == 1, "the first post reached the MT again")
        #expect(Set(toMT.map { $0.header("Message-ID") }).count == toMT.count)
        // The director: the first post and the joining one together, in one mail.
        let both = toDirector.filter { mail in
            let text = mail.parts.map { $0.text ?? "" }.joined()
            return text.contains("nog een bericht") && text.contains(firstAlert.content.caseNumber)
        }
        #expect(both.count == 1, "\(toDirector.count) mails to the director")
    }

    /// A 5xx for one recipient is logged and not retried; the alert reaches the others and leaves the outbox.
    @Test func aRefusedRecipientIsLoggedAndTheOthersGetTheAlert() async throws {
        let (_, store, server, config) = try await Self.setUp()
        try server.setRules(#"{"refuse": ["directie@zeehoek-pro.example"]}"#)
        var delivery = Self.delivery(store, config)
        let round = delivery.deliver(at: AlertDeliveryTests.now)
        #expect(round.sent == 3, "\(round)")
        #expect(try store.pendingAlerts().isEmpty)
        #expect(try Self.messageIDs(server, Self.mt).count == 3)
        let refusals = try store.db.query("SELECT detail FROM mail_recipients WHERE outcome = 'refused'")
        #expect(refusals.count == 3)
        #expect(try refusals.first?["detail"].string?.contains("550 5.1.1") == true)
    }

    /// Every recipient refused: the alert stays in the outbox (the digest shows it) and does not hold up
    /// the others; nothing is tried again until alerts.to changes.
    @Test func anAlertEveryoneRefusesWaitsWithoutBlockingTheRest() async throws {
        let (_, store, server, config) = try await Self.setUp()
        var oneRecipient = config
        oneRecipient.alerts.to = [Self.mt]
        try server.setRules(#"{"refuse": ["mt@zeehoek-pro.example"]}"#)
        var delivery = Self.delivery(store, oneRecipient)
        let round = delivery.deliver(at: AlertDeliveryTests.now)
        #expect(round.sent == 0 && round.waiting == 3 && round.error?.contains("refused") == true, "\(round)")
        let asked = server.log.count
        #expect(asked == 3)  // one RCPT per mail: the refusal of the first did not stop the round
        _ = delivery.deliver(at: AlertDeliveryTests.now.addingTimeInterval(60))
        #expect(server.log.count == asked)  // not asked again
        #expect(try store.pendingAlerts().count == 3)

        oneRecipient.alerts.to = [Self.director]
        var fixed = Self.delivery(store, oneRecipient)
        #expect(fixed.deliver(at: AlertDeliveryTests.now.addingTimeInterval(120)).sent == 3)
        #expect(try store.pendingAlerts().isEmpty)
    }

    /// The digest over the same server: a deferred recipient makes the send fail (the digest service
    /// retries), and the retry reaches only the one still waiting.
    @Test func theDigestIsSentToEachRecipientOnce() async throws {
        let (world, _, server, alertConfig) = try await Self.setUp()
        var config = alertConfig
        config.digest.spool = config.alerts.spool
        config.digest.to = [Self.mt, Self.director]
        try server.setRules(#"{"defer": ["directie@zeehoek-pro.example"]}"#)
        let schedule = DigestSchedule(config.digest, timeZone: TimeZone(identifier: "Europe/Amsterdam")!)
        let day = schedule.dayString(AlertDeliveryTests.now)
        let dayOver = try #require(schedule.range(of: day)).to.addingTimeInterval(60)
        let monitor = try Monitor(config: config, logger: PipelineTests.quiet, now: { dayOver })
        await #expect(throws: MailSpoolError.self) { try await monitor.sendDigest(day: day, schedule: schedule) }
        try server.setRules("{}")
        #expect(try await monitor.sendDigest(day: day, schedule: schedule))
        #expect(try await !monitor.sendDigest(day: day, schedule: schedule))
        #expect(try Self.messageIDs(server, Self.mt).count == 1)
        #expect(try Self.messageIDs(server, Self.director).count == 1)
        _ = world
    }
}
