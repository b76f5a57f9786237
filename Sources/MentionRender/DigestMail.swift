import FeedKit
import Foundation
import MentionConfig

/// The digest as a mail to the coordinator: the plain text of `DigestText`, one per day.
public struct DigestMail {
    public let config: Config

    public init(config: Config) { self.config = config }

    /// One Message-ID per day: a digest sent again after a crash is recognisably the same mail.
    public func messageID(day: String) -> String {
        let domain = config.alerts.from.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<mw-digest-\(day)@\(domain)>"
    }

    public func render(_ text: String, day: String, date: Date) -> String {
        MIME.plain(
            headers: [
                ("Date", FeedDate.rfc5322(date)),
                ("From", "mentionwatch <\(config.alerts.from)>"),
                ("To", config.digest.to.joined(separator: ", ")),
                ("Subject", MIME.encodedHeader("[mentionwatch] Dagoverzicht \(day) – \(config.school.name)")),
                ("Message-ID", messageID(day: day)),
                ("Auto-Submitted", "auto-generated"),
            ], text: text)
    }
}
