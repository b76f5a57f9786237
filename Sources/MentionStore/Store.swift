import FeedKit
import Foundation
import MentionConfig

/// The one access type to mentionwatch's SQLite database: owns the migrations and every query.
/// Not thread-safe: one task uses it at a time.
public final class Store {
    let db: SQLiteDatabase

    /// Opens (or creates) the database, in WAL mode, readable by its owner only.
    public init(path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        }
        if !FileManager.default.fileExists(atPath: path) {
            // Create it 0600 before SQLite does, so it is never world-readable; WAL files follow its mode.
            let fd = open(path, O_CREAT | O_WRONLY, 0o600)
            if fd >= 0 { close(fd) }
        }
        db = try SQLiteDatabase(path: path)
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")
        try Migrations.apply(to: db)
    }

    public var schemaVersion: Int { get throws { try Migrations.version(of: db) } }

    // MARK: - Feeds

    /// Makes sure every configured feed has a row; a changed URL starts afresh (no validators, move,
    /// backoff or error: the admin has just fixed it).
    public func register(_ feeds: [FeedConfig]) throws {
        try db.transaction {
            for feed in feeds {
                try db.query(
                    """
                    INSERT INTO feeds (id, url) VALUES (?, ?)
                    ON CONFLICT (id) DO UPDATE SET url = excluded.url, moved_to = NULL, etag = NULL, last_modified = NULL,
                        failures = 0, next_poll = NULL, last_error = NULL, fresh_for = NULL, poll_started = NULL
                    WHERE url != excluded.url
                    """, [.text(feed.id), .text(feed.url)])
            }
        }
    }

    static let feedColumns =
        "id, url, moved_to, etag, last_modified, last_attempt, last_success, last_status, last_error, failures, next_poll, last_new_item, fresh_for, poll_started"

    public func feed(_ id: String) throws -> FeedRecord? {
        try db.query("SELECT \(Self.feedColumns) FROM feeds WHERE id = ?", [.text(id)]).first.map(Self.feedRecord)
    }

    public func allFeeds() throws -> [FeedRecord] {
        try db.query("SELECT \(Self.feedColumns) FROM feeds ORDER BY id").map(Self.feedRecord)
    }

    /// Records how a poll ended. For a fetch, call it only after the response's new items are stored:
    /// the validators come with it, so a crash in between re-fetches rather than skips.
    public func record(feedID: String, _ poll: PollRecord) throws {
        let at: SQLValue = .integer(poll.at.unixSeconds)
        let common: [SQLValue] = [
            at, poll.status.map { .integer(Int64($0)) } ?? .null, .integer(poll.nextPoll.unixSeconds),
        ]
        switch poll.result {
        case .fetched(let etag, let lastModified, let newItems):
            try db.query(
                """
                UPDATE feeds SET last_attempt = ?, last_status = ?, next_poll = ?, last_success = ?, last_error = NULL, failures = 0,
                    etag = ?, last_modified = ?, last_new_item = CASE WHEN ? > 0 THEN ? ELSE last_new_item END, fresh_for = ?,
                    poll_started = NULL
                WHERE id = ?
                """,
                common + [
                    at, etag.map(SQLValue.text) ?? .null, lastModified.map(SQLValue.text) ?? .null,
                    .integer(Int64(newItems)), at, poll.freshFor.map { .integer(Int64($0)) } ?? .null, .text(feedID),
                ])
        case .notModified:
            try db.query(
                """
                UPDATE feeds SET last_attempt = ?, last_status = ?, next_poll = ?, last_success = ?, last_error = NULL, failures = 0,
                    poll_started = NULL
                WHERE id = ?
                """,
                common + [at, .text(feedID)])
        case .failed(let error):
            try db.query(
                """
                UPDATE feeds SET last_attempt = ?, last_status = ?, next_poll = ?, last_error = ?, failures = failures + 1,
                    poll_started = NULL
                WHERE id = ?
                """,
                common + [.text(error), .text(feedID)])
        }
    }

    /// Before a fetch: if the process dies during it (a feed that crashes it, say), the feed is not
    /// retried at once on restart but after this time; the poll's own record replaces it.
    /// `started`: when the poll began, kept until the poll is recorded (a start after a kill finds it,
    /// see `interruptedPolls`); nil puts a poll that never fetched back as it was.
    public func deferPoll(feedID: String, until date: Date, started: Date? = nil) throws {
        try db.query(
            "UPDATE feeds SET next_poll = ?, poll_started = ? WHERE id = ?",
            [.integer(date.unixSeconds), started.map { .integer($0.unixSeconds) } ?? .null, .text(feedID)])
    }

    /// The feeds whose poll began and was never recorded: the process died in it. Only meaningful
    /// while no other mentionwatch polls this database (the daemon's lock says so).
    public func interruptedPolls() throws -> [FeedRecord] {
        try db.query("SELECT \(Self.feedColumns) FROM feeds WHERE poll_started IS NOT NULL ORDER BY id")
            .map(Self.feedRecord)
    }

    /// Records an interrupted poll as a failure of the feed (it may be what crashed the process).
    public func recordInterruption(feedID: String, error: String, nextPoll: Date) throws {
        try db.query(
            """
            UPDATE feeds SET last_attempt = poll_started, last_status = NULL, last_error = ?, failures = failures + 1,
                next_poll = ?, poll_started = NULL
            WHERE id = ?
            """, [.text(error), .integer(nextPoll.unixSeconds), .text(feedID)])
    }

    /// A permanent redirect: poll the new address from now on (until the configured URL changes).
    public func recordMove(feedID: String, to url: String) throws {
        try db.query("UPDATE feeds SET moved_to = ? WHERE id = ?", [.text(url), .text(feedID)])
    }

    /// When the feed's recent new items arrived (one time per poll that brought any), newest first.
    public func newItemTimes(feedID: String, limit: Int = 20) throws -> [Date] {
        try db.query(
            "SELECT DISTINCT fetched_at FROM items WHERE feed_id = ? ORDER BY fetched_at DESC LIMIT ?",
            [.text(feedID), .integer(Int64(limit))]
        ).compactMap { try $0["fetched_at"].int.map(Date.init(unixSeconds:)) }
    }

    private static func feedRecord(_ row: Row) throws -> FeedRecord {
        let date = { (column: String) throws in try row[column].int.map(Date.init(unixSeconds:)) }
        return try FeedRecord(
            id: row["id"].string ?? "", url: row["url"].string ?? "", movedTo: row["moved_to"].string,
            etag: row["etag"].string, lastModified: row["last_modified"].string,
            lastAttempt: date("last_attempt"), lastSuccess: date("last_success"), lastStatus: row["last_status"].int,
            lastError: row["last_error"].string, failures: row["failures"].int ?? 0, nextPoll: date("next_poll"),
            freshFor: row["fresh_for"].int, lastNewItem: date("last_new_item"), pollStarted: date("poll_started"))
    }

    // MARK: - Items

    /// Runs `body` as one transaction: the items of one response land together, or not at all
    /// (then the validators are not stored either, and the next poll fetches them again).
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try db.transaction(body)
    }

    static func identityHash(_ item: FeedItem) -> String { SHA256.hex(Array(item.identity.utf8)) }

    public func contains(feedID: String, item: FeedItem) throws -> Bool {
        try !db.query(
            "SELECT 1 FROM items WHERE feed_id = ? AND identity = ?", [.text(feedID), .text(Self.identityHash(item))]
        ).isEmpty
    }

    /// Stores an item with its mentions, findings, its tier, evidence (alerts and review items) and its
    /// alert or review row, in one transaction. A review item is never mailed: the digest lists it.
    /// Returns nil when the item was stored before: an item is never processed twice.
    @discardableResult
    public func insert(_ new: NewItem) throws -> Int64? {
        try db.transaction { () throws -> Int64? in
            let assessment = new.assessment
            let mentioned = !assessment.mentions.isEmpty
            let flagged = assessment.alert
            // A review item has no alert (flagged = 0) but keeps its evidence: someone may promote it.
            let evidenced = assessment.tier != .none
            try db.query(
                """
                INSERT INTO items (feed_id, identity, fetched_at, published_at, title, link, author, mentioned, flagged, tier)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """,
                [
                    .text(new.feedID), .text(Self.identityHash(new.item)), .integer(new.fetchedAt.unixSeconds),
                    new.item.published.map { .integer($0.unixSeconds) } ?? .null,
                    mentioned ? new.item.title.map(SQLValue.text) ?? .null : .null,
                    mentioned ? new.item.link.map(SQLValue.text) ?? .null : .null,
                    mentioned ? new.item.authors.first?.name.map(SQLValue.text) ?? .null : .null,
                    .integer(mentioned ? 1 : 0), .integer(flagged ? 1 : 0), .text(assessment.tier.rawValue),
                ])
            guard try db.query("SELECT changes() AS changed").first?["changed"].int == 1 else { return nil }
            let itemID = db.lastInsertRowID
            guard mentioned else { return itemID }
            for mention in assessment.mentions {
                try db.query(
                    "INSERT INTO mentions (item_id, entity, surface, start, \"end\", rule) VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        .integer(itemID), .text(mention.entity), .text(mention.surface), .integer(Int64(mention.start)),
                        .integer(Int64(mention.end)), .text(mention.rule.rawValue),
                    ])
            }
            for finding in assessment.categories {
                try db.query(
                    "INSERT INTO findings (item_id, category, severity, evidence, explanation) VALUES (?, ?, ?, ?, ?)",
                    [
                        .integer(itemID), .text(finding.category.rawValue), .text(finding.severity.rawValue),
                        .text(try StoredEvidence.json(for: finding)), .text(finding.explanation),
                    ])
            }
            if evidenced {
                try db.query(
                    """
                    INSERT INTO evidence (item_id, url, fetched_at, etag, last_modified, raw, sha256, document_sha256, text, has_media)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .integer(itemID), .text(new.sourceURL), .integer(new.fetchedAt.unixSeconds),
                        new.etag.map(SQLValue.text) ?? .null, new.lastModified.map(SQLValue.text) ?? .null,
                        .blob(new.item.raw), .text(SHA256.hex(new.item.raw)),
                        new.documentSHA256.map(SQLValue.text) ?? .null, .text(new.item.text),
                        .integer(new.item.media.isEmpty ? 0 : 1),
                    ])
                if let document = new.document, let hash = new.documentSHA256 {
                    try db.query(
                        "INSERT INTO documents (sha256, body, url, fetched_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                        [.text(hash), .blob(document), .text(new.sourceURL), .integer(new.fetchedAt.unixSeconds)])
                }
            }
            if assessment.tier == .review { try insertReview(itemID: itemID, assessment, at: new.fetchedAt) }
            if flagged {
                try db.query(
                    "INSERT INTO alerts (item_id, track, created_at) VALUES (?, ?, ?)",
                    [.integer(itemID), .text(assessment.track.rawValue), .integer(new.fetchedAt.unixSeconds)])
                try openOrJoinCase(itemID: itemID, new)
            }
            return itemID
        }
    }
}
