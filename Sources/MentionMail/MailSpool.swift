import Foundation
import MentionConfig

/// Where alert and digest mails go. Delivery is synchronous: when `deliver` returns, the
/// spool has accepted the message (and only then is it marked sent).
public protocol MailSpool: Sendable {
    /// Delivers to each recipient of `envelope` and says what became of each. A spool that hands the
    /// message on whole (Maildir, sendmail) accepts or defers them all at once; SMTP answers per recipient.
    /// - Parameter key: unique and stable per message; lets a spool skip a message it already holds.
    func deliver(_ message: String, key: String, envelope: Envelope) -> MailOutcome
}

/// A spool that takes a message whole, with its recipients in its headers.
public protocol WholeMessageSpool: MailSpool {
    func deliver(_ message: String, key: String) throws(MailSpoolError)
}

extension MaildirSpool: WholeMessageSpool {}
extension SendmailSpool: WholeMessageSpool {}

extension WholeMessageSpool {
    public func deliver(_ message: String, key: String, envelope: Envelope) -> MailOutcome {
        do {
            try deliver(message, key: key)
            return MailOutcome(accepted: envelope.recipients)
        } catch {
            return MailOutcome(
                deferred: Dictionary(envelope.recipients.map { ($0, error.message) }) { first, _ in first })
        }
    }
}

/// Who a message is from and to, apart from its headers (RFC 5321 §2.3.1).
public struct Envelope: Sendable, Equatable {
    public var sender: String
    public var recipients: [String]

    public init(sender: String, recipients: [String]) {
        self.sender = sender
        self.recipients = recipients
    }
}

/// What a delivery did for each recipient. Accepted is done; refused (a 5xx) will be refused again and
/// is not retried; deferred (a 4xx, or no answer at all) is tried again in a later round.
public struct MailOutcome: Sendable, Equatable {
    public var accepted: [String] = []
    /// Recipient → what the server said.
    public var refused: [String: String] = [:]
    public var deferred: [String: String] = [:]

    public init(accepted: [String] = [], refused: [String: String] = [:], deferred: [String: String] = [:]) {
        self.accepted = accepted
        self.refused = refused
        self.deferred = deferred
    }

    /// One line for the log and the outbox: what went wrong, per recipient.
    public var problems: String? {
        let lines =
            refused.sorted { $0.key < $1.key }.map { "\($0.key) refused: \($0.value)" }
            + deferred.sorted { $0.key < $1.key }.map { "\($0.key) deferred: \($0.value)" }
        return lines.isEmpty ? nil : lines.joined(separator: "; ")
    }
}

public struct MailSpoolError: Error, CustomStringConvertible, Equatable {
    public var message: String
    public var description: String { message }
    public init(_ message: String) { self.message = message }
}

public enum MailSpools {
    /// - Parameter group: a Maildir's `spool_group`, checked to exist when the config was loaded.
    public static func make(_ target: SpoolTarget, group: String? = nil) -> any MailSpool {
        switch target {
        case .maildir(let path):
            // Tidied when opened, then daily as it delivers.
            let spool = MaildirSpool(path: path, group: group.flatMap(SystemAccounts.groupID(named:)))
            spool.tidyIfDue()
            return spool
        case .sendmail(let path): return SendmailSpool(path: path)
        case .smtp(let server): return SmtpSpool(server: server)
        }
    }
}
