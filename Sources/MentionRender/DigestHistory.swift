import Foundation

extension DigestInput {
    /// One local day of the 14-day chart: how many new posts named someone, and how many of them were flagged.
    public struct DayCount: Sendable, Equatable {
        public var day: String
        public var mentions: Int
        public var alerts: Int

        public init(day: String, mentions: Int, alerts: Int) {
            self.day = day
            self.mentions = mentions
            self.alerts = alerts
        }
    }

    /// The other mentions (neither flagged nor awaiting review), per person, the most mentioned first.
    /// A post about two people is listed under both: the coordinator reads the digest person by person.
    public func otherMentionsByPerson(
        name: (String) -> String
    ) -> [(person: String, entries: [Entry])] {
        var groups: [String: [Entry]] = [:]
        for entry in entries where !entry.flagged && !entry.awaitingReview {
            let people = entry.entities.isEmpty ? ["(onbekend)"] : entry.entities.map(name)
            for person in Set(people) { groups[person, default: []].append(entry) }
        }
        return groups.map { (person: $0.key, entries: $0.value) }
            .sorted { ($1.entries.count, $0.person) < ($0.entries.count, $1.person) }
    }
}

extension DigestText {
    /// "Overige vermeldingen", one block per person.
    func otherMentionLines(_ input: DigestInput) -> [String] {
        let groups = input.otherMentionsByPerson { names([$0]).first ?? $0 }
        guard !groups.isEmpty else { return ["Overige vermeldingen: geen"] }
        var lines = ["Overige vermeldingen, per persoon:"]
        for group in groups {
            lines.append("  \(group.person) (\(group.entries.count)):")
            for entry in group.entries {
                lines.append(
                    "    * \(entry.title.map { "\"\(MIME.headerSafe($0))\"" } ?? "(zonder titel)") – \(entry.feedID)")
                if let link = entry.link { lines.append("      \(MIME.headerSafe(link))") }
                if let problem = entry.unreadable {
                    lines.append("      Niet leesbaar uit de database: \(MIME.headerSafe(problem))")
                }
            }
        }
        return lines
    }

    /// The chart's plain-text twin: a table, since a text part cannot draw.
    func historyLines(_ days: [DigestInput.DayCount]) -> [String] {
        guard !days.isEmpty else { return [] }
        var lines = ["Afgelopen \(days.count) dagen:", "  dag         vermeldingen  gemarkeerd"]
        for day in days {
            lines.append(
                "  \(day.day)  " + String(day.mentions).leftPadding(12) + "  " + String(day.alerts).leftPadding(10))
        }
        return lines
    }
}
