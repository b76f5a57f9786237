import Foundation
import MentionClassify
import MentionMatch

/// Where a case is: the MT's and the coordinator's work on an alert (docs/operations.md, "Cases").
public enum CaseState: String, Sendable, CaseIterable {
    case new = "nieuw"
    case inProgress = "in behandeling"
    case closed = "afgehandeld"
    case falseAlarm = "vals alarm"

    public var isOpen: Bool { self == .new || self == .inProgress }
}

/// Why an alert was a false alarm: what the next model or a `silence` entry can learn from.
public enum FalseAlarmReason: String, Sendable, CaseIterable {
    case quote, news, sport
    case wrongPerson = "wrong-person"
    case other
}

public enum CaseAction: Sendable, Equatable {
    case take
    case close
    case falseAlarm(FalseAlarmReason)

    var name: String {
        switch self {
        case .take: "take"
        case .close: "close"
        case .falseAlarm: "false-alarm"
        }
    }

    var state: CaseState {
        switch self {
        case .take: .inProgress
        case .close: .closed
        case .falseAlarm: .falseAlarm
        }
    }
}

/// One line of a case's history (the append-only `case_events`).
public struct CaseEvent: Sendable, Equatable {
    public var at: Date
    public var by: String
    public var action: String
    public var state: CaseState
    public var note: String?
}

public struct CaseSummary: Sendable, Equatable {
    public var id: Int64
    public var state: CaseState
    public var takenBy: String?
    public var reason: FalseAlarmReason?
    public var createdAt: Date
    public var updatedAt: Date
    /// The alerts' items, oldest first; the entities they name; their title, first item's.
    public var itemIDs: [Int64]
    public var entities: [String]
    public var title: String?

    public var number: String { caseNumber(itemID: id) }
}

public enum CaseError: Error, Equatable, CustomStringConvertible {
    case unknown(String)
    /// A closed case (afgehandeld, vals alarm) takes no more actions.
    case closed(number: String, state: CaseState, by: String?)

    public var description: String {
        switch self {
        case .unknown(let id): "no case \(id) (case numbers look like MW-000042; `mentionwatch cases` lists them)"
        case .closed(let number, let state, let by):
            "\(number) is \(state.rawValue)\(by.map { " (by \($0))" } ?? ""): a closed case takes no more changes"
        }
    }
}

extension Store {
    /// Whom an alert is about, for grouping: the staff member it aims at (track B), the staff account
    /// that wrote it (staff track), else the school.
    static func caseSubject(_ assessment: Assessment) -> String {
        let named = assessment.mentions.filter { $0.entity != "school" }
        switch assessment.track {
        case .b:
            return named.first { $0.start < $0.end || $0.rule == .thread }?.entity ?? named.first?.entity ?? "school"
        case .staff: return named.first { $0.rule == .author }?.entity ?? named.first?.entity ?? "school"
        default: return "school"
        }
    }

    /// A new alert joins the open case about the same subject whose last post came within the window
    /// (one case, one mail thread for a burst), else opens its own; inside the caller's transaction.
    func openOrJoinCase(itemID: Int64, _ new: NewItem) throws {
        let subject = Self.caseSubject(new.assessment)
        if new.groupWindow > 0,
            let open = try db.query(
                """
                SELECT c.id, c.state FROM cases c
                WHERE c.subject = ? AND c.state IN ('nieuw', 'in behandeling')
                  AND (SELECT max(i.fetched_at) FROM case_items ci JOIN items i ON i.id = ci.item_id
                       WHERE ci.case_id = c.id) >= ?
                ORDER BY c.id DESC LIMIT 1
                """,
                [.text(subject), .integer(new.fetchedAt.unixSeconds - Int64(new.groupWindow))]
            ).first, let caseID = try open["id"].int
        {
            try db.query(
                "INSERT INTO case_items (item_id, case_id) VALUES (?, ?)", [.integer(itemID), .integer(Int64(caseID))])
            try db.query(
                "UPDATE cases SET updated_at = ? WHERE id = ?",
                [.integer(new.fetchedAt.unixSeconds), .integer(Int64(caseID))])
            try appendEvent(
                caseID: Int64(caseID), at: new.fetchedAt, by: "mentionwatch", action: "added",
                state: try open.decode(CaseState.self, "state", of: "case \(caseID)"),
                note: "nog een bericht over dezelfde persoon: \(caseNumber(itemID: itemID))")
            return
        }
        try openCase(itemID: itemID, at: new.fetchedAt, by: "mentionwatch", note: nil, subject: subject)
    }

