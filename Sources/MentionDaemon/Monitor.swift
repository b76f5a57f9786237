import Foundation
import Logging
import MentionCore
import MentionFetch
import MentionMail
import MentionStore

/// What one poll of one feed did, for `poll --once` and the log.
public struct FeedPollSummary: Sendable, CustomStringConvertible {
    public var feedID: String
    public var newItems = 0
    public var mentions = 0
    public var flagged = 0
    public var notModified = false
    public var error: String?

    public var description: String {
        if let error { return "\(feedID): FAILED: \(error)" }
        if notModified { return "\(feedID): not modified (304)" }
        return "\(feedID): \(newItems) new, \(mentions) with mentions, \(flagged) flagged"
    }
}

/// The whole pipeline for one configuration: fetch → parse → match → classify → store → alert.
/// An actor, so polls, alert delivery and reloads never touch the database at the same time.
public actor Monitor {
    public private(set) var config: Config
    private var classifier: Classifier
    var spool: any MailSpool
    var digestSpool: any MailSpool
    let store: Store
    private let fetcher = CurlFetcher()
    let now: @Sendable () -> Date
    let logger: Logger

    public init(config: Config, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.config = config
        classifier = Classifier(config: config)
        spool = MailSpools.make(config.alerts.spool)
        digestSpool = MailSpools.make(config.digest.spool)
        store = try Store(path: config.storage.database)
        try store.register(config.feeds)
        self.now = now
        self.logger = logger
    }

    public struct ReloadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Applies a new, already validated configuration (SIGHUP). The database stays open: a changed
    /// `storage.database` needs a restart, and the reload is refused rather than silently ignored.
    public func apply(_ newConfig: Config) throws {
        guard newConfig.storage.database == config.storage.database else {
            throw ReloadError(description: "storage.database changed (\(config.storage.database) → \(newConfig.storage.database)): restart mentionwatch to use another database")
        }
        try store.register(newConfig.feeds)
        config = newConfig
        classifier = Classifier(config: newConfig)
        spool = MailSpools.make(newConfig.alerts.spool)
        digestSpool = MailSpools.make(newConfig.digest.spool)
    }

    /// Polls every configured feed once, one after the other.
    public func pollAll() async -> [FeedPollSummary] {
        var summaries: [FeedPollSummary] = []
        for feed in config.feeds { summaries.append(await poll(feed)) }
        return summaries
    }

    /// When each feed is due next, from the stored time of its last attempt.
    public func nextPollTimes() -> [String: Date] {
        var times: [String: Date] = [:]
        for feed in config.feeds {
            let last = (try? store.feed(feed.id))??.lastAttempt
            times[feed.id] = last.map { $0.addingTimeInterval(TimeInterval(feed.interval)) } ?? .distantPast
        }
        return times
    }

    public func poll(_ feed: FeedConfig) async -> FeedPollSummary {
        var summary = FeedPollSummary(feedID: feed.id)
        let record = try? store.feed(feed.id)
        let request = FetchRequest(url: feed.url, etag: record?.etag, lastModified: record?.lastModified, allowPrivate: feed.allowPrivate)
        let outcome = await fetcher.fetch(request)
        let fetchedAt = now()
        switch outcome {
        case .failure(let error):
            fail(feed, record, "\(error)", at: fetchedAt, into: &summary)
        case .success(.notModified):
            summary.notModified = true
            try? store.recordNotModified(feedID: feed.id, at: fetchedAt)
            logRecovery(feed, record)
        case .success(.fetched(let response)):
            process(response, of: feed, record: record, at: fetchedAt, into: &summary)
        }
        return summary
    }

    private func process(_ response: FetchedBody, of feed: FeedConfig, record: FeedRecord?, at fetchedAt: Date,
                         into summary: inout FeedPollSummary) {
        let parsed: Feed
        do {
            parsed = try FeedParser.parse(response.body, contentType: response.contentType)
        } catch {
            fail(feed, record, "\(error)", at: fetchedAt, into: &summary)
            return
        }
        var documentSHA256: String?  // computed once, and only when an item is flagged
        do {
            for item in parsed.items where try !store.contains(feedID: feed.id, item: item) {
                let post = Post(id: item.identity, source: feed.kind.rawValue, author: item.authors.first?.name ?? item.authors.first?.email ?? "",
                                title: item.title ?? "", text: item.text, hasMedia: !item.media.isEmpty, schoolSpecific: feed.schoolSpecific)
                let assessment = classifier.assess(post)
                if assessment.alert, documentSHA256 == nil { documentSHA256 = SHA256.hex(response.body) }
                let new = NewItem(feedID: feed.id, item: item, fetchedAt: fetchedAt, assessment: assessment,
                                  sourceURL: response.effectiveURL, etag: response.etag, lastModified: response.lastModified,
                                  documentSHA256: documentSHA256)
                guard try store.insert(new) != nil else { continue }
                summary.newItems += 1
                if !assessment.mentions.isEmpty { summary.mentions += 1 }
                if assessment.alert { summary.flagged += 1 }
            }
            // Validators only now: had anything above failed, the next poll fetches the body again.
            try store.recordSuccess(feedID: feed.id, etag: response.etag, lastModified: response.lastModified, at: fetchedAt)
            logRecovery(feed, record)
        } catch {
            fail(feed, record, "database: \(error)", at: fetchedAt, into: &summary)
        }
    }

    private func fail(_ feed: FeedConfig, _ record: FeedRecord?, _ message: String, at date: Date, into summary: inout FeedPollSummary) {
        summary.error = message
        try? store.recordFailure(feedID: feed.id, error: message, at: date)
        // Log a failure once per change of state, not on every poll.
        if record?.lastError != message {
            logger.error("feed \(feed.id) failed: \(message)", metadata: ["feed": "\(feed.id)", "url": "\(feed.url)"])
        }
    }

    private func logRecovery(_ feed: FeedConfig, _ record: FeedRecord?) {
        if let previous = record?.lastError {
            logger.notice("feed \(feed.id) works again (was: \(previous))", metadata: ["feed": "\(feed.id)"])
        }
    }
}
