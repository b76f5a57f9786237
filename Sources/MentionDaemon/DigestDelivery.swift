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

    func render(day: String, from: Date, to: Date) throws -> String {
        DigestText(config: config).render(try store.digestInput(day: day, from: from, to: to))
    }

    /// - Returns: false when it had been sent already.
    func send(day: String, schedule: DigestSchedule, at date: Date) throws -> Bool {
        guard try !store.isDigestSent(day: day) else { return false }
        guard let range = schedule.range(of: day) else { throw MailSpoolError("not a day: \(day)") }
        let text = try render(day: day, from: range.from, to: range.to)
        try spool.deliver(DigestMail(config: config).render(text, day: day, date: date), key: "digest-\(day)")
        try store.markDigestSent(day: day, at: date)
        logger.notice("digest for \(day) delivered to \(config.digest.to.joined(separator: ", "))")
        return true
    }
}
