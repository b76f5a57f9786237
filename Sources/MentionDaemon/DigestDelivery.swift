import Foundation
import Logging
import MentionConfig
import MentionMail
import MentionRender
import MentionSchedule
import MentionStore

/// Renders the coordinator's digest of a day and delivers it once: marked sent only after the spool
/// accepted it. Errors go to the caller (the digest service retries; the command line reports).
struct DigestDelivery {
    let store: Store
    var spool: any MailSpool
    var config: Config
    let logger: Logger
    /// Kept across sends, so an answer the database could not take is not forgotten at once.
    private var recipients: RecipientDelivery

    init(store: Store, spool: any MailSpool, config: Config, logger: Logger) {
        self.store = store
        self.spool = spool
        self.config = config
        self.logger = logger
        self.recipients = RecipientDelivery(ledger: store)
    }

    /// The day's content with the 14-day chart counts (ending with `day`) filled in. Today's digest covers
    /// the day so far: it ends at `now` (rounded up to the next whole second, as the store keeps seconds,
    /// so a post fetched this second is in), and ages and feed silence are measured to then.
    func input(day: String, from: Date, to: Date, now: Date, schedule: DigestSchedule) throws -> DigestInput {
        let soFar = Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down) + 1)
        var input = try store.digestInput(day: day, from: from, to: min(to, soFar))
        input.history = try store.dayCounts(schedule.days(14, endingWith: day))
        return input
    }

    func render(day: String, from: Date, to: Date, now: Date, schedule: DigestSchedule, html: Bool) throws -> String {
        let input = try input(day: day, from: from, to: to, now: now, schedule: schedule)
        let text = DigestText(config: config)
        return html ? DigestHTML(text: text).render(input) : text.render(input)
    }

    /// A day that is over is sent once. A day not over yet (`digest --send` by hand) is sent as it stands,
    /// as a mail of its own that is not recorded as the day's: the whole day's digest still goes out at
    /// `digest.at`, so nothing fetched later that day is left out of every digest.
    /// - Returns: false when it had been sent already.
    mutating func send(day: String, schedule: DigestSchedule, at date: Date) throws -> Bool {
        guard try !store.isDigestSent(day: day) else { return false }
        guard let range = schedule.range(of: day) else { throw MailSpoolError("not a day: \(day)") }
        let input = try input(day: day, from: range.from, to: range.to, now: date, schedule: schedule)
        let text = DigestText(config: config)
        let zone = TimeZone(identifier: config.digest.timezone) ?? .gmt
        let interim = date < range.to ? DutchTime(timeZone: zone).clock(date) : nil
        let mail = DigestMail(config: config).render(
            text: text.render(input), html: DigestHTML(text: text).render(input), day: day, date: date,
            interim: interim)
        if interim != nil {
            try deliver(mail, key: "digest-\(day)-\(Int(date.timeIntervalSince1970))", at: date)
            logger.notice(
                "digest for \(day) so far (until \(interim ?? "")) delivered; the whole day's follows at digest.at")
            return true
        }
        try deliver(mail, key: "digest-\(day)", at: date)
        try store.markDigestSent(day: day, at: date)
        logger.notice("digest for \(day) delivered to \(config.digest.to.joined(separator: ", "))")
        return true
    }

    /// Each recipient once: a retry after one recipient's 4xx goes to the others only. Throws while any
    /// recipient is still to be tried, or when every one refused it.
    private mutating func deliver(_ mail: String, key: String, at date: Date) throws {
        let envelope = Envelope(sender: config.alerts.from, recipients: config.digest.to)
        let logger = self.logger
        let sent = try recipients.send(
            keys: [key], envelope: envelope, spool: spool, at: date, render: { _ in (mail, key) },
            databaseError: { error, doing in logger.error("database: cannot \(doing): \(error)") })
        switch sent.result {
        case .delivered(let refused):
            if let said = MailOutcome(refused: refused).problems { logger.error("digest \(key): \(said)") }
        case .deferred(let problem): throw MailSpoolError(problem)
        case .refusedByAll(let problem): throw MailSpoolError("every recipient refused the digest: \(problem)")
        }
    }
}
