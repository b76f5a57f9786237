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

    /// `interim`: the day so far, sent by hand before the day is over ("tot 14:05"); a mail of its own,
    /// so the whole day's digest still goes out at `digest.at`.
    public func render(text: String, html: String, day: String, date: Date, interim: String? = nil) -> String {
        var id = messageID(day: day)
        var title = "Dagoverzicht \(day)"
        if let interim {
            id = id.replacingOccurrences(
                of: "<mw-digest-\(day)@", with: "<mw-digest-\(day)-\(Int(date.timeIntervalSince1970))@")
            title += " (tot \(interim))"
        }
        return MIME.alternative(
            headers: [
                ("Date", FeedDate.rfc5322(date)),
                ("From", "mentionwatch <\(config.alerts.from)>"),
                ("To", config.digest.to.joined(separator: ", ")),
                ("Subject", MIME.encodedHeader("[mentionwatch] \(title) – \(config.school.name)")),
                ("Message-ID", id),
                ("Auto-Submitted", "auto-generated"),
            ], text: text, html: html, messageID: id)
    }
}
