import FeedKit
import Foundation
import MentionClassify
import MentionMatch

/// The JSON of `mentionwatch parse --json` (docs/feed-parser.md): times in RFC 3339 UTC, absent fields left out.
public struct FeedJSON: Encodable {
    struct Item: Encodable {
        var id, title, link, published, updated: String?
        var authors: [Author]?
        var summary, content: String?
        var text: String
        var categories: [Category]?
        var media: [Media]?
    }
    struct Author: Encodable { var name, email, uri: String? }
    struct Category: Encodable {
        var term: String
        var label, scheme: String?
        init(_ category: FeedCategory) { (term, label, scheme) = (category.term, category.label, category.scheme) }
    }
    struct Media: Encodable {
        var url: String
        var type: String?
        var length: Int?
    }

    var format: String
    var title, link, description, language, updated: String?
    var malformed: Bool?
    var categories: [Category]?
    var items: [Item]

    public init(_ feed: Feed) {
        format = feed.format.rawValue
        title = feed.title
        link = feed.link
        description = feed.description
        language = feed.language
        updated = feed.updated.map(FeedDate.rfc3339)
        malformed = feed.malformed ? true : nil
        categories = feed.categories.isEmpty ? nil : feed.categories.map(Category.init)
        items = feed.items.map { item in
            Item(
                id: item.id, title: item.title, link: item.link, published: item.published.map(FeedDate.rfc3339),
                updated: item.updated.map(FeedDate.rfc3339),
                authors: item.authors.isEmpty
                    ? nil : item.authors.map { Author(name: $0.name, email: $0.email, uri: $0.uri) },
                summary: item.summary, content: item.content, text: item.text,
                categories: item.categories.isEmpty ? nil : item.categories.map(Category.init),
                media: item.media.isEmpty
                    ? nil : item.media.map { Media(url: $0.url, type: $0.type, length: $0.length) })
        }
    }

    public func encoded(pretty: Bool = true) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}

/// One output line of `mentionwatch match` (docs/classification.md).
public struct MatchOutputLine: Encodable {
    struct MentionJSON: Encodable {
        var entity, surface: String
        var start, end: Int
        var rule: String
    }
    /// `offsets` are in step with `evidence` ([start, end] or null for evidence outside the text).
    struct CategoryJSON: Encodable {
        var category, severity: String
        var evidence: [String]
        var offsets: [[Int]?]
        var explanation: String
    }

    /// What the learned model said: the probability of any breach, per category, and the words that weighed most.
    struct ModelJSON: Encodable {
        var any: Double
        var categories: [String: Double]
        var words: [String]
    }

    var id: String
    var mentions: [MentionJSON]
    var categories: [CategoryJSON]
    var track: String
    var alert: Bool
    /// "alert", "review" (te beoordelen: the coordinator's digest) or "none".
    var tier: String
    /// Left out when the classifier has no model.
    var model: ModelJSON?

    public init(id: String, assessment: Assessment) {
        self.id = id
        mentions = assessment.mentions.map {
            MentionJSON(entity: $0.entity, surface: $0.surface, start: $0.start, end: $0.end, rule: $0.rule.rawValue)
        }
        categories = assessment.categories.map {
            CategoryJSON(
                category: $0.category.rawValue, severity: $0.severity.rawValue, evidence: $0.evidence,
                offsets: $0.spans.map { $0.map { [$0.start, $0.end] } }, explanation: $0.explanation)
        }
        track = assessment.track.rawValue
        alert = assessment.alert
        tier = assessment.tier.rawValue
        model = assessment.model.map { scores in
            ModelJSON(
                any: Self.rounded(scores.any),
                categories: Dictionary(
                    uniqueKeysWithValues: scores.categories.map { ($0.key.rawValue, Self.rounded($0.value)) }),
                words: scores.words)
        }
    }

    /// Four decimals: enough to compare with a threshold, and a line stays readable.
    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    public func encoded() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }
}
