import FeedKit
import Foundation
import MentionClassify
import MentionConfig

/// What an evidence dossier holds of a case (docs/operations.md, "Evidence dossier"); the adapter
/// reads it from the database and writes the files.
public struct DossierInput: Sendable {
    public struct HistoryLine: Sendable {
        public var at: Date
        public var by: String
        public var action: String
        public var state: String
        public var note: String?

        public init(at: Date, by: String, action: String, state: String, note: String?) {
            (self.at, self.by, self.action, self.state, self.note) = (at, by, action, state, note)
        }
    }

    public struct Post: Sendable {
        public var content: AlertContent
        public var url: String
        /// The files of the dossier that hold the entry and the response, and their SHA-256.
        public var entryFile: String
        public var entrySHA256: String
        /// nil when the response was not kept (evidence stored before mentionwatch kept responses).
        public var responseFile: String?
        public var responseSHA256: String

        public init(
            content: AlertContent, url: String, entryFile: String, entrySHA256: String, responseFile: String?,
            responseSHA256: String
        ) {
            self.content = content
            self.url = url
            self.entryFile = entryFile
            self.entrySHA256 = entrySHA256
            self.responseFile = responseFile
            self.responseSHA256 = responseSHA256
        }
    }

    public var caseNumber: String
    public var state: String
    public var takenBy: String?
    public var history: [HistoryLine]
    public var posts: [Post]
    public var madeAt: Date

    public init(
        caseNumber: String, state: String, takenBy: String?, history: [HistoryLine], posts: [Post], madeAt: Date
    ) {
        self.caseNumber = caseNumber
        self.state = state
        self.takenBy = takenBy
        self.history = history
        self.posts = posts
        self.madeAt = madeAt
    }
}

/// The dossier's page and texts: a self-contained HTML page (no scripts, no outside resources) in
/// Dutch, with times in the school's time zone, and how to check the files with `sha256sum -c`.
public struct DossierPage {
    public let config: Config

    public init(config: Config) { self.config = config }

    public func html(_ input: DossierInput) -> String {
        let e = HTMLEntities.escaped
        var body = [
            "<h1>Dossier \(e(input.caseNumber)) – \(e(config.school.name))</h1>",
            "<p>Status: <b>\(e(input.state))</b>\(input.takenBy.map { ", in behandeling genomen door \(e($0))" } ?? ""). "
                + "Samengesteld op \(e(time(input.madeAt))) door mentionwatch.</p>",
        ]
        for (number, post) in input.posts.enumerated() {
            let content = post.content
            body.append("<h2>Bericht \(number + 1)</h2>")
            body.append("<table>")
            for (label, value) in [
                ("Bron", content.feedID), ("Adres", post.url), ("Auteur", content.author ?? "onbekend"),
                ("Titel", content.title ?? "(zonder titel)"), ("Link", content.link ?? "–"),
                ("Gepubliceerd", content.published.map(time) ?? "onbekend"), ("Opgehaald", time(content.fetchedAt)),
            ] {
                body.append("<tr><th>\(label)</th><td>\(e(value))</td></tr>")
            }
            body.append("</table>")
            body.append("<h3>Tekst zoals opgehaald</h3><pre>\(e(content.text))</pre>")
            body.append("<h3>Categorieën en uitleg</h3><ul>")
            for finding in content.assessment.categories {
                body.append(
                    "<li>\(e(DutchLabels.category(finding.category))) (\(e(DutchLabels.severity(finding.severity)))): "
                        + "\(e(finding.explanation))</li>")
            }
            body.append("</ul>")
            body.append(
                "<p>Het bericht zoals in de feed: <code>\(e(post.entryFile))</code> (SHA-256 <code>\(post.entrySHA256)</code>). "
                    + (post.responseFile.map {
                        "De hele opgehaalde feed: <code>\(e($0))</code> (SHA-256 <code>\(post.responseSHA256)</code>).</p>"
                    }
                        ?? "Van de hele opgehaalde feed is alleen de SHA-256 bewaard: <code>\(post.responseSHA256)</code>.</p>")
            )
        }
        body.append(
            "<h2>Verloop</h2><table><tr><th>Wanneer</th><th>Wie</th><th>Wat</th><th>Status</th><th>Notitie</th></tr>")
        for line in input.history {
            body.append(
                "<tr><td>\(e(time(line.at)))</td><td>\(e(line.by))</td><td>\(e(line.action))</td>"
                    + "<td>\(e(line.state))</td><td>\(e(line.note ?? ""))</td></tr>")
        }
        body.append("</table>")
        body.append("<p>Controleer de bestanden met <code>sha256sum -c SHA256SUMS</code> (zie LEESMIJ.txt).</p>")
        return """
            <!DOCTYPE html>
            <html lang="nl"><head><meta charset="utf-8"><title>Dossier \(e(input.caseNumber))</title>
            <style>body{font-family:sans-serif;max-width:50em;margin:2em auto}th{text-align:left;padding-right:1em;vertical-align:top}
            pre{white-space:pre-wrap;background:#f4f4f4;padding:.5em}td{vertical-align:top}</style></head>
            <body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    /// How to check the dossier, for whoever receives it.
    public func readme(_ input: DossierInput) -> String {
        """
        Dossier \(input.caseNumber) – \(config.school.name)
        Samengesteld op \(time(input.madeAt)) door mentionwatch.

        index.html        de berichten, hun uitleg en het verloop van de zaak
        bericht-*.xml     elk bericht precies zoals het in de feed stond (in UTF-8)
        feed-*.xml        de hele feed zoals die werd opgehaald, waar die bewaard is
        SHA256SUMS        de SHA-256 van elk bestand

        Controleren dat niets is veranderd: open een terminal in deze map en typ
            sha256sum -c SHA256SUMS
        Elke regel moet eindigen op "OK". Eén gewijzigde byte geeft "MISLUKT" (FAILED).

        """
    }

    /// `sha256sum`'s format: the hash, two spaces, the file name.
    public static func checksums(_ files: [(name: String, sha256: String)]) -> String {
        files.map { "\($0.sha256)  \($0.name)\n" }.joined()
    }

    private func time(_ date: Date) -> String {
        DutchTime(timeZone: TimeZone(identifier: config.schoolTimeZone) ?? .gmt).precise(date)
    }
}
