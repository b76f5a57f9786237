import FeedKit
import Foundation
import Logging
import MentionMail
import TestSupport
import Testing

@testable import MentionDaemon
@testable import MentionStore

/// The outbox never loses an alert and never sends one twice, also when the database misbehaves.
struct AlertDeliveryTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A polled world with three flagged posts waiting in the outbox.
    static func world() async throws -> (PipelineTests.World, Store) {
        let world = try PipelineTests.World()
        _ = try await Monitor(config: world.config, logger: PipelineTests.quiet, now: { now }).pollAll()
        let store = try Store(path: world.config.storage.database)
        try #require(try store.pendingAlerts().count == 3)
        return (world, store)
    }

    @Test func anUnreadableAlertWaitsAndTheOthersGoOutWithTheProblemReportedOnce() async throws {
        let (world, store) = try await Self.world()
        let first = try #require(try store.pendingAlerts().first?.get().itemID)
        // A category this build does not know (a newer build's row, or a hand edit).
        try store.db.query("UPDATE findings SET category = 'bullying' WHERE item_id = ?", [.integer(first)])
        let log = CollectedLog()
        let errors = DatabaseErrors(logger: Logger(label: "test") { _ in log })
        var delivery = AlertDelivery(
            outbox: store, spool: MaildirSpool(path: world.maildir), config: world.config, errors: errors,
            logger: PipelineTests.quiet)

        let round = delivery.deliver(at: Self.now)
        #expect(round.sent == 2 && round.waiting == 1)
        #expect(
            round.error
                == "alert \(caseNumber(itemID: first)) cannot be read from the database: finding of item \(first): unknown category \"bullying\""
        )
        #expect(world.delivered().count == 2)
        #expect(
            errors.count == 1 && log.lines.count == 1
                && log.lines[0].contains("cannot read alert \(caseNumber(itemID: first))"))
        let recorded = try store.db.query("SELECT last_error, sent_at FROM alerts WHERE item_id = ?", [.integer(first)])
        #expect(try recorded.first?["last_error"].string?.hasSuffix("unknown category \"bullying\"") == true)
        #expect(try recorded.first?["sent_at"].int == nil)

        // The next round: still waiting, not reported again.
        let next = delivery.deliver(at: Self.now.addingTimeInterval(60))
        #expect(next.sent == 0 && next.waiting == 1)
        #expect(errors.count == 1 && log.lines.count == 1)
    }

    /// The real store, except that marking an alert sent fails once (an injected fault).
    final class MarkFailsOnce: AlertOutbox, @unchecked Sendable {  // used from one test only
        let store: Store
        var failed = false
        init(store: Store) { self.store = store }
        struct Fault: Error, CustomStringConvertible { var description: String { "database is locked (injected)" } }
        func pendingAlerts() throws -> [Result<PendingAlert, UnreadableAlert>] { try store.pendingAlerts() }
        func alertsSent(since date: Date) throws -> Int { try store.alertsSent(since: date) }
        func markAlertSent(itemID: Int64, at date: Date) throws {
            if !failed {
                failed = true
                throw Fault()
            }
            try store.markAlertSent(itemID: itemID, at: date)
        }
        func recordAlertFailure(itemID: Int64, error: String) throws {
            try store.recordAlertFailure(itemID: itemID, error: error)
        }
        func recipientsDone(messageKey: String) throws -> (accepted: Set<String>, refused: Set<String>) {
            try store.recipientsDone(messageKey: messageKey)
        }
        func recordRecipient(messageKey: String, recipient: String, accepted: Bool, detail: String?, at date: Date)
            throws
        {
            try store.recordRecipient(
                messageKey: messageKey, recipient: recipient, accepted: accepted, detail: detail, at: date)
        }
    }

    @Test func anAlertDeliveredButNotMarkedIsMarkedLaterAndNeverSentTwiceThroughSendmail() async throws {
        let (world, store) = try await Self.world()
        // A real sendmail stand-in that keeps every message it is given (unlike a Maildir, it cannot
        // notice a copy: the outbox itself must not send one).
        let folder = Paths.temporaryFolder("sendmail")
        let script = folder + "/sendmail"
        try run(
            "/bin/sh", ["-c", "cat > \"$0\" && chmod 700 \"$0\"", script],
            stdin: "#!/bin/sh\ncat >> '\(folder)/messages'\nprintf '\\n--next--\\n' >> '\(folder)/messages'\n")
        let outbox = MarkFailsOnce(store: store)
        let errors = DatabaseErrors(logger: PipelineTests.quiet)
        var delivery = AlertDelivery(
            outbox: outbox, spool: SendmailSpool(path: script), config: world.config, errors: errors,
            logger: PipelineTests.quiet)

        let first = delivery.deliver(at: Self.now)
        #expect(first.sent == 1 && first.error == "database: database is locked (injected)")
        let second = delivery.deliver(at: Self.now.addingTimeInterval(60))
        #expect(second.sent == 2 && second.error == nil)
        #expect(try store.pendingAlerts().isEmpty)
        // All three count for max_per_hour, the late-marked one at the time it was delivered.
        #expect(try store.alertsSent(since: Self.now) == 3)
        let messages = try String(contentsOfFile: folder + "/messages", encoding: .utf8)
        let ids = messages.split(separator: "\n").filter { $0.hasPrefix("Message-ID:") }
        #expect(ids.count == 3 && Set(ids).count == 3, "\(ids)")
        #expect(errors.count == 1)
    }

    /// A burst about one person waiting in one round is one mail with every post and every entry, and
    /// `max_per_hour` counts it once; a later post of that case follows it up in a mail of its own.
    @Test func aBurstIsOneMailAndCountsOnce() async throws {
        let (world, store) = try await Self.world()
        var config = world.config
        config.alerts.maxPerHour = 1
        // Three more posts about the same person as the first alert's case, in the same hour.
        let firstAlert = try #require(try store.pendingAlerts().first?.get())
        let subjectItem = firstAlert.itemID
        var more: [Int64] = []
        for n in 1...3 {
            var item = FeedItem(id: "burst\(n)", title: "nog een \(n)", link: "https://social.example/burst\(n)")
            item.summary = "nog een bericht \(n)"
            item.raw = Array("<entry><id>burst\(n)</id></entry>".utf8)
            let assessment = try #require(try store.alertContent(itemID: subjectItem)).assessment
            var new = NewItem(
                feedID: "tag", item: item, fetchedAt: Self.now.addingTimeInterval(Double(n)), assessment: assessment,
                sourceURL: "https://social.example/tags/dezeehoek.rss",
                documentSHA256: String(repeating: "c", count: 64))
            new.groupWindow = 3_600
            more.append(try #require(try store.insert(new)))
        }
        #expect(try store.caseSummary(String(subjectItem))?.itemIDs.count == 4)
        var delivery = AlertDelivery(
            outbox: store, spool: MaildirSpool(path: world.maildir), config: config,
            errors: DatabaseErrors(logger: PipelineTests.quiet), logger: PipelineTests.quiet)
        let round = delivery.deliver(at: Self.now.addingTimeInterval(10))
        #expect(round.sent == 1)  // the case's four posts in one mail; the budget of one is spent
        #expect(round.waiting == 2)  // the other two cases wait for the next hour
        let mail = try MailReader.read(try #require(world.delivered().first))
        #expect(mail.parts.first?.text?.contains("4 berichten over dezelfde persoon in deze mail") == true)
        #expect(mail.parts.filter { $0.filename != nil }.count == 4)
        #expect(try store.alertsSent(since: Self.now) == 1)
        for id in [subjectItem] + more {
            #expect(
                try store.db.query("SELECT sent_at FROM alerts WHERE item_id = ?", [.integer(id)]).first?["sent_at"].int
                    != nil)
        }
    }
}
