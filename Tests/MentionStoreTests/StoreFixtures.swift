import FeedKit
import Foundation
import MentionClassify
import MentionConfig
import MentionMatch
import TestSupport

@testable import MentionStore

/// Shared, real inputs for the store tests: a parsed config, an on-disk database, feed items
/// with raw entry bytes, and the assessments the classifier would give them.
enum Fixture {
    /// A minimal but valid config (the fictional school of world.yaml); only the feeds matter here.
    static let yaml = """
        school:
          name: Praktijkschool De Zeehoek
          aliases: [De Zeehoek]
        staff:
          - id: staff-01
            name: Marieke Verbeek-Smit
            role: mentor
          - id: staff-03
            name: Youssef El Amrani
        feeds:
          - id: westerveens-dagblad
            url: https://westerveensdagblad.example/rss
          - id: mastodon-prozeehoek
            url: https://social.example/tags/dezeehoek.rss
        """

    static func config(_ text: String = yaml, folder: String) throws -> Config {
        try ConfigParser.parse(text, file: "test.yaml", baseDirectory: folder)
    }

    /// A new Store on a fresh file in its own temporary folder, with the two feeds registered.
    static func store() throws -> (store: Store, folder: String) {
        let folder = Paths.temporaryFolder("store")
        let store = try Store(path: folder + "/mentionwatch.sqlite")
        try store.register(try config(folder: folder).feeds)
        return (store, folder)
    }

    /// Whole seconds: the store keeps Unix seconds.
    static let day = Date(timeIntervalSince1970: 1_780_000_000)  // 2026-05-28 UTC

    /// An RSS item whose `raw` is the entry as it appeared in the document (with non-ASCII text).
    static func item(_ id: String, title: String, text: String, link: String? = nil, media: Bool = false) -> FeedItem {
        var item = FeedItem(id: id, title: title, link: link ?? "https://westerveensdagblad.example/\(id)")
        item.summary = text
        item.published = day.addingTimeInterval(-3_600)
        item.authors = [FeedAuthor(name: "Westerveens Dagblad")]
        if media { item.media = [FeedMedia(url: "https://westerveensdagblad.example/\(id).jpg", type: "image/jpeg")] }
        item.raw = Array(
            "<item><guid>\(id)</guid><title>\(title)</title><description>\(text)</description></item>".utf8)
        return item
    }

    static func mention(_ entity: String, _ surface: String, at start: Int, rule: MentionRule = .name) -> Mention {
        Mention(entity: entity, surface: surface, start: start, end: start + surface.count, rule: rule)
    }

    /// Nothing about the school: kept as an identity only.
    static let nothing = Assessment(mentions: [], categories: [], track: .none, alert: false)

    /// A neutral mention of the school: kept for the digest, never alerted.
    static let neutral = Assessment(
        mentions: [mention("school", "De Zeehoek", at: 0, rule: .alias)],
        categories: [], track: .none, alert: false)

    /// A post insulting and threatening a staff member (track B): alerted.
    static let flagged = Assessment(
        mentions: [
            mention("staff-01", "juf Marieke", at: 12, rule: .honorific),
            mention("school", "De Zeehoek", at: 0, rule: .alias),
            mention("staff-01", "Verbeek", at: 40, rule: .surname),
        ],
        categories: [
            CategoryFinding(
                category: .insult, severity: .medium, evidence: ["trut", "sukkel"],
                explanation: "scheldwoord 'trut' gericht aan juf Marieke"),
            CategoryFinding(category: .threat, severity: .high, evidence: ["maak je af"]),
        ],
        track: .b, alert: true)

    /// The hash of a whole fetched document, as the pipeline passes it for flagged items.
    static let documentSHA256 = SHA256.hex(Array("<rss version=\"2.0\"></rss>".utf8))

    static func new(
        _ item: FeedItem, _ assessment: Assessment, feed: String = "westerveens-dagblad",
        at date: Date = day
    ) -> NewItem {
        NewItem(
            feedID: feed, item: item, fetchedAt: date, assessment: assessment,
            sourceURL: "https://westerveensdagblad.example/rss", etag: "\"v42\"",
            lastModified: "Thu, 28 May 2026 20:00:00 GMT",
            documentSHA256: assessment.tier != .none ? documentSHA256 : nil)
    }
}

extension Store {
    /// One row of an ad-hoc query through the internal connection (values as SQLite returns them).
    func row(_ sql: String, _ arguments: [SQLValue] = []) throws -> [SQLValue]? {
        try db.query(sql, arguments).first?.values
    }

    func count(_ table: String, itemID: Int64) throws -> Int {
        try db.query("SELECT count(*) AS rows FROM \(table) WHERE item_id = ?", [.integer(itemID)]).first?["rows"].int
            ?? -1
    }
}

/// The permission bits of a file, from stat(2).
func fileMode(_ path: String) -> mode_t? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return info.st_mode & 0o777
}
