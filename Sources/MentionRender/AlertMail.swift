import FeedKit
import Foundation
import MentionClassify
import MentionConfig

/// Everything an alert says about one flagged post.
public struct AlertContent: Sendable, Equatable {
    public var caseNumber: String
    /// The item's stable identity (a SHA-256 hex string); names the mail, so a retry is recognisably the same mail.
    public var itemKey: String
    public var feedID: String
    public var feedTitle: String?
    public var title: String?
    public var link: String?
    public var author: String?
    public var published: Date?
    public var fetchedAt: Date
    /// The post's plain text (shortened for the mail; the full entry is in the database).
    public var text: String
    public var hasMedia: Bool
    public var assessment: Assessment
    public var evidenceSHA256: String
    /// Set when a person promoted the post from the review tier: the MT reads that a person, not only
    /// the model, judged it a breach.
    public var promotion: Promotion?

    public struct Promotion: Sendable, Equatable {
        public var by: String
        public var at: Date
        public var note: String?

        public init(by: String, at: Date, note: String? = nil) {
            self.by = by
            self.at = at
            self.note = note
        }
    }

    public init(
        caseNumber: String, itemKey: String, feedID: String, feedTitle: String? = nil, title: String? = nil,
        link: String? = nil,
        author: String? = nil, published: Date? = nil, fetchedAt: Date, text: String, hasMedia: Bool = false,
        assessment: Assessment, evidenceSHA256: String, promotion: Promotion? = nil
    ) {
        self.caseNumber = caseNumber
        self.itemKey = itemKey
        self.feedID = feedID
        self.feedTitle = feedTitle
        self.title = title
        self.link = link
        self.author = author
        self.published = published
        self.fetchedAt = fetchedAt
        self.text = text
        self.hasMedia = hasMedia
        self.assessment = assessment
        self.evidenceSHA256 = evidenceSHA256
        self.promotion = promotion
    }
}

/// Renders the Dutch alert mail to the MT (docs/operations.md): what, where, who, which category and why,
/// severity, the protocol track and its next steps, the case number.
public struct AlertMail {
    public let config: Config

    public init(config: Config) { self.config = config }

    /// Derived from the sender, the feed and the item's identity (never from a database row number), so a
    /// retried delivery carries the same Message-ID, and two installations or a new database never collide.
    public func messageID(for content: AlertContent) -> String {
        let domain = config.alerts.from.split(separator: "@").last.map(String.init) ?? "localhost"
        let seed = [config.alerts.from, content.feedID, content.itemKey].joined(separator: "\u{1F}")
        return "<mw-\(SHA256.hex(Array(seed.utf8)).prefix(32))@\(domain)>"
    }

    public func render(_ content: AlertContent, date: Date) -> String {
        let messageID = messageID(for: content)
        let headers: [(String, String)] = [
            ("Date", FeedDate.rfc5322(date)),
            ("From", "mentionwatch <\(config.alerts.from)>"),
            ("To", config.alerts.to.joined(separator: ", ")),
            ("Subject", MIME.encodedHeader(subject(content))),
            ("Message-ID", messageID),
            ("Auto-Submitted", "auto-generated"),
            ("X-Mentionwatch-Case", MIME.headerSafe(content.caseNumber)),
        ]
        return MIME.alternative(headers: headers, text: plainText(content), html: html(content), messageID: messageID)
    }

    public func subject(_ content: AlertContent) -> String {
        let severity = content.assessment.severity.map { DutchLabels.severity($0).capitalized } ?? "Melding"
        let categories = content.assessment.categories.map { DutchLabels.category($0.category) }.joined(separator: ", ")
        return
            "[mentionwatch] \(severity): \(categories) – \(people(content).joined(separator: ", ")) (\(content.caseNumber))"
    }

    /// Configured names of everyone mentioned: the school and staff, never text from the feed.
    func people(_ content: AlertContent) -> [String] {
        var seen: Set<String> = []
        return content.assessment.mentions.compactMap { mention in
            guard seen.insert(mention.entity).inserted else { return nil }
            if mention.entity == "school" { return config.school.name }
            guard let member = config.staff.first(where: { $0.id == mention.entity }) else { return mention.entity }
            return member.role.map { "\(member.name) (\($0))" } ?? member.name
        }
    }

