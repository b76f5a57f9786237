import FeedKit
import Foundation

/// Several posts of one case in one mail (a burst about one person): each post as it would have had
/// its own mail, one after the other, and each entry attached.
extension AlertMail {
    func foldedText(_ contents: [AlertContent], now: Date) -> String {
        let intro = "Zaak \(contents[0].caseNumber): \(contents.count) berichten over dezelfde persoon in deze mail.\n"
        return intro
            + contents.enumerated().map { number, content in
                "\n=== Bericht \(number + 1) van \(contents.count) ===\n\n" + plainText(content, now: now)
            }.joined()
    }

    func foldedHTML(_ contents: [AlertContent], now: Date) -> String {
        let e = HTMLEntities.escaped
        let intro =
            "<p>Zaak \(e(contents[0].caseNumber)): \(contents.count) berichten over dezelfde persoon in deze mail.</p>\n"
        let posts = contents.enumerated().map { number, content in
            "<hr>\n<p><strong>Bericht \(number + 1) van \(contents.count)</strong></p>\n" + htmlBody(content, now: now)
        }
        return htmlDocument(title: subject(contents), body: intro + posts.joined())
    }

    func foldedAttachments(_ contents: [AlertContent]) -> [MIME.Attachment] {
        contents.enumerated().compactMap { number, content in
            content.rawEntry.isEmpty
                ? nil
                : MIME.Attachment(name: "bericht-\(content.caseNumber)-\(number + 1).txt", bytes: content.rawEntry)
        }
    }
}
