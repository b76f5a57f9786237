import Foundation
import Logging
import MentionMail
import MentionStore
import MentionRender
import MentionSchedule

public struct DeliveryReport: Sendable, Equatable {
    /// Subjects of the alerts delivered in this round.
    public var subjects: [String] = []
    public var sent: Int { subjects.count }
    public var waiting = 0
    public var error: String?
}

extension Monitor {
    /// Delivers waiting alerts; each is marked sent only after the spool accepted it.
    /// A spool failure stops the round (the rest wait for the next one); nothing is dropped.
    public func deliverAlerts() -> DeliveryReport {
        var report = DeliveryReport()
        let pending: [PendingAlert]
        do {
            pending = try store.pendingAlerts()
        } catch {
            report.error = "database: \(error)"
            logger.error("cannot read the alert outbox: \(error)")
            return report
        }
        let renderer = AlertMail(config: config)
        let date = now()
        // alerts.max_per_hour: the rest wait in the outbox for a later round; nothing is dropped.
        let budget = config.alerts.maxPerHour - ((try? store.alertsSent(since: date.addingTimeInterval(-3_600))) ?? 0)
        for (index, alert) in pending.enumerated() {
            guard index < budget else {
                report.waiting = pending.count - index
                logger.warning("\(report.waiting) alerts wait: alerts.max_per_hour (\(config.alerts.maxPerHour)) reached")
                return report
            }
            let messageID = renderer.messageID(for: alert.content)
            let message = renderer.render(alert.content, date: date)
            do {
                try spool.deliver(message, key: String(messageID.dropFirst().prefix { $0 != "@" }))
            } catch {
                report.error = "\(error)"
                report.waiting = pending.count - index
                try? store.recordAlertFailure(itemID: alert.itemID, error: "\(error)")
                logger.error("alert \(alert.content.caseNumber) not delivered, will retry: \("\(error)")")
                return report
            }
            do {
                try store.markAlertSent(itemID: alert.itemID, at: date)
                report.subjects.append(renderer.subject(alert.content))
                logger.notice("alert \(alert.content.caseNumber) delivered to the MT", metadata: ["feed": "\(alert.content.feedID)"])
            } catch {
                // Delivered but not marked: the next round finds the message in the spool and does not send it again.
                report.error = "database: \(error)"
                logger.error("alert \(alert.content.caseNumber) delivered but not marked sent: \(error)")
                return report
            }
        }
        return report
    }

    /// Retention (docs/operations.md): unflagged mentions are forgotten after `storage.retention.unflagged`.
    public func enforceRetention() {
        let cutoff = now().addingTimeInterval(-TimeInterval(config.storage.retainUnflagged))
        do {
            let purged = try store.purgeUnflagged(before: cutoff)
            if purged > 0 { logger.info("retention: forgot \(purged) unflagged mentions older than the retention period") }
        } catch {
            logger.error("retention failed: \(error)")
        }
    }

    public func digest(day: String, from: Date, to: Date) throws -> String {
        DigestText(config: config).render(try store.digestInput(day: day, from: from, to: to))
    }

    /// Delivers the digest of `day` unless it went out before; marked sent only after the spool accepted it.
    /// - Returns: false when it had been sent already.
    @discardableResult
    public func sendDigest(day: String, schedule: DigestSchedule) throws -> Bool {
        guard try !store.isDigestSent(day: day) else { return false }
        guard let range = schedule.range(of: day) else { throw MailSpoolError("not a day: \(day)") }
        let text = try digest(day: day, from: range.from, to: range.to)
        let date = now()
        try digestSpool.deliver(DigestMail(config: config).render(text, day: day, date: date), key: "digest-\(day)")
        try store.markDigestSent(day: day, at: date)
        logger.notice("digest for \(day) delivered to \(config.digest.to.joined(separator: ", "))")
        return true
    }

    /// Each configured feed's record and whether it has gone silent (docs/operations.md: source health).
    public func feedHealth() throws -> [(record: FeedRecord, silent: Bool)] {
        let date = now()
        let records = Dictionary(uniqueKeysWithValues: try store.allFeeds().map { ($0.id, $0) })
        return try config.feeds.compactMap { feed in
            guard let record = records[feed.id] else { return nil }
            return (record, FeedSilence.isSilent(newItemTimes: try store.newItemTimes(feedID: feed.id), now: date))
        }
    }
}
