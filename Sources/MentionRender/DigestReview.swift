import Foundation

extension DigestInput {
    /// A post in the review tier ("te beoordelen"): the model suspects a breach aimed at a target, but
    /// not surely enough to alarm the MT. Only the coordinator sees it, here, until someone decides.
    public struct Review: Sendable, Equatable {
        /// The id `mentionwatch review` takes (the case number it gets when promoted).
        public var id: String
        public var feedID: String
        public var author: String?
        /// When it was published, else when it was fetched.
        public var time: Date
        public var title: String?
        public var text: String
        public var link: String?
        public var entities: [String]
        /// The model's belief that decided the tier, 0...1, and the words that weighed most.
        public var score: Double
        public var words: [String]

        public init(
            id: String, feedID: String, author: String?, time: Date, title: String?, text: String, link: String?,
            entities: [String], score: Double, words: [String]
        ) {
            self.id = id
            self.feedID = feedID
            self.author = author
            self.time = time
            self.title = title
            self.text = text
            self.link = link
            self.entities = entities
            self.score = score
            self.words = words
        }
    }
}

extension DigestText {
    /// Characters of a post shown in the digest: enough to judge whether to open it.
    static let reviewTextLimit = 200

    /// The "Te beoordelen" section: each item with what the model saw and the two commands to decide.
    func reviewLines(_ reviews: [DigestInput.Review]) -> [String] {
        var lines = ["Te beoordelen (het model twijfelt; niet gemeld aan het MT):"]
        for review in reviews {
            let percent = Int((review.score * 100).rounded())
            let author = review.author.map { MIME.headerSafe($0) } ?? "(onbekende afzender)"
            lines += [
                "  * [\(review.id)] kans \(percent) % – " + names(review.entities).joined(separator: ", "),
                "    \(review.feedID) – \(author) – \(localTime(review.time))",
                "    \"\(Self.shortened(review.title, review.text))\"",
            ]
            if !review.words.isEmpty {
                let words = review.words.map { "'\(MIME.headerSafe($0))'" }.joined(separator: ", ")
                lines.append("    woorden die het zwaarst wogen: \(words)")
            }
            if let link = review.link { lines.append("    \(MIME.headerSafe(link))") }
            lines += [
                "    melden aan het MT: mentionwatch review \(review.id) --alert --by NAAM",
                "    afwijzen:          mentionwatch review \(review.id) --dismiss --by NAAM",
            ]
        }
        return lines
    }

    /// Title and text on one line, white space folded, cut at a word within `reviewTextLimit` characters.
    static func shortened(_ title: String?, _ text: String) -> String {
        let whole = [title ?? "", text].filter { !$0.isEmpty }.joined(separator: " – ")
        let folded = MIME.headerSafe(whole).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard folded.count > reviewTextLimit else { return folded }
        let cut = folded.prefix(reviewTextLimit)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord + " …"
    }

    /// "2026-11-25 08:15" in the digest's time zone.
    func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: config.digest.timezone) ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let two = { (value: Int?) in String(value ?? 0).leftPadding(2).replacingOccurrences(of: " ", with: "0") }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