    /// Opens the case of a new alert, inside the caller's transaction.
    func openCase(itemID: Int64, at: Date, by: String, note: String?, subject: String? = nil) throws {
        try db.query(
            "INSERT INTO cases (id, state, created_at, updated_at, subject) VALUES (?, 'nieuw', ?, ?, ?)",
            [.integer(itemID), .integer(at.unixSeconds), .integer(at.unixSeconds), subject.map(SQLValue.text) ?? .null])
        try db.query("INSERT INTO case_items (item_id, case_id) VALUES (?, ?)", [.integer(itemID), .integer(itemID)])
        try appendEvent(caseID: itemID, at: at, by: by, action: "opened", state: .new, note: note)
    }

    func appendEvent(caseID: Int64, at: Date, by: String, action: String, state: CaseState, note: String?)
        throws
    {
        try db.query(
            "INSERT INTO case_events (case_id, at, by, action, state, note) VALUES (?, ?, ?, ?, ?, ?)",
            [
                .integer(caseID), .integer(at.unixSeconds), .text(by), .text(action), .text(state.rawValue),
                note.map(SQLValue.text) ?? .null,
            ])
    }

    /// Cases, newest first; `openOnly`: nieuw and in behandeling; `person`: those naming that entity.
    public func cases(openOnly: Bool = false, person: String? = nil) throws -> [CaseSummary] {
        var sql = "SELECT id FROM cases"
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if openOnly { conditions.append("state IN ('nieuw', 'in behandeling')") }
        if let person {
            conditions.append(
                "id IN (SELECT ci.case_id FROM case_items ci JOIN mentions m ON m.item_id = ci.item_id WHERE m.entity = ?)"
            )
            arguments.append(.text(person))
        }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        return try db.query(sql + " ORDER BY created_at DESC, id DESC", arguments).compactMap {
            try summary(Int64(try $0["id"].int ?? 0))
        }
    }

    /// One case by its number (MW-000042 or 42), nil when there is none.
    public func caseSummary(_ id: String) throws -> CaseSummary? {
        guard let number = Self.itemID(id) else { return nil }
        return try summary(number)
    }

    private func summary(_ id: Int64) throws -> CaseSummary? {
        guard
            let row = try db.query(
                "SELECT state, taken_by, reason, created_at, updated_at FROM cases WHERE id = ?", [.integer(id)]
            ).first
        else { return nil }
        let items = try db.query("SELECT item_id FROM case_items WHERE case_id = ? ORDER BY item_id", [.integer(id)])
            .map { Int64(try $0["item_id"].int ?? 0) }
        let entities = try db.query(
            """
            SELECT DISTINCT m.entity FROM case_items ci JOIN mentions m ON m.item_id = ci.item_id
            WHERE ci.case_id = ? ORDER BY m.entity
            """, [.integer(id)]
        ).map { try $0["entity"].string ?? "" }
        let title = try items.first.flatMap {
            try db.query("SELECT title FROM items WHERE id = ?", [.integer($0)]).first?["title"].string
        }
        return CaseSummary(
            id: id, state: try row.decode(CaseState.self, "state", of: "case \(id)"),
            takenBy: try row["taken_by"].string,
            reason: try row["reason"].string.flatMap(FalseAlarmReason.init(rawValue:)),
            createdAt: Date(unixSeconds: try row["created_at"].int ?? 0),
            updatedAt: Date(unixSeconds: try row["updated_at"].int ?? 0), itemIDs: items, entities: entities,
            title: title)
    }

    /// A case's history, oldest first.
    public func caseHistory(_ id: Int64) throws -> [CaseEvent] {
        try db.query(
            "SELECT at, by, action, state, note FROM case_events WHERE case_id = ? ORDER BY id", [.integer(id)]
        )
        .map { row in
            CaseEvent(
                at: Date(unixSeconds: try row["at"].int ?? 0), by: try row["by"].string ?? "",
                action: try row["action"].string ?? "",
                state: try row.decode(CaseState.self, "state", of: "case \(id)'s history"),
                note: try row["note"].string)
        }
    }

