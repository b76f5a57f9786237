import Foundation
import MentionClassify

/// Everything an alert says about one flagged post.
public struct AlertContent: Sendable, Equatable {
    public var caseNumber: String
    /// The item's stable identity (a SHA-256 hex string); names the mail, so a retry is recognisably the same mail.
    public var itemKey: String
    public var feedID: String
    public var feedTitle: String?
    public var title: String?
    public var link: String?
    public var author: String?
    public var published: Date?
    public var fetchedAt: Date
    /// The post's plain text (shortened for the mail; the full entry is in the database).
    public var text: String
    public var hasMedia: Bool
    public var assessment: Assessment
    public var evidenceSHA256: String
    /// The entry exactly as it stood in the feed (in UTF-8): attached to the mail, so the MT has the
    /// evidence without access to the server. Empty: nothing to attach.
    public var rawEntry: [UInt8] = []
    /// For a later post of a case: the case's first alert, whose mail this one follows up in one thread.
    public var threadStart: ThreadStart?

    public struct ThreadStart: Sendable, Equatable {
        public var feedID: String
        public var itemKey: String

        public init(feedID: String, itemKey: String) {
            self.feedID = feedID
            self.itemKey = itemKey
        }
    }
    /// Set when a person promoted the post from the review tier: the MT reads that a person, not only
    /// the model, judged it a breach.
    public var promotion: Promotion?

    public struct Promotion: Sendable, Equatable {
        public var by: String
        public var at: Date
        public var note: String?

        public init(by: String, at: Date, note: String? = nil) {
            self.by = by
            self.at = at
            self.note = note
        }
    }

    public init(
        caseNumber: String, itemKey: String, feedID: String, feedTitle: String? = nil, title: String? = nil,
        link: String? = nil,
        author: String? = nil, published: Date? = nil, fetchedAt: Date, text: String, hasMedia: Bool = false,
        assessment: Assessment, evidenceSHA256: String, promotion: Promotion? = nil
    ) {
        self.caseNumber = caseNumber
        self.itemKey = itemKey
        self.feedID = feedID
        self.feedTitle = feedTitle
        self.title = title
        self.link = link
        self.author = author
        self.published = published
        self.fetchedAt = fetchedAt
        self.text = text
        self.hasMedia = hasMedia
        self.assessment = assessment
        self.evidenceSHA256 = evidenceSHA256
        self.promotion = promotion
    }
}
