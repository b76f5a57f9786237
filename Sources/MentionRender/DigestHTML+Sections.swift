import FeedKit
import Foundation

extension DigestHTML {
    func openCases(_ input: DigestInput) -> [String] {
        guard !input.openCases.isEmpty else { return [section("Open zaken: geen")] }
        let e = HTMLEntities.escaped
        let sorted = input.openCases.sorted { ($0.openedAt, $0.number) < ($1.openedAt, $1.number) }
        let items = sorted.map { open in
            let who = open.takenBy.map { " door " + e(MIME.headerSafe($0)) } ?? ""
            let names = text.names(open.entities)
            return
                "<b>[\(e(open.number))]</b> \(e(open.state))\(who), \(DigestText.age(from: open.openedAt, to: input.now))"
                + (names.isEmpty ? "" : " – " + e(names.joined(separator: ", "))) + "<br>\(quoted(open.title))"
        }
        return [
            section("Open zaken (\(input.openCases.count))"), list(items),
            "<p style=\"color:#555\">bekijken: <code>mentionwatch case NUMMER</code>; oppakken: <code>mentionwatch case NUMMER take --by NAAM</code></p>",
        ]
    }

    /// Never under "gemeld": these did not reach the MT, and the reason is shown.
    func undelivered(_ input: DigestInput) -> [String] {
        guard !input.undelivered.isEmpty else { return [] }
        let e = HTMLEntities.escaped
        let items = input.undelivered.map { item in
            var status =
                "wacht sinds \(DigestText.age(from: item.since, to: input.now, open: false)), \(item.attempts) "
            status += item.attempts == 1 ? "poging" : "pogingen"
            if let error = item.lastError { status += "; laatste fout: " + MIME.headerSafe(error) }
            return "<b>[\(e(item.number))]</b> \(quoted(item.title))<br>\(e(status))"
        }
        return [section("Nog niet bij het MT (niet gemeld; mentionwatch probeert het opnieuw)"), list(items)]
    }

    func reviews(_ reviews: [DigestInput.Review]) -> [String] {
        guard !reviews.isEmpty else { return [] }
        let e = HTMLEntities.escaped
        let items = reviews.map { review in
            let percent = Int((review.score * 100).rounded())
            let author = review.author.map { MIME.headerSafe($0) } ?? "(onbekende afzender)"
            var out =
                "<b>[\(e(review.id))]</b> kans \(percent) % – " + e(text.names(review.entities).joined(separator: ", "))
            out += "<br>" + e("\(review.feedID) – \(author) – \(text.localTime(review.time))")
            out += "<br>&quot;" + e(DigestText.shortened(review.title, review.text)) + "&quot;"
            if !review.words.isEmpty {
                out += "<br>woorden die het zwaarst wogen: "
                out += e(review.words.map { "'\(MIME.headerSafe($0))'" }.joined(separator: ", "))
            }
            out += link(review.link)
            out += "<br>melden aan het MT: <code>mentionwatch review \(e(review.id)) --alert --by NAAM</code>"
            out += "<br>afwijzen: <code>mentionwatch review \(e(review.id)) --dismiss --by NAAM</code>"
            return out
        }
        return [section("Te beoordelen (het model twijfelt; niet gemeld aan het MT)"), list(items)]
    }

    func otherMentions(_ input: DigestInput) -> [String] {
        let groups = input.otherMentionsByPerson { text.names([$0]).first ?? $0 }
        guard !groups.isEmpty else { return [section("Overige vermeldingen: geen")] }
        let e = HTMLEntities.escaped
        var out = [section("Overige vermeldingen, per persoon")]
        for group in groups {
            out.append(
                "<h3 style=\"font-size:14px;margin:10px 0 4px\">\(e(group.person)) (\(group.entries.count))</h3>")
            out.append(
                list(
                    group.entries.map { entry in
                        var line = "\(quoted(entry.title)) – \(e(entry.feedID))" + link(entry.link)
                        if let problem = entry.unreadable { line += "<br>Niet leesbaar uit de database: \(e(problem))" }
                        return line
                    }))
        }
        return out
    }

    func feeds(_ feeds: [DigestInput.FeedLine]) -> [String] {
        let e = HTMLEntities.escaped
        let cell = "style=\"padding:2px 8px;border-bottom:1px solid #eee\""
        var rows = [
            "<tr><th align=\"left\" \(cell)>bron</th><th align=\"right\" \(cell)>berichten</th><th align=\"right\" \(cell)>vermeldingen</th><th align=\"right\" \(cell)>gemarkeerd</th><th align=\"left\" \(cell)>status</th></tr>"
        ]
        for feed in feeds {
            var status = feed.lastError.map { "fout: \($0)" } ?? "ok"
            if let since = feed.silentSince {
                status += "; stil: niets nieuws sinds \(FeedDate.rfc3339(since).prefix(10))"
            }
            let color = status == "ok" ? "#222" : "#a40000"
            rows.append(
                "<tr><td \(cell)>\(e(feed.feedID))</td><td align=\"right\" \(cell)>\(feed.items)</td>"
                    + "<td align=\"right\" \(cell)>\(feed.mentions)</td><td align=\"right\" \(cell)>\(feed.flagged)</td>"
                    + "<td style=\"padding:2px 8px;border-bottom:1px solid #eee;color:\(color)\">\(e(status))</td></tr>"
            )
        }
        return [
            section("Per bron"),
            "<table cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse\">\(rows.joined())</table>",
        ]
    }
}
