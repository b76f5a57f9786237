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
protocol AlertOutbox: RecipientLedger {
    func pendingAlerts() throws -> [Result<PendingAlert, UnreadableAlert>]
    func alertsSent(since date: Date) throws -> Int
    func markAlertSent(itemID: Int64, at date: Date) throws
    func recordAlertFailure(itemID: Int64, error: String) throws
}

extension Store: AlertOutbox {}

/// Delivers the alert outbox to the MT's spool, at most `alerts.max_per_hour` an hour. Each alert
/// is marked sent only after the spool accepted it; nothing is ever dropped, only held back.
struct AlertDelivery {
    let outbox: any AlertOutbox
    /// A new spool (a reload) is tried at once, whatever the old one did.
    var spool: any MailSpool {
        didSet { pausedUntil = .distantPast }
    }
    var config: Config
    let errors: DatabaseErrors
    let logger: Logger
    /// Alerts the spool accepted whose mark failed, with when: they are marked in a later round, never
    /// delivered again (a Maildir would notice the copy, sendmail would not). Lost at a restart.
    private var deliveredUnmarked: [Int64: Date] = [:]
    private var recipients: RecipientDelivery
    /// After this long a round starts no new mail.
    static let roundTime: Duration = .seconds(15)
    /// After a round the spool deferred, the next waits this long: every finished poll asks for a round,
    /// and a mail server that hangs would otherwise hold the poller (and its watchdog) round after round.
    static let pauseAfterDeferral: TimeInterval = 60
    private var pausedUntil = Date.distantPast
    private var pausedReport = DeliveryReport()

    init(outbox: any AlertOutbox, spool: any MailSpool, config: Config, errors: DatabaseErrors, logger: Logger) {
        self.outbox = outbox
        self.recipients = RecipientDelivery(ledger: outbox)
        self.spool = spool
        self.config = config
        self.errors = errors
        self.logger = logger
    }

    /// One round. A spool failure stops it (the rest wait for the next one). So does a failed count of
    /// the alerts sent in the last hour: not knowing it, the round cannot keep `max_per_hour`.
    mutating func deliver(at date: Date) -> DeliveryReport {
        if date < pausedUntil { return pausedReport }
        var report = DeliveryReport()
        let outboxEntries: [Result<PendingAlert, UnreadableAlert>]
        do {
            outboxEntries = try outbox.pendingAlerts()
        } catch {
            report.error = "database: \(error)"
            errors.record(error, while: "read the alert outbox")
            return report
        }
        var pending: [PendingAlert] = []
        for entry in outboxEntries {
            switch entry {
            case .success(let alert) where deliveredUnmarked[alert.itemID] != nil: markLate(alert)
            case .success(let alert): pending.append(alert)
            case .failure(let unreadable): keep(unreadable, in: &report)
            }
        }
        guard !pending.isEmpty else { return report }
        let sentLastHour: Int
        do {
            let hourAgo = date.addingTimeInterval(-3_600)
            sentLastHour =
                try outbox.alertsSent(since: hourAgo) + Set(deliveredUnmarked.values.filter { $0 >= hourAgo }).count
        } catch {
            report.error = "database: \(error)"
            report.waiting += pending.count
            errors.record(
                error, while: "count the alerts sent in the last hour (\(pending.count) alerts wait for the next round)"
            )
            return report
        }
        let budget = config.alerts.maxPerHour - sentLastHour
        // The zone was checked when the config was read; UTC only if the tz database changed since.
        let renderer = AlertMail(config: config, timeZone: TimeZone(identifier: config.schoolTimeZone) ?? .gmt)
        // One mail per case a round: a burst about one person is one mail, and `max_per_hour` counts mails.
        let mails = Self.byCase(pending)
        let started = ContinuousClock.now
        for (index, mail) in mails.enumerated() {
            let waitingFromHere = mails[index...].reduce(0) { $0 + $1.count }
            // The poller (and systemd's watchdog behind it) waits for this round: a slow spool's mails
            // wait for the next round rather than hold it up.
            guard index == 0 || ContinuousClock.now - started < Self.roundTime else {
                report.waiting += waitingFromHere
                logger.notice("\(waitingFromHere) alerts wait for the next round: the spool is slow")
                return report
            }
            guard report.sent < budget else {
                report.waiting += waitingFromHere
                logger.warning(
                    "\(waitingFromHere) alerts wait: alerts.max_per_hour (\(config.alerts.maxPerHour)) reached")
                return report
            }
            let first = mail[0].content
            let contents = mail.map(\.content)
            let feedID = first.feedID
            let envelope = Envelope(sender: config.alerts.from, recipients: config.alerts.to)
            let sent: (result: MailResult, tried: Bool)
            let errors = self.errors
            do {
                // Each post's answers are kept under its own key, so a post that joins the case later
                // never sends the earlier ones again to whoever had them.
                sent = try recipients.send(
                    keys: contents.map { Self.key(renderer.messageID(for: $0)) }, envelope: envelope, spool: spool,
                    at: date,
                    render: { posts in
                        let subset = posts.map { contents[$0] }
                        return (renderer.render(subset, date: date), Self.key(renderer.messageID(for: subset)))
                    },
                    databaseError: { errors.record($0, while: $1, feedID: feedID) })
            } catch {
                report.error = "database: \(error)"
                report.waiting += waitingFromHere
                errors.record(error, while: "read who received alert \(first.caseNumber)", feedID: feedID)
                return report
            }
            switch sent.result {
            case .delivered(let refused):
                if let said = MailOutcome(refused: refused).problems {
                    logger.error("alert \(first.caseNumber): \(said)", metadata: ["feed": "\(feedID)"])
                }
            case .deferred(let problem):
                report.error = problem
                report.waiting += waitingFromHere
                logger.error(
                    "alert \(first.caseNumber) not delivered, will retry: \(problem)", metadata: ["feed": "\(feedID)"])
                recordFailure(problem, of: mail)
                pausedUntil = date.addingTimeInterval(Self.pauseAfterDeferral)
                pausedReport = DeliveryReport(subjects: [], waiting: report.waiting, error: problem)
                return report
            case .refusedByAll(let problem):
                // Stays in the outbox, where the digest shows it, and does not hold up other cases' alerts.
                report.error = problem
                report.waiting += mail.count
                if sent.tried {
                    logger.error(
                        "alert \(first.caseNumber) refused by every recipient (check alerts.to): \(problem)",
                        metadata: ["feed": "\(feedID)"])
                    recordFailure(problem, of: mail)
                }
                continue
            }
            report.subjects.append(renderer.subject(mail.map(\.content)))
            logger.notice(
                "alert \(first.caseNumber) delivered to the MT (\(mail.count) posts)", metadata: ["feed": "\(feedID)"])
            var unmarked = false
            for alert in mail {
                do {
                    try outbox.markAlertSent(itemID: alert.itemID, at: date)
                } catch {
                    deliveredUnmarked[alert.itemID] = date
                    report.error = "database: \(error)"
                    unmarked = true
                    errors.record(
                        error, while: "mark alert \(first.caseNumber) sent (it was delivered; marked later)",
                        feedID: feedID)
                }
            }
            if unmarked { return report }
        }
        return report
    }

