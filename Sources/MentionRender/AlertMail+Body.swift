import FeedKit
import Foundation
import MentionClassify

/// The two bodies of the alert mail, text and HTML, with the same content in the same order.
extension AlertMail {
    func facts(_ content: AlertContent, now: Date) -> [(String, String)] {
        var rows: [(String, String)] = [("Zaaknummer", content.caseNumber)]
        rows.append(("Bron", content.feedTitle.map { "\($0) (\(content.feedID))" } ?? content.feedID))
        if let link = content.link { rows.append(("Link", link)) }
        if let author = content.author { rows.append(("Auteur", author)) }
        if let published = content.published { rows.append(("Geplaatst", time.dateWithAge(published, now: now))) }
        rows.append(("Opgehaald", time.dateWithAge(content.fetchedAt, now: now)))
        if let promotion = content.promotion {
            let note = promotion.note.map { ": \(MIME.headerSafe($0))" } ?? ""
            rows.append(
                (
                    "Beoordeeld",
                    "door \(MIME.headerSafe(promotion.by)) op \(time.date(promotion.at)) als melding voor het MT"
                        + " (het model alleen was niet zeker genoeg)\(note)"
                ))
        }
        rows.append(("Genoemd", people(content).joined(separator: "; ")))
        if content.hasMedia { rows.append(("Media", "het bericht bevat beeld of geluid")) }
        rows.append(
            (
                "Bewijs (SHA-256)",
                content.evidenceSHA256
                    + (content.rawEntry.isEmpty ? "" : " – het bericht zoals opgehaald zit als bijlage bij deze mail")
            ))
        return rows
    }

    /// One finding as labelled lines: the words quoted, whom they aim at (configured names), why.
    func findingLines(_ finding: CategoryFinding, in content: AlertContent) -> [(String, String)] {
        var lines = [("woorden", finding.evidence.map { "\"\($0)\"" }.joined(separator: ", "))]
        let targets = targets(of: finding, in: content)
        if !targets.isEmpty { lines.append(("gericht aan", targets.map(displayName(of:)).joined(separator: "; "))) }
        if !finding.explanation.isEmpty { lines.append(("uitleg", finding.explanation)) }
        return lines
    }

    /// Each way a person was written, once (a title repeated in the text names them twice).
    func mentionSummary(_ content: AlertContent) -> [String] {
        var seen: Set<String> = []
        return content.assessment.mentions
            .map { "\"\($0.surface)\" → \($0.entity == "school" ? config.school.name : name(of: $0.entity))" }
            .filter { seen.insert($0.lowercased()).inserted }
    }

    func plainText(_ content: AlertContent, now: Date) -> String {
        var lines = ["Melding van mentionwatch voor het MT", ""]
        lines += facts(content, now: now).map { "\($0.0): \($0.1)" }
        lines += ["", "Wat is gevonden:"]
        for finding in content.assessment.categories {
            lines.append(
                "- \(DutchLabels.category(finding.category)) (ernst: \(DutchLabels.severity(finding.severity)))")
            lines += findingLines(finding, in: content).map { "  \($0.0): \($0.1)" }
        }
        lines += ["", "Herkend als vermelding:"] + mentionSummary(content).map { "- \($0)" }
        lines += ["", "Het bericht:"]
        if let title = Self.separateTitle(content.title, text: content.text) { lines.append(title) }
        lines.append(Self.shortened(content.text))
        let section = protocolSection(content)
        lines += ["", "Protocol: \(section.title)", "Schrijver: \(section.author)"]
        lines += section.steps.enumerated().map { "\($0.offset + 1). \($0.element)" }
        lines += ["", "Dit is een voorstel van mentionwatch: een mens beoordeelt of het protocol van toepassing is."]
        return lines.joined(separator: "\n") + "\n"
    }

    func html(_ content: AlertContent, now: Date) -> String {
        htmlDocument(title: subject(content), body: htmlBody(content, now: now))
    }

    func htmlDocument(title: String, body: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\"><title>\(HTMLEntities.escaped(title))</title></head><body>\n"
            + body + "</body></html>\n"
    }

    /// One post's part of the page: what was found, the post, the protocol.
    func htmlBody(_ content: AlertContent, now: Date) -> String {
        let e = HTMLEntities.escaped
        var html = "<h1>Melding van mentionwatch voor het MT</h1>\n<table>\n"
        for (label, value) in facts(content, now: now) {
            let cell = label == "Link" && MIME.isSafeLink(value) ? "<a href=\"\(e(value))\">\(e(value))</a>" : e(value)
            html += "<tr><th align=\"left\">\(e(label))</th><td>\(cell)</td></tr>\n"
        }
        html += "</table>\n<h2>Wat is gevonden</h2>\n<ul>\n"
        for finding in content.assessment.categories {
            html +=
                "<li><strong>\(e(DutchLabels.category(finding.category)))</strong> (ernst: \(e(DutchLabels.severity(finding.severity))))"
            for (label, value) in findingLines(finding, in: content) {
                let shown =
                    label == "woorden" ? finding.evidence.map { "<q>\(e($0))</q>" }.joined(separator: ", ") : e(value)
                html += "<br>\(e(label)): \(shown)"
            }
            html += "</li>\n"
        }
        html +=
            "</ul>\n<h2>Herkend als vermelding</h2>\n<ul>\n"
            + mentionSummary(content).map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        html += "<h2>Het bericht</h2>\n<blockquote>"
        if let title = Self.separateTitle(content.title, text: content.text) {
            html += "<p><strong>\(e(title))</strong></p>"
        }
        html += "<p>\(e(Self.shortened(content.text)))</p></blockquote>\n"
        let section = protocolSection(content)
        html += "<h2>Protocol: \(e(section.title))</h2>\n<p>Schrijver: \(e(section.author))</p>\n<ol>\n"
        html += section.steps.map { "<li>\(e($0))</li>\n" }.joined() + "</ol>\n"
        html +=
            "<p><em>Dit is een voorstel van mentionwatch: een mens beoordeelt of het protocol van toepassing is.</em></p>\n"
        return html
    }
}
