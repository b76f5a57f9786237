import Foundation
import Logging
import TestSupport
import Testing

@testable import MentionDaemon
@testable import MentionMail
@testable import MentionStore

/// Database errors are never swallowed: each is logged with its feed and counted, and a failed read
/// never lets the daemon act as if it knew (no blind poll, no alert past max_per_hour).
struct DatabaseErrorTests {
    /// The real store, except that counting the alerts sent fails (an injected fault).
    struct CountFails: AlertOutbox {
        let store: Store
        struct Fault: Error, CustomStringConvertible { var description: String { "disk I/O error (injected)" } }
        func pendingAlerts() throws -> [Result<PendingAlert, UnreadableAlert>] { try store.pendingAlerts() }
        func alertsSent(since date: Date) throws -> Int { throw Fault() }
        func markAlertSent(itemID: Int64, at date: Date) throws { try store.markAlertSent(itemID: itemID, at: date) }
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

    @Test func aFailedCountHoldsTheRoundBackAndTheNextRoundKeepsMaxPerHour() async throws {
        let world = try PipelineTests.World(maxPerHour: 2)
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        _ = try await Monitor(config: world.config, logger: PipelineTests.quiet, now: { now }).pollAll()
        let store = try Store(path: world.config.storage.database)
        let log = CollectedLog()
        let errors = DatabaseErrors(logger: Logger(label: "test") { _ in log })
        var delivery = AlertDelivery(
            outbox: CountFails(store: store), spool: MaildirSpool(path: world.maildir), config: world.config,
            errors: errors, logger: PipelineTests.quiet)

        let held = delivery.deliver(at: now)
        #expect(held.sent == 0 && held.waiting == 3)
        #expect(held.error == "database: disk I/O error (injected)")
        #expect(world.delivered().isEmpty)
        #expect(errors.count == 1)
        #expect(
            log.lines == [
                "error: database: cannot count the alerts sent in the last hour (3 alerts wait for the next round): disk I/O error (injected)"
            ])

        delivery = AlertDelivery(
            outbox: store, spool: delivery.spool, config: world.config, errors: errors, logger: PipelineTests.quiet)
        let next = delivery.deliver(at: now.addingTimeInterval(60))
        #expect(next.sent == 2 && next.waiting == 1 && next.error == nil)
        #expect(world.delivered().count == 2)
        #expect(errors.count == 1)
    }

    @Test func anUnreadableFeedRecordIsLoggedWithItsFeedCountedAndNotPolledBlindly() async throws {
        let world = try PipelineTests.World()
        let log = CollectedLog()
        let monitor = try Monitor(config: world.config, logger: Logger(label: "test") { _ in log })
        // Another connection takes the feeds table away: every read of a feed's record now fails.
        try Store(path: world.config.storage.database).db.execute("ALTER TABLE feeds RENAME TO feeds_gone")

        let summaries = await monitor.pollAll()
        #expect(summaries.map(\.feedID) == ["tag", "broken", "forum"])
        #expect(summaries.allSatisfy { $0.error?.hasPrefix("database: SQLite error") == true }, "\(summaries)")
        // One for the schedule (read once for the round), one per feed.
        #expect(await monitor.databaseErrors == 4)
        for feed in ["tag", "broken", "forum"] {
            #expect(
                log.lines.filter { $0.hasPrefix("error: database: cannot read the record of feed \(feed): ") }.count
                    == 1, "\(log.lines)")
        }
        #expect(log.lines.filter { $0.hasPrefix("error: database: cannot read the feeds' schedule: ") }.count == 1)
        // Not one request reached the server: no poll without its validators and backoff.
        let requests = try await world.server.arrivals()
        #expect(requests.isEmpty, "\(requests)")
    }
}