    /// A Message-ID's local part: the key a spool and the recipients' ledger know a mail by.
    static func key(_ messageID: String) -> String {
        String(messageID.dropFirst().prefix { $0 != "@" })
    }

    private func recordFailure(_ problem: String, of mail: [PendingAlert]) {
        for alert in mail {
            do {
                try outbox.recordAlertFailure(itemID: alert.itemID, error: problem)
            } catch {
                errors.record(
                    error, while: "record the failed delivery of alert \(alert.content.caseNumber)",
                    feedID: alert.content.feedID)
            }
        }
    }

    /// The outbox's alerts grouped by case, in the order each case first appears.
    static func byCase(_ pending: [PendingAlert]) -> [[PendingAlert]] {
        var order: [String] = []
        var groups: [String: [PendingAlert]] = [:]
        for alert in pending {
            if groups[alert.content.caseNumber] == nil { order.append(alert.content.caseNumber) }
            groups[alert.content.caseNumber, default: []].append(alert)
        }
        return order.compactMap { groups[$0] }
    }

    /// Marks an alert delivered in an earlier round, at the time it was delivered.
    private mutating func markLate(_ alert: PendingAlert) {
        guard let deliveredAt = deliveredUnmarked[alert.itemID] else { return }
        do {
            try outbox.markAlertSent(itemID: alert.itemID, at: deliveredAt)
            deliveredUnmarked[alert.itemID] = nil
        } catch {
            errors.record(
                error, while: "mark alert \(alert.content.caseNumber) sent (delivered earlier)",
                feedID: alert.content.feedID)
        }
    }

    /// An alert that cannot be read stays in the outbox; the problem is logged, counted and recorded
    /// on the alert once, not on every round.
    private func keep(_ unreadable: UnreadableAlert, in report: inout DeliveryReport) {
        report.waiting += 1
        report.error = report.error ?? unreadable.description
        guard unreadable.lastError != unreadable.error else { return }
        errors.record(unreadable, while: "read alert \(unreadable.caseNumber)", feedID: unreadable.feedID)
        do {
            try outbox.recordAlertFailure(itemID: unreadable.itemID, error: unreadable.error)
        } catch {
            errors.record(
                error, while: "record that alert \(unreadable.caseNumber) cannot be read", feedID: unreadable.feedID)
        }
    }
}
