import FeedKit
import Foundation
import MentionClassify
import MentionConfig
import MentionMatch
import MentionRender
import TestSupport
import Testing

/// Real alert mails for the spool tests: a parsed config, the real classifier, the real renderer.
enum MailFixture {
    static let from = "mentionwatch@zeehoek-pro.nl"
    static let to = ["mt@zeehoek-pro.nl", "sanne.hoekstra@zeehoek-pro.nl"]

    static func config(folder: String, from: String = from, to: [String] = to) throws -> Config {
        try ConfigParser.parse(
            """
            school:
              name: Praktijkschool De Zeehoek
              aliases: [De Zeehoek, PrO Zeehoek]
              context: [school, leerling, juf, meester, klas, Westerveen]
            staff:
              - id: staff-01
                name: Marieke Verbeek-Smit
                role: mentor
              - id: staff-03
                name: Youssef El Amrani
                role: docent lichamelijke opvoeding
            feeds:
              - id: mastodon-dezeehoek
                url: https://social.example/tags/dezeehoek.rss
            alerts:
              from: \(from)
              to: [\(to.joined(separator: ", "))]
              spool: maildir:spool/mt
            """, file: "test.yaml", baseDirectory: folder)
    }

    static let date = Date(timeIntervalSince1970: 1_780_000_000)
    static let timeZone = TimeZone(identifier: "Europe/Amsterdam")!

    /// The classifier's judgement of a post, required to be an alert (so the mail is a real one).
    static func content(
        config: Config, text: String, title: String = "", feedTitle: String? = "Mastodon #dezeehoek",
        link: String? = "https://social.example/@leerling123/1", caseNumber: String = "MW-000042"
    ) throws -> AlertContent {
        let post = Post(id: "1", source: "mastodon", author: "@leerling123", title: title, text: text)
        let assessment = Classifier(config: config).assess(post)
        try #require(assessment.alert, "the fixture post must be alerted: \(assessment)")
        return AlertContent(
            caseNumber: caseNumber, itemKey: SHA256.hex(Array(caseNumber.utf8)), feedID: "mastodon-dezeehoek",
            feedTitle: feedTitle, title: title.isEmpty ? nil : title,
            link: link, author: "@leerling123", published: date.addingTimeInterval(-600), fetchedAt: date,
            text: text, assessment: assessment, evidenceSHA256: String(repeating: "ab", count: 32))
    }

    /// The spool key the daemon uses: the Message-ID's local part.
    static func key(_ mail: AlertMail, _ content: AlertContent) -> String {
        String(mail.messageID(for: content).dropFirst().prefix { $0 != "@" })
    }
}

/// File names in a folder (none when it does not exist).
func files(in folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
}

func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}
