import Foundation
import MentionConfig

/// Where alert and digest mails go. Delivery is synchronous: when `deliver` returns, the
/// spool has accepted the message (and only then is it marked sent).
public protocol MailSpool: Sendable {
    /// - Parameter key: unique and stable per message; lets a spool skip a message it already holds.
    func deliver(_ message: String, key: String) throws(MailSpoolError)
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
        }
    }
}
