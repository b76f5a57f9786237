import FeedKit
import Foundation
import MentionConfig

/// The digest as a mail to the coordinator, one per day: the text of `DigestText` and the HTML of
/// `DigestHTML` as multipart/alternative (a client shows the richest part it can).
public struct DigestMail {
    public let config: Config

    public init(config: Config) { self.config = config }

    /// One Message-ID per day: a digest sent again after a crash is recognisably the same mail.
    public func messageID(day: String) -> String {
        let domain = config.alerts.from.split(separator: "@").last.map(String.init) ?? "localhost"
        return "<mw-digest-\(day)@\(domain)>"
    }

    public func render(text: String, html: String, day: String, date: Date) -> String {
        MIME.alternative(
            headers: [
                ("Date", FeedDate.rfc5322(date)),
                ("From", "mentionwatch <\(config.alerts.from)>"),
                ("To", config.digest.to.joined(separator: ", ")),
                ("Subject", MIME.encodedHeader("[mentionwatch] Dagoverzicht \(day) – \(config.school.name)")),
                ("Message-ID", messageID(day: day)),
                ("Auto-Submitted", "auto-generated"),
            ], text: text, html: html, messageID: messageID(day: day))
    }
}
