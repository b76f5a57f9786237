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
    /// Every recipient answered for good and at least one accepted; `refused` names the others.
    case delivered(refused: [String: String])
    /// Some recipients are still to be tried (a 4xx, no connection): try again in a later round.
    case deferred(String)
    /// Every recipient refused it: trying again changes nothing until `to` changes.
    case refusedByAll(String)
}

/// Sends a mail only to the recipients that have not answered it for good, and records each answer,
/// so a retry after one recipient's 4xx never reaches the others twice.
struct RecipientDelivery {
    let ledger: any RecipientLedger
    /// Answers that could not be recorded (the database failed), kept until they can be: lost at a restart.
    private var unrecorded: [String: [String: Bool]] = [:]

    init(ledger: any RecipientLedger) { self.ledger = ledger }

    /// - Returns: what became of the mail, and whether the spool was tried at all (not when every
    ///   recipient had answered before). Throws only when the ledger cannot be read.
    mutating func send(
        _ message: String, key: String, envelope: Envelope, spool: any MailSpool, at date: Date,
        databaseError: (Error, String) -> Void
    ) throws -> (result: MailResult, tried: Bool) {
        var (accepted, refused) = try ledger.recipientsDone(messageKey: key)
        retryRecording(key, into: &accepted, &refused, at: date, databaseError: databaseError)
        let open = envelope.recipients.filter { !accepted.contains($0) && !refused.contains($0) }
        var refusedNow: [String: String] = [:]
        var deferred: [String: String] = [:]
        if !open.isEmpty {
            let outcome = spool.deliver(
                message, key: key, envelope: Envelope(sender: envelope.sender, recipients: open))
            for recipient in outcome.accepted { accepted.insert(recipient) }
            for (recipient, detail) in outcome.refused {
                refused.insert(recipient)
                refusedNow[recipient] = detail
            }
            deferred = outcome.deferred
            let answers =
                outcome.accepted.map { ($0, true, String?.none) } + outcome.refused.map { ($0.key, false, $0.value) }
            for (recipient, isAccepted, detail) in answers {
                record(key, recipient, isAccepted, detail, at: date, databaseError: databaseError)
            }
        }
        let result: MailResult
        if let problem = MailOutcome(deferred: deferred).problems {
            result = .deferred(problem)
        } else if envelope.recipients.contains(where: accepted.contains) {
            result = .delivered(refused: refusedNow)
        } else {
            let said = MailOutcome(refused: refusedNow).problems
            result = .refusedByAll(
                said ?? "every recipient (\(envelope.recipients.joined(separator: ", "))) refused it")
        }
        return (result, !open.isEmpty)
    }

    private mutating func record(
        _ key: String, _ recipient: String, _ accepted: Bool, _ detail: String?, at date: Date,
        databaseError: (Error, String) -> Void
    ) {
        do {
            try ledger.recordRecipient(
                messageKey: key, recipient: recipient, accepted: accepted, detail: detail, at: date)
        } catch {
            unrecorded[key, default: [:]][recipient] = accepted
            databaseError(error, "record that \(recipient) \(accepted ? "accepted" : "refused") mail \(key)")
        }
    }

    private mutating func retryRecording(
        _ key: String, into accepted: inout Set<String>, _ refused: inout Set<String>, at date: Date,
        databaseError: (Error, String) -> Void
    ) {
        guard let pending = unrecorded.removeValue(forKey: key) else { return }
        for (recipient, isAccepted) in pending {
            if isAccepted { accepted.insert(recipient) } else { refused.insert(recipient) }
            record(key, recipient, isAccepted, nil, at: date, databaseError: databaseError)
        }
    }
}
