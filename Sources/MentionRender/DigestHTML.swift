import FeedKit
import Foundation

/// The digest's HTML part: the same sections, in the same order and words, as `DigestText`, for a mail
/// client. Self-contained (inline styles, no scripts, no images) and every value from a feed escaped.
public struct DigestHTML {
    let text: DigestText

    public init(text: DigestText) { self.text = text }

    public func render(_ input: DigestInput) -> String {
        let e = HTMLEntities.escaped
        let title = "Dagoverzicht mentionwatch – \(text.config.school.name) – \(input.day)"
        var body = [
            "<h1 style=\"font-size:20px;margin:0 0 8px\">\(e(title))</h1>",
            "<p>Nieuwe vermeldingen: \(input.entries.count), waarvan gemarkeerd: \(input.entries.filter(\.flagged).count)</p>",
        ]
        body += openCases(input)
        body.append(section("Gemarkeerd (gemeld aan het MT)"))
        let delivered = input.entries.filter { $0.flagged && $0.delivered }
        body.append(delivered.isEmpty ? "<p>geen</p>" : list(delivered.map(entry)))
        body += undelivered(input)
        body += reviews(input.reviews)
        body += otherMentions(input)
        body += feeds(input.feeds)
        body += DigestChart.html(input.history)
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>\(e(title))</title></head>
            <body style="margin:0;padding:16px;font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;background:#fff">
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    func section(_ heading: String) -> String {
        "<h2 style=\"font-size:16px;margin:20px 0 6px;border-bottom:1px solid #ccc\">\(HTMLEntities.escaped(heading))</h2>"
    }

    func list(_ items: [String]) -> String {
        "<ul style=\"margin:0;padding-left:20px\">" + items.map { "<li style=\"margin:0 0 8px\">\($0)</li>" }.joined()
            + "</ul>"
    }

    func quoted(_ title: String?) -> String {
        title.map { "&quot;" + HTMLEntities.escaped(MIME.headerSafe($0)) + "&quot;" } ?? "(zonder titel)"
    }

    /// A link only for http(s): a feed cannot put `javascript:` into the coordinator's mail.
    func link(_ url: String?) -> String {
        guard let url else { return "" }
        let shown = HTMLEntities.escaped(MIME.headerSafe(url))
        guard MIME.isSafeLink(url) else { return "<br>\(shown)" }
        return "<br><a href=\"\(shown)\" style=\"color:#1a56a0\">\(shown)</a>"
    }

    private func entry(_ entry: DigestInput.Entry) -> String {
        let e = HTMLEntities.escaped
        var head = entry.caseNumber.map { "<b>[\(e($0))]</b> " } ?? ""
        if !entry.categories.isEmpty {
            head +=
                e(
                    entry.categories.map {
                        "\(DutchLabels.category($0.category)) (\(DutchLabels.severity($0.severity)))"
                    }.joined(separator: ", ")) + " – "
        }
        head += e(text.names(entry.entities).joined(separator: ", "))
        var out = head + "<br>\(quoted(entry.title)) – \(e(entry.feedID))" + link(entry.link)
        if let problem = entry.unreadable { out += "<br>Niet leesbaar uit de database: \(e(problem))" }
        return out
    }
}
