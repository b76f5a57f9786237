import Foundation
import Logging
import MentionConfig
import MentionMail
import MentionRender
import MentionStore

public struct DeliveryReport: Sendable, Equatable {
    /// Subjects of the alerts delivered in this round.
    public var subjects: [String] = []
    public var sent: Int { subjects.count }
    public var waiting = 0
    public var error: String?
}

/// What alert delivery needs of the database: the outbox and how many went out lately.
/// A protocol so that a test can make one of these reads fail; the daemon uses `Store`.
protocol AlertOutbox {
    func pendingAlerts() throws -> [PendingAlert]
    func alertsSent(since date: Date) throws -> Int
    func markAlertSent(itemID: Int64, at date: Date) throws
    func recordAlertFailure(itemID: Int64, error: String) throws
}

extension Store: AlertOutbox {}

/// Delivers the alert outbox to the MT's spool, at most `alerts.max_per_hour` an hour. Each alert
/// is marked sent only after the spool accepted it; nothing is ever dropped, only held back.
struct AlertDelivery {
    let outbox: any AlertOutbox
    var spool: any MailSpool
    var config: Config
    let errors: DatabaseErrors
    let logger: Logger

    /// One round. A spool failure stops it (the rest wait for the next one). So does a failed count of
    /// the alerts sent in the last hour: not knowing it, the round cannot keep `max_per_hour`.
    func deliver(at date: Date) -> DeliveryReport {
        var report = DeliveryReport()
        let pending: [PendingAlert]
        do {
            pending = try outbox.pendingAlerts()
        } catch {
            report.error = "database: \(error)"
            errors.record(error, while: "read the alert outbox")
            return report
        }
        guard !pending.isEmpty else { return report }
        let sentLastHour: Int
        do {
            sentLastHour = try outbox.alertsSent(since: date.addingTimeInterval(-3_600))
        } catch {
            report.error = "database: \(error)"
            report.waiting = pending.count
            errors.record(
                error, while: "count the alerts sent in the last hour (\(pending.count) alerts wait for the next round)"
            )
            return report
        }
        let budget = config.alerts.maxPerHour - sentLastHour
        let renderer = AlertMail(config: config)
        for (index, alert) in pending.enumerated() {
            guard index < budget else {
                report.waiting = pending.count - index
                logger.warning(
                    "\(report.waiting) alerts wait: alerts.max_per_hour (\(config.alerts.maxPerHour)) reached")
                return report
            }
            let messageID = renderer.messageID(for: alert.content)
            let message = renderer.render(alert.content, date: date)
            let feedID = alert.content.feedID
            do {
                try spool.deliver(message, key: String(messageID.dropFirst().prefix { $0 != "@" }))
            } catch {
                report.error = "\(error)"
                report.waiting = pending.count - index
                logger.error(
                    "alert \(alert.content.caseNumber) not delivered, will retry: \("\(error)")",
                    metadata: ["feed": "\(feedID)"])
                do {
                    try outbox.recordAlertFailure(itemID: alert.itemID, error: "\(error)")
                } catch let databaseError {
                    errors.record(
                        databaseError, while: "record the failed delivery of alert \(alert.content.caseNumber)",
                        feedID: feedID)
                }
                return report
            }
            do {
                try outbox.markAlertSent(itemID: alert.itemID, at: date)
                report.subjects.append(renderer.subject(alert.content))
                logger.notice("alert \(alert.content.caseNumber) delivered to the MT", metadata: ["feed": "\(feedID)"])
            } catch {
                // Delivered but not marked: the next round finds the message in the spool and does not send it again.
                report.error = "database: \(error)"
                errors.record(
                    error, while: "mark alert \(alert.content.caseNumber) sent (it was delivered)", feedID: feedID)
                return report
            }
        }
        return report
    }
}
