import FeedKit
import Foundation

extension DigestInput {
    /// A case nobody closed yet, whenever it was opened: the coordinator sees it every day until it is.
    public struct OpenCase: Sendable, Equatable {
        public var number: String
        /// `nieuw` or `in behandeling`.
        public var state: String
        public var takenBy: String?
        public var openedAt: Date
        public var entities: [String]
        public var title: String?

        public init(
            number: String, state: String, takenBy: String?, openedAt: Date, entities: [String], title: String?
        ) {
            self.number = number
            self.state = state
            self.takenBy = takenBy
            self.openedAt = openedAt
            self.entities = entities
            self.title = title
        }
    }

    /// An alert the spool has not accepted yet: never called "gemeld".
    public struct Undelivered: Sendable, Equatable {
        public var number: String
        public var title: String?
        public var since: Date
        public var attempts: Int
        public var lastError: String?

        public init(number: String, title: String?, since: Date, attempts: Int, lastError: String?) {
            self.number = number
            self.title = title
            self.since = since
            self.attempts = attempts
            self.lastError = lastError
        }
    }
}

extension DigestText {
    /// "Open zaken": the cases still to do, oldest first, with their age and who took them.
    func openCaseLines(_ cases: [DigestInput.OpenCase], now: Date) -> [String] {
        guard !cases.isEmpty else { return ["Open zaken: geen"] }
        var lines = ["Open zaken (\(cases.count)):"]
        for open in cases.sorted(by: { ($0.openedAt, $0.number) < ($1.openedAt, $1.number) }) {
            let who = open.takenBy.map { " door \(MIME.headerSafe($0))" } ?? ""
            let names = names(open.entities)
            lines.append(
                "  * [\(open.number)] \(open.state)\(who), \(Self.age(from: open.openedAt, to: now))"
                    + (names.isEmpty ? "" : " – " + names.joined(separator: ", ")))
            lines.append("    \(open.title.map { "\"\(MIME.headerSafe($0))\"" } ?? "(zonder titel)")")
        }
        lines.append("    bekijken: mentionwatch case NUMMER; oppakken: mentionwatch case NUMMER take --by NAAM")
        return lines
    }

    /// Alerts that did not reach the MT yet, with the reason: the spool or the mail server failed.
    func undeliveredLines(_ items: [DigestInput.Undelivered], now: Date) -> [String] {
        guard !items.isEmpty else { return [] }
        var lines = ["Nog niet bij het MT (niet gemeld; mentionwatch probeert het opnieuw):"]
        for item in items {
            lines.append("  * [\(item.number)] \(item.title.map { "\"\(MIME.headerSafe($0))\"" } ?? "(zonder titel)")")
            var status = "    wacht sinds \(Self.age(from: item.since, to: now, open: false)), \(item.attempts) "
            status += item.attempts == 1 ? "poging" : "pogingen"
            if let error = item.lastError { status += "; laatste fout: \(MIME.headerSafe(error))" }
            lines.append(status)
        }
        return lines
    }

    /// "vandaag geopend", "1 dag open", "12 dagen open" (or, for waiting, "vandaag", "3 dagen").
    static func age(from start: Date, to now: Date, open: Bool = true) -> String {
        let days = max(0, Int(now.timeIntervalSince(start) / 86_400))
        switch (days, open) {
        case (0, true): return "vandaag geopend"
        case (0, false): return "vandaag"
        case (1, _): return open ? "1 dag open" : "1 dag"
        default: return open ? "\(days) dagen open" : "\(days) dagen"
        }
    }
}
