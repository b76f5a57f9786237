import FeedKit
import Foundation
import MentionClassify
import MentionConfig

/// What the daily digest reports (docs/operations.md); filled from the database by the caller.
public struct DigestInput: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var feedID: String
        public var title: String?
        public var link: String?
        public var entities: [String]
        public var categories: [CategoryFinding]
        public var flagged: Bool
        public var caseNumber: String?
        /// Why the item's names or findings could not be read back; the digest lists it all the same.
        public var unreadable: String?
        /// Listed under "Te beoordelen" instead of among the other mentions.
        public var awaitingReview = false
        /// A flagged item's mail was accepted by the spool; until then it is not "gemeld".
        public var delivered = true

        public init(
            feedID: String, title: String?, link: String?, entities: [String], categories: [CategoryFinding],
            flagged: Bool, caseNumber: String?, unreadable: String? = nil
        ) {
            self.feedID = feedID
            self.title = title
            self.link = link
            self.entities = entities
            self.categories = categories
            self.flagged = flagged
            self.caseNumber = caseNumber
            self.unreadable = unreadable
        }
    }

    public struct FeedLine: Sendable, Equatable {
        public var feedID: String
        public var items: Int
        public var mentions: Int
        public var flagged: Int
        public var lastError: String?
        /// Nothing new for much longer than usual (see `FeedSilence`).
        public var silentSince: Date?

        public init(
            feedID: String, items: Int, mentions: Int, flagged: Int, lastError: String?, silentSince: Date? = nil
        ) {
            self.feedID = feedID
            self.items = items
            self.mentions = mentions
            self.flagged = flagged
            self.lastError = lastError
            self.silentSince = silentSince
        }
    }

    public var day: String
    public var entries: [Entry]
    public var feeds: [FeedLine]
    /// The period's review items nobody decided on yet; the section is left out when there are none.
    public var reviews: [Review]
    /// Every open case and every alert not yet delivered, whatever day they are from.
    public var openCases: [OpenCase]
    public var undelivered: [Undelivered]
    /// The end of the digest's period: ages are counted to it.
    public var now: Date
    /// The 14 days up to and including `day`, oldest first; empty leaves the chart out.
    public var history: [DayCount] = []

    public init(
        day: String, entries: [Entry], feeds: [FeedLine], reviews: [Review] = [], openCases: [OpenCase] = [],
        undelivered: [Undelivered] = [], now: Date = Date(timeIntervalSince1970: 0)
    ) {
        self.day = day
        self.entries = entries
        self.feeds = feeds
        self.reviews = reviews
        self.openCases = openCases
        self.undelivered = undelivered
        self.now = now
    }
}

/// Renders the coordinator's daily digest as plain Dutch text.
public struct DigestText {
    public let config: Config

    public init(config: Config) { self.config = config }

    public func render(_ input: DigestInput) -> String {
        let flagged = input.entries.filter { $0.flagged && $0.delivered }
        var lines = [
            "Dagoverzicht mentionwatch – \(config.school.name) – \(input.day)",
            "",
            "Nieuwe vermeldingen: \(input.entries.count), waarvan gemarkeerd: \(input.entries.filter(\.flagged).count)",
            "",
        ]
        lines += openCaseLines(input.openCases, now: input.now)
        lines += ["", "Gemarkeerd (gemeld aan het MT):"]
        lines += flagged.isEmpty ? ["  geen"] : flagged.flatMap(entryLines)
        let waiting = undeliveredLines(input.undelivered, now: input.now)
        if !waiting.isEmpty { lines += [""] + waiting }
        if !input.reviews.isEmpty { lines += [""] + reviewLines(input.reviews) }
        lines += [""] + otherMentionLines(input)
        lines += ["", "Per bron:"]
        let width = max(4, input.feeds.map(\.feedID.count).max() ?? 0)
        lines.append("  " + "bron".padded(width) + "  berichten  vermeldingen  gemarkeerd  status")
        for feed in input.feeds {
            var status = feed.lastError.map { "fout: \($0)" } ?? "ok"
            if let since = feed.silentSince {
                status += "; stil: niets nieuws sinds \(FeedDate.rfc3339(since).prefix(10))"
            }
            lines.append(
                "  " + feed.feedID.padded(width) + "  " + String(feed.items).leftPadding(9) + "  "
                    + String(feed.mentions).leftPadding(12) + "  " + String(feed.flagged).leftPadding(10) + "  "
                    + status)
        }
        let history = historyLines(input.history)
        if !history.isEmpty { lines += [""] + history }
        return lines.joined(separator: "\n") + "\n"
    }

    func names(_ entities: [String]) -> [String] {
        entities.map { id in
            id == "school" ? config.school.name : (config.staff.first { $0.id == id }?.name ?? id)
        }
    }

    private func entryLines(_ entry: DigestInput.Entry) -> [String] {
        let names = names(entry.entities)
        var head = "  * "
        if let number = entry.caseNumber { head += "[\(number)] " }
        if !entry.categories.isEmpty {
            head +=
                entry.categories.map { "\(DutchLabels.category($0.category)) (\(DutchLabels.severity($0.severity)))" }
                .joined(separator: ", ") + " – "
        }
        head += names.joined(separator: ", ")
        var lines = [
            head, "    \(entry.title.map { "\"\(MIME.headerSafe($0))\"" } ?? "(zonder titel)") – \(entry.feedID)",
        ]
        if let link = entry.link { lines.append("    \(MIME.headerSafe(link))") }
        if let problem = entry.unreadable {
            lines.append("    Niet leesbaar uit de database: \(MIME.headerSafe(problem))")
        }
        return lines
    }
}

extension String {
    /// Left-aligned in a column of `width` characters (for the plain-text tables).
    public func padded(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
