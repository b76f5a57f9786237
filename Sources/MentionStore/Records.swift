import FeedKit
import Foundation
import MentionClassify
import MentionRender

/// What the store knows of a feed: HTTP validators and health.
public struct FeedRecord: Sendable, Equatable {
    public var id: String
    public var url: String
    /// The address after a permanent redirect; polled instead of `url` until the config changes.
    public var movedTo: String?
    public var etag: String?
    public var lastModified: String?
    public var lastAttempt: Date?
    public var lastSuccess: Date?
    public var lastStatus: Int?
    public var lastError: String?
    /// Failures in a row.
    public var failures: Int
    public var nextPoll: Date?
    /// How long the host said the feed stays fresh (max-age or RSS <ttl>) in its last full answer;
    /// still a lower bound when later polls are answered 304.
    public var freshFor: Int?
    public var lastNewItem: Date?
    /// When the poll in flight began; set after the process died in a poll until the next start sees it.
    public var pollStarted: Date?
}

/// How one poll of a feed ended, for the store.
public struct PollRecord: Sendable {
    public enum Result: Sendable {
        /// Items stored; the validators of the response that held them.
        case fetched(etag: String?, lastModified: String?, newItems: Int)
        case notModified
        case failed(String)
    }

    public var result: Result
    public var at: Date
    public var status: Int?
    public var nextPoll: Date
    public var freshFor: Int?

    public init(_ result: Result, at: Date, status: Int?, nextPoll: Date, freshFor: Int? = nil) {
        self.result = result
        self.at = at
        self.status = status
        self.nextPoll = nextPoll
        self.freshFor = freshFor
    }
}

/// A new item to store, judged already.
public struct NewItem: Sendable {
    public var feedID: String
    public var item: FeedItem
    public var fetchedAt: Date
    public var assessment: Assessment
    /// Where the entry came from and with which validators, kept as evidence when flagged.
    public var sourceURL: String
    public var etag: String?
    public var lastModified: String?
    /// SHA-256 of the whole response body as fetched (the entry itself is kept in UTF-8); required when flagged.
    public var documentSHA256: String?
    /// The whole response body, kept (once per response) when the item is flagged or up for review.
    public var document: [UInt8]?
    /// An alert joins an open case about the same person whose last post is at most this old (seconds).
    public var groupWindow = 0

    public init(
        feedID: String, item: FeedItem, fetchedAt: Date, assessment: Assessment, sourceURL: String,
        etag: String? = nil, lastModified: String? = nil, documentSHA256: String? = nil, document: [UInt8]? = nil
    ) {
        self.document = document
        self.feedID = feedID
        self.item = item
        self.fetchedAt = fetchedAt
        self.assessment = assessment
        self.sourceURL = sourceURL
        self.etag = etag
        self.lastModified = lastModified
        self.documentSHA256 = documentSHA256
    }
}

/// An alert waiting in the outbox.
public struct PendingAlert: Sendable {
    public var itemID: Int64
    public var content: AlertContent
}

/// An alert in the outbox whose rows cannot be read back (an unknown category, broken evidence): it
/// stays in the outbox, and the others are delivered all the same.
public struct UnreadableAlert: Error, Sendable, CustomStringConvertible {
    public var itemID: Int64
    public var feedID: String
    public var error: String
    /// The failure recorded in an earlier round, so the same problem is reported once.
    public var lastError: String?
    public var caseNumber: String { MentionStore.caseNumber(itemID: itemID) }
    public var description: String { "alert \(caseNumber) cannot be read from the database: \(error)" }
}

extension Date {
    var unixSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(unixSeconds: Int) { self.init(timeIntervalSince1970: TimeInterval(unixSeconds)) }
}

public func caseNumber(itemID: Int64) -> String {
    "MW-" + String(itemID).leftPadded(to: 6)
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
