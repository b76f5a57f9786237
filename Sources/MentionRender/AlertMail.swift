import FeedKit
import Foundation
import MentionClassify
import MentionConfig
import MentionMatch

/// Renders the Dutch alert mail to the MT (docs/operations.md): what, where, who, which category and why,
/// severity, the protocol track and its next steps, the case number.
public struct AlertMail {
    public let config: Config
    /// The school's zone (`Config.schoolTimeZone`, resolved by the adapter that read the config).
    public let time: DutchTime
    let accounts: AccountOwners

    public init(config: Config, timeZone: TimeZone) {
        self.config = config
        self.time = DutchTime(timeZone: timeZone)
        self.accounts = AccountOwners(school: config.school, staff: config.staff)
    }

    /// Derived from the sender, the feed and the item's identity (never from a database row number), so a
    /// retried delivery carries the same Message-ID, and two installations or a new database never collide.
    public func messageID(for content: AlertContent) -> String {
        messageID(feedID: content.feedID, itemKey: content.itemKey)
    }

    /// A mail of several posts is named by all of them: a post folded in later (after a lost database,
    /// say) makes a new mail, never one the spool would take for a copy of an earlier mail.
    public func messageID(for contents: [AlertContent]) -> String {
        guard contents.count > 1 else { return messageID(for: contents[0]) }
        return messageID(feedID: contents[0].feedID, itemKey: contents.map(\.itemKey).joined(separator: "+"))
    }

    func messageID(feedID: String, itemKey: String) -> String {
        let domain = config.alerts.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let seed = [config.alerts.from, feedID, itemKey].joined(separator: "\u{1F}")
        return "<mw-\(SHA256.hex(Array(seed.utf8)).prefix(32))@\(domain)>"
    }

    /// - Parameter date: the moment of sending ("now"): the Date header and the post's age.
    public func render(_ content: AlertContent, date: Date) -> String {
        render([content], date: date)
    }

    /// One mail for the posts of one case that wait in the same round, the first post's mail (its
    /// Message-ID, its thread); a single post renders as it always has.
    public func render(_ contents: [AlertContent], date: Date) -> String {
        precondition(!contents.isEmpty, "a mail needs a post")
        let content = contents[0]
        let messageID = messageID(for: contents)
        var headers: [(String, String)] = [
            ("Date", FeedDate.rfc5322(date)),
            ("From", "mentionwatch <\(config.alerts.from)>"),
            ("To", config.alerts.to.joined(separator: ", ")),
            ("Subject", MIME.encodedHeader(subject(contents))),
            ("Message-ID", messageID),
            ("Auto-Submitted", "auto-generated"),
            ("X-Mentionwatch-Case", MIME.headerSafe(content.caseNumber)),
        ]
        // Every mail of a case after the first refers to the first, so mail clients show the case as one
        // thread. A folded mail that holds the case's first post refers to that post's own Message-ID, which
        // later mails refer to as well.
        if let start = content.threadStart {
            let first = self.messageID(feedID: start.feedID, itemKey: start.itemKey)
            headers += [("In-Reply-To", first), ("References", first)]
        } else if contents.count > 1 {
            headers.append(("References", self.messageID(for: content)))
        }
        // Only for critical alerts: a flag on every mail would teach the MT to ignore it.
        if contents.contains(where: { $0.assessment.severity == .critical }) {
            headers += [("Importance", "high"), ("X-Priority", "1")]
        }
        guard contents.count > 1 else {
            let attachments =
                content.rawEntry.isEmpty
                ? [] : [MIME.Attachment(name: "bericht-\(content.caseNumber).txt", bytes: content.rawEntry)]
            return MIME.mixed(
                headers: headers, text: plainText(content, now: date), html: html(content, now: date),
                attachments: attachments, messageID: messageID)
        }
        return MIME.mixed(
            headers: headers, text: foldedText(contents, now: date), html: foldedHTML(contents, now: date),
            attachments: foldedAttachments(contents), messageID: messageID)
    }