    private func facts(_ content: AlertContent) -> [(String, String)] {
        var rows: [(String, String)] = [("Zaaknummer", content.caseNumber)]
        rows.append(("Bron", content.feedTitle.map { "\($0) (\(content.feedID))" } ?? content.feedID))
        if let link = content.link { rows.append(("Link", link)) }
        if let author = content.author { rows.append(("Auteur", author)) }
        if let published = content.published { rows.append(("Geplaatst", FeedDate.rfc3339(published))) }
        rows.append(("Opgehaald", FeedDate.rfc3339(content.fetchedAt)))
        if let promotion = content.promotion {
            let note = promotion.note.map { ": \(MIME.headerSafe($0))" } ?? ""
            rows.append(
                (
                    "Beoordeeld",
                    "door \(MIME.headerSafe(promotion.by)) op \(FeedDate.rfc3339(promotion.at)) als melding voor het MT"
                        + " (het model alleen was niet zeker genoeg)\(note)"
                ))
        }
        rows.append(("Genoemd", people(content).joined(separator: "; ")))
        if content.hasMedia { rows.append(("Media", "het bericht bevat beeld of geluid")) }
        rows.append(("Bewijs (SHA-256)", content.evidenceSHA256))
        return rows
    }

    /// Each way a person was written, once (a title repeated in the text names them twice).
    private func mentionSummary(_ content: AlertContent) -> [String] {
        var seen: Set<String> = []
        return content.assessment.mentions
            .map { "\"\($0.surface)\" → \($0.entity == "school" ? config.school.name : name(of: $0.entity))" }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    private func name(of id: String) -> String { config.staff.first { $0.id == id }?.name ?? id }

    private func plainText(_ content: AlertContent) -> String {
        var lines = ["Melding van mentionwatch voor het MT", ""]
        lines += facts(content).map { "\($0.0): \($0.1)" }
        lines += ["", "Wat is gevonden:"]
        for finding in content.assessment.categories {
            lines.append(
                "- \(DutchLabels.category(finding.category)) (ernst: \(DutchLabels.severity(finding.severity)))")
            lines.append("  waarom: \(finding.evidence.map { "\"\($0)\"" }.joined(separator: ", "))")
            if !finding.explanation.isEmpty { lines.append("  uitleg: \(finding.explanation)") }
        }
        lines += ["", "Herkend als vermelding:"] + mentionSummary(content).map { "- \($0)" }
        lines += ["", "Het bericht:", content.title.map { "\($0)" } ?? "", Self.shortened(content.text)]
        let (title, steps) = DutchLabels.steps(content.assessment.track)
        lines += ["", "Protocol: \(title)"] + steps.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines += ["", "Dit is een voorstel van mentionwatch: een mens beoordeelt of het protocol van toepassing is."]
        return lines.joined(separator: "\n") + "\n"
    }

    private func html(_ content: AlertContent) -> String {
        let e = HTMLEntities.escaped
        var html =
            "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(e(subject(content)))</title></head><body>\n"
        html += "<h1>Melding van mentionwatch voor het MT</h1>\n<table>\n"
        for (label, value) in facts(content) {
            let cell = label == "Link" && MIME.isSafeLink(value) ? "<a href=\"\(e(value))\">\(e(value))</a>" : e(value)
            html += "<tr><th align=\"left\">\(e(label))</th><td>\(cell)</td></tr>\n"
        }
        html += "</table>\n<h2>Wat is gevonden</h2>\n<ul>\n"
        for finding in content.assessment.categories {
            html +=
                "<li><strong>\(e(DutchLabels.category(finding.category)))</strong> (ernst: \(e(DutchLabels.severity(finding.severity))))"
            html += "<br>waarom: \(finding.evidence.map { "<q>\(e($0))</q>" }.joined(separator: ", "))"
            if !finding.explanation.isEmpty { html += "<br>uitleg: \(e(finding.explanation))" }
            html += "</li>\n"
        }
        html +=
            "</ul>\n<h2>Herkend als vermelding</h2>\n<ul>\n"
            + mentionSummary(content).map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        html += "<h2>Het bericht</h2>\n<blockquote>"
        if let title = content.title { html += "<p><strong>\(e(title))</strong></p>" }
        html += "<p>\(e(Self.shortened(content.text)))</p></blockquote>\n"
        let (title, steps) = DutchLabels.steps(content.assessment.track)
        html += "<h2>Protocol: \(e(title))</h2>\n<ol>\n" + steps.map { "<li>\(e($0))</li>\n" }.joined() + "</ol>\n"
        html +=
            "<p><em>Dit is een voorstel van mentionwatch: een mens beoordeelt of het protocol van toepassing is.</em></p>\n</body></html>\n"
        return html
    }

    static func shortened(_ text: String, limit: Int = 1_500) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + " […]"
    }
}
