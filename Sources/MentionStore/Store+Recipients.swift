import Foundation

/// Per-recipient results of alert and digest mails, by the mail's key (its Message-ID's local part).
extension Store {
    /// Recipients that accepted or refused the mail for good; the others are still to be tried.
    public func recipientsDone(messageKey: String) throws -> (accepted: Set<String>, refused: Set<String>) {
        var accepted = Set<String>()
        var refused = Set<String>()
        for row in try db.query(
            "SELECT recipient, outcome FROM mail_recipients WHERE message_key = ?", [.text(messageKey)])
        {
            let recipient = try row["recipient"].string ?? ""
            if try row["outcome"].string == "accepted" { accepted.insert(recipient) } else { refused.insert(recipient) }
        }
        return (accepted, refused)
    }

    public func recordRecipient(
        messageKey: String, recipient: String, accepted: Bool, detail: String?, at date: Date
    ) throws {
        try db.query(
            "INSERT OR REPLACE INTO mail_recipients (message_key, recipient, outcome, at, detail) VALUES (?, ?, ?, ?, ?)",
            [
                .text(messageKey), .text(recipient), .text(accepted ? "accepted" : "refused"),
                .integer(date.unixSeconds), detail.map { .text($0) } ?? .null,
            ])
    }

    /// Results older than `date` are kept no longer than the mails' own records need them.
    public func purgeRecipients(before date: Date) throws {
        try db.query("DELETE FROM mail_recipients WHERE at < ?", [.integer(date.unixSeconds)])
    }
}