    /// The subject of a mail of several posts: the first's, and how many more there are.
    public func subject(_ contents: [AlertContent]) -> String {
        let first = subject(contents[0])
        return contents.count == 1 ? first : first + " en nog \(contents.count - 1) bericht(en)"
    }

    /// `alerts.subject: category-only` leaves the people out: a subject shows on a locked phone.
    public func subject(_ content: AlertContent) -> String {
        let severity = content.assessment.severity.map { DutchLabels.severity($0).capitalized } ?? "Melding"
        let categories = content.assessment.categories.map { DutchLabels.category($0.category) }.joined(separator: ", ")
        switch config.alerts.subject {
        case .full:
            return
                "[mentionwatch] \(severity): \(categories) – \(people(content).joined(separator: ", ")) (\(content.caseNumber))"
        case .categoryOnly:
            return "[mentionwatch] \(severity): \(categories) (\(content.caseNumber))"
        }
    }

    /// Configured names of everyone mentioned: the school and staff, never text from the feed.
    func people(_ content: AlertContent) -> [String] {
        var seen: Set<String> = []
        return content.assessment.mentions.compactMap { mention in
            guard seen.insert(mention.entity).inserted else { return nil }
            return displayName(of: mention.entity)
        }
    }

    /// "Youssef El Amrani (docent lichamelijke opvoeding)", or the school's name.
    func displayName(of entity: String) -> String {
        if entity == "school" { return config.school.name }
        guard let member = config.staff.first(where: { $0.id == entity }) else { return entity }
        return member.role.map { "\(member.name) (\($0))" } ?? member.name
    }

    /// What the configured accounts tell about who wrote the post.
    func author(of content: AlertContent) -> AlertProtocol.Author {
        switch content.author.flatMap(accounts.owner(ofAuthor:)) {
        case "school": return .school
        case let id?: return .staff(name: name(of: id))
        case nil: return .unknown
        }
    }

    func protocolSection(_ content: AlertContent) -> AlertProtocol {
        let aimedAt = content.assessment.categories.flatMap { targets(of: $0, in: content) }
        let staff = aimedAt.filter { $0 != "school" }
        var seen: Set<String> = []
        let named = (staff.isEmpty ? content.assessment.mentions.map(\.entity).filter { $0 != "school" } : staff)
            .filter { seen.insert($0).inserted }.map(name(of:))
        return AlertProtocol.make(track: content.assessment.track, author: author(of: content), aimedAt: named)
    }

    /// Whom a finding is aimed at: the mentions its explanation names ("gericht aan El Amrani",
    /// "over de school (de zeehoek)"), as entities. The explanation is the classifier's only record of it.
    func targets(of finding: CategoryFinding, in content: AlertContent) -> [String] {
        var seen: Set<String> = []
        return content.assessment.mentions.filter { mention in
            let named =
                mention.entity == "school"
                ? finding.explanation.contains("over de school (\(mention.surface))")
                : finding.explanation.contains("gericht aan \(mention.surface)")
            return named && seen.insert(mention.entity).inserted
        }.map(\.entity)
    }

    func name(of id: String) -> String { config.staff.first { $0.id == id }?.name ?? id }

    /// The title only when it says something the text does not start with: many feeds (Mastodon,
    /// Google Alerts) make the title from the first words of the text, and the MT would read them twice.
    static func separateTitle(_ title: String?, text: String) -> String? {
        guard let title else { return nil }
        let folded = { (value: String) in
            value.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var head = folded(title)
        for ellipsis in ["…", "..."] where head.hasSuffix(ellipsis) { head = String(head.dropLast(ellipsis.count)) }
        head = head.trimmingCharacters(in: .whitespaces)
        return head.isEmpty || folded(text).hasPrefix(head) ? nil : title
    }

    static func shortened(_ text: String, limit: Int = 1_500) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + " […]"
    }
}
