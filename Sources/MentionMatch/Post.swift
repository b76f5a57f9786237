/// A post to judge: one feed item, or one line of `mentionwatch match` input (docs/classification.md).
public struct Post: Sendable, Equatable {
    public var id: String
    public var source: String
    public var author: String
    public var title: String
    public var text: String
    public var hasMedia: Bool
    /// The post comes from a feed marked `school_specific` (counts as school context).
    public var schoolSpecific: Bool
    /// The configured feed it came from, if any: forwarding compares feeds, not feed kinds.
    public var feedID: String
    /// The names of the post this one replies to (a comment under it), as found there: a pronoun in
    /// a reply ("die vent", "jij") may mean them (docs/matching.md, "Replies").
    public var thread: [Mention] = []

    public init(
        id: String, source: String = "", author: String = "", title: String = "", text: String = "",
        hasMedia: Bool = false, schoolSpecific: Bool = false, feedID: String = ""
    ) {
        self.id = id
        self.source = source
        self.author = author
        self.title = title
        self.text = text
        self.hasMedia = hasMedia
        self.schoolSpecific = schoolSpecific
        self.feedID = feedID
    }

    /// Where the post was published, for telling sources apart: the feed, or else the kind of source.
    package var origin: String { feedID.isEmpty ? source : feedID }

    /// What is matched and what offsets count in: `title + "\n" + text` (docs/classification.md).
    public var matchText: String { title + "\n" + text }
}

/// How a mention was found; shown to the coordinator so a match can be judged.
public enum MentionRule: String, Sendable, Equatable, Codable, CaseIterable {
    case name, alias, handle, hashtag, domain, honorific, surname, author
    /// "M. Verbeek", "MVS".
    case initials
    /// A first name on its own, with context.
    case firstName = "first_name"
    /// A name written with a small misspelling ("Verbeeck").
    case misspelling
    /// An author account whose name carries the person's name while it is not theirs (impersonation).
    case accountName = "account_name"
    /// A group of the school's staff ("de leraren daar", "het MT van De Zeehoek"): the school.
    case group
    /// A staff member's role ("de gymleraar", "de mentor van 2B"), when one staff member has it.
    case role
    /// Named in the post this one replies to, and meant here by a pronoun or a role ("die vent").
    case thread
}

public struct Mention: Sendable, Equatable {
    /// "school" or a staff id.
    public var entity: String
    public var surface: String
    public var start: Int
    public var end: Int
    public var rule: MentionRule
    /// Found inside a sentence written as one word (`GluedHeads`: "allelerarenvandezeehoekmoetendood"):
    /// the mention spans the whole word, of which the name is only a part.
    public var glued: Bool
    /// The school named by its kind ("die praktijkschool", "PrO kids"), not by its name: any school of
    /// that kind, where the school is not named (`Classifier.pointsAtOne`).
    public var byKind: Bool

    public init(
        entity: String, surface: String, start: Int, end: Int, rule: MentionRule, glued: Bool = false,
        byKind: Bool = false
    ) {
        self.entity = entity
        self.surface = surface
        self.start = start
        self.end = end
        self.rule = rule
        self.glued = glued
        self.byKind = byKind
    }
}

/// One input line of `mentionwatch match` (docs/classification.md).
public struct MatchInputLine: Decodable, Sendable {
    public var id: String
    public var source: String?
    public var author: String?
    public var title: String?
    public var text: String?
    public var hasMedia: Bool?

    enum CodingKeys: String, CodingKey {
        case id, source, author, title, text
        case hasMedia = "has_media"
    }

    public var post: Post {
        Post(
            id: id, source: source ?? "", author: author ?? "", title: title ?? "", text: text ?? "",
            hasMedia: hasMedia ?? false)
    }
}