    /// Takes, closes or marks a case as a false alarm, with who, when and why in its history.
    /// - Throws: `CaseError` for an unknown case or one closed before.
    @discardableResult
    public func act(on id: String, _ action: CaseAction, by: String, at: Date, note: String?) throws -> CaseSummary {
        try db.transaction {
            guard let current = try caseSummary(id) else { throw CaseError.unknown(id) }
            guard current.state.isOpen else {
                throw CaseError.closed(number: current.number, state: current.state, by: current.takenBy)
            }
            var reason: SQLValue = .null
            if case .falseAlarm(let why) = action { reason = .text(why.rawValue) }
            let taker: SQLValue = action == .take ? .text(by) : current.takenBy.map(SQLValue.text) ?? .null
            try db.query(
                "UPDATE cases SET state = ?, taken_by = ?, reason = ?, updated_at = ? WHERE id = ?",
                [.text(action.state.rawValue), taker, reason, .integer(at.unixSeconds), .integer(current.id)])
            var text = note
            if case .falseAlarm(let why) = action {
                text = ["reden: \(why.rawValue)", note].compactMap { $0 }.joined(separator: "; ")
            }
            try appendEvent(caseID: current.id, at: at, by: by, action: action.name, state: action.state, note: text)
            guard let changed = try summary(current.id) else { throw CaseError.unknown(id) }
            return changed
        }
    }
}

/// A post a person judged a false alarm, as the next model's training data wants it.
public struct FalseAlarm: Sendable, Equatable {
    public var number: String
    public var reason: FalseAlarmReason
    public var feedID: String
    public var author: String?
    public var title: String?
    public var text: String
    public var hasMedia: Bool
    /// The words that raised the alert, per category: candidates for `classification.silence`.
    public var evidence: [String]
}

extension Store {
    /// Every case marked a false alarm whose evidence is still kept, oldest first.
    public func falseAlarms() throws -> [FalseAlarm] {
        try db.query(
            """
            SELECT c.id, c.reason, i.id AS item_id, i.feed_id, i.author, i.title, e.text, e.has_media
            FROM cases c JOIN case_items ci ON ci.case_id = c.id JOIN items i ON i.id = ci.item_id
            JOIN evidence e ON e.item_id = i.id
            WHERE c.state = 'vals alarm' ORDER BY c.id, i.id
            """
        ).map { row in
            let itemID = Int64(try row["item_id"].int ?? 0)
            return FalseAlarm(
                number: caseNumber(itemID: Int64(try row["id"].int ?? 0)),
                reason: try row.decode(FalseAlarmReason.self, "reason", of: "false alarm of item \(itemID)"),
                feedID: try row["feed_id"].string ?? "", author: try row["author"].string,
                title: try row["title"].string, text: try row["text"].string ?? "",
                hasMedia: try row["has_media"].int == 1,
                evidence: try findings(of: itemID).flatMap(\.evidence))
        }
    }
}

extension Store {
    /// Retention of closed cases: a case in `state` last changed before `before` loses its posts' text,
    /// evidence, names and findings, and its alerts; the items' identity rows stay (never processed
    /// again) and so does the history, with a line saying so. Open cases are never purged.
    @discardableResult
    public func purgeCases(_ state: CaseState, closedBefore before: Date, at now: Date) throws -> [String] {
        precondition(!state.isOpen, "open cases are never purged")
        return try db.transaction {
            let ids = try db.query(
                "SELECT id FROM cases WHERE state = ? AND updated_at < ? ORDER BY id",
                [.text(state.rawValue), .integer(before.unixSeconds)]
            ).map { Int64(try $0["id"].int ?? 0) }
            for id in ids {
                let items = "SELECT item_id FROM case_items WHERE case_id = ?"
                for table in ["mentions", "findings", "evidence", "alerts", "reviews"] {
                    try db.query("DELETE FROM \(table) WHERE item_id IN (\(items))", [.integer(id)])
                }
                try db.query(
                    """
                    UPDATE items SET title = NULL, link = NULL, author = NULL, mentioned = 0, flagged = 0
                    WHERE id IN (\(items))
                    """, [.integer(id)])
                try db.query("DELETE FROM cases WHERE id = ?", [.integer(id)])  // and its case_items
                try appendEvent(
                    caseID: id, at: now, by: "mentionwatch", action: "purged", state: state,
                    note: "bewaartermijn voor '\(state.rawValue)' verstreken: berichten en bewijs verwijderd")
            }
            try forgetUnusedDocuments()
            return ids.map { caseNumber(itemID: $0) }
        }
    }

    /// A response is kept as long as evidence names it.
    func forgetUnusedDocuments() throws {
        try db.query("DELETE FROM documents WHERE sha256 NOT IN (SELECT document_sha256 FROM evidence)")
    }
}
