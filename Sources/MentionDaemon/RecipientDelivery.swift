import Foundation
import MentionMail
import MentionStore

/// What delivery remembers of each recipient's answer; `Store` in the daemon, a failing one in tests.
protocol RecipientLedger {
    func recipientsDone(messageKey: String) throws -> (accepted: Set<String>, refused: Set<String>)
    func recordRecipient(messageKey: String, recipient: String, accepted: Bool, detail: String?, at date: Date) throws
}

extension Store: RecipientLedger {}

/// How a mail fared over all its recipients.
enum MailResult: Equatable {
    /// Every recipient answered for good and each post was accepted by one at least; `refused` names
    /// the recipients that refused this round.
    case delivered(refused: [String: String])
    /// Some recipients are still to be tried (a 4xx, no connection): try again in a later round.
    case deferred(String)
    /// Every recipient refused a post: trying again changes nothing until `to` changes.
    case refusedByAll(String)
}

/// Sends each post of a mail to each recipient once, and records each answer per post (in
/// `mail_recipients`, by the post's own key), so a retry after one recipient's 4xx never reaches the
/// others twice, also when a new post of the case has joined the mail since: a recipient gets a mail
/// of the posts it has not had, and recipients still missing the same posts share one mail.
struct RecipientDelivery {
    let ledger: any RecipientLedger
    /// Answers that could not be recorded (the database failed), kept until they can be: lost at a restart.
    private var unrecorded: [String: [String: Bool]] = [:]

    init(ledger: any RecipientLedger) { self.ledger = ledger }

    /// - Parameters:
    ///   - keys: one per post, stable (the post's own message key).
    ///   - render: the mail of the posts at these indices of `keys`, and its spool key.
    /// - Returns: what became of the mail, and whether the spool was tried at all (not when every
    ///   recipient had answered before). Throws only when the ledger cannot be read.
    mutating func send(
        keys: [String], envelope: Envelope, spool: any MailSpool, at date: Date,
        render: ([Int]) -> (message: String, key: String), databaseError: (Error, String) -> Void
    ) throws -> (result: MailResult, tried: Bool) {
        var answered: [[String: Bool]] = []  // per post: recipient → accepted
        for key in keys {
            let done = try ledger.recipientsDone(messageKey: key)
            var answers = Dictionary(uniqueKeysWithValues: done.accepted.map { ($0, true) })
            for recipient in done.refused where answers[recipient] == nil { answers[recipient] = false }
            for (recipient, accepted) in unrecorded[key] ?? [:] { answers[recipient] = accepted }
            answered.append(answers)
        }
        retryRecording(keys, at: date, databaseError: databaseError)
        // Recipients missing the same posts share one mail.
        var groups: [[Int]: [String]] = [:]
        var order: [[Int]] = []
        for recipient in envelope.recipients {
            let missing = keys.indices.filter { answered[$0][recipient] == nil }
            guard !missing.isEmpty else { continue }
            if groups[missing] == nil { order.append(missing) }
            groups[missing, default: []].append(recipient)
        }
        var refusedNow: [String: String] = [:]
        var deferred: [String: String] = [:]
        for posts in order {
            let mail = render(posts)
            let outcome = spool.deliver(
                mail.message, key: mail.key,
                envelope: Envelope(sender: envelope.sender, recipients: groups[posts] ?? []))
            for (recipient, detail) in outcome.refused { refusedNow[recipient] = detail }
            deferred.merge(outcome.deferred) { first, _ in first }
            let answers =
                outcome.accepted.map { ($0, true, String?.none) } + outcome.refused.map { ($0.key, false, $0.value) }
            for (recipient, accepted, detail) in answers {
                for post in posts {
                    answered[post][recipient] = accepted
                    record(keys[post], recipient, accepted, detail, at: date, databaseError: databaseError)
                }
            }
        }
        let result: MailResult
        if let problem = MailOutcome(deferred: deferred).problems {
            result = .deferred(problem)
        } else if answered.allSatisfy({ answers in envelope.recipients.contains { answers[$0] == true } }) {
            result = .delivered(refused: refusedNow)
        } else {
            let said = MailOutcome(refused: refusedNow).problems
            result = .refusedByAll(
                said ?? "every recipient (\(envelope.recipients.joined(separator: ", "))) refused it")
        }
        return (result, !order.isEmpty)
    }

    private mutating func record(
        _ key: String, _ recipient: String, _ accepted: Bool, _ detail: String?, at date: Date,
        databaseError: (Error, String) -> Void
    ) {
        do {
            try ledger.recordRecipient(
                messageKey: key, recipient: recipient, accepted: accepted, detail: detail, at: date)
            unrecorded[key]?[recipient] = nil
        } catch {
            unrecorded[key, default: [:]][recipient] = accepted
            databaseError(error, "record that \(recipient) \(accepted ? "accepted" : "refused") mail \(key)")
        }
    }

    /// Answers a failed database could not take before: recorded now, if it can.
    private mutating func retryRecording(_ keys: [String], at date: Date, databaseError: (Error, String) -> Void) {
        for key in keys {
            for (recipient, accepted) in unrecorded[key] ?? [:] {
                record(key, recipient, accepted, nil, at: date, databaseError: databaseError)
            }
        }
    }
}
