import Foundation
import Logging
import MentionFetch
import MentionMail
import MentionStore
import FeedKit
import MentionClassify
import MentionConfig
import MentionMatch
import MentionSchedule

/// What one poll of one feed did, for `poll --once` and the log.
public struct FeedPollSummary: Sendable, CustomStringConvertible {
    public var feedID: String
    public var newItems = 0
    public var mentions = 0
    public var flagged = 0
    public var notModified = false
    public var error: String?
    public var nextPoll: Date?

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
    /// Flagged posts seen, to recognise a forwarded copy (kept across reloads; refilled from the database at start).
    private var forwarding = ForwardingMemory()
    var spool: any MailSpool
    var digestSpool: any MailSpool
    let store: Store
    private var fetcher: CurlFetcher
    private let schedule = PollSchedule()
    let now: @Sendable () -> Date
    let logger: Logger

    public init(config: Config, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.config = config
        classifier = Classifier(config: config)
        spool = MailSpools.make(config.alerts.spool)
        digestSpool = MailSpools.make(config.digest.spool)
        fetcher = CurlFetcher(limits: Self.limits(config.fetch))
        store = try Store(path: config.storage.database)
        try store.register(config.feeds)
        self.now = now
        self.logger = logger
        for (post, severity) in try store.recentFlaggedPosts(limit: forwarding.capacity).reversed() {
            forwarding.remember(post, severity: severity)
        }
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
        classifier = Classifier(config: newConfig)
        spool = MailSpools.make(newConfig.alerts.spool)
        digestSpool = MailSpools.make(newConfig.digest.spool)
        if newConfig.fetch != config.fetch { fetcher = CurlFetcher(limits: Self.limits(newConfig.fetch)) }
        config = newConfig
    }

    /// Ends every transfer in flight and refuses new ones (graceful shutdown).
    public func stopFetching() {
        fetcher.stop()
    }

    static func limits(_ settings: FetchSettings) -> FetchLimits {
        FetchLimits(concurrency: settings.concurrency, perHost: settings.perHost, hostInterval: Double(settings.hostInterval))
    }

    /// Polls every configured feed once, all at the same time within the fetch limits; summaries in config order.
    public func pollAll() async -> [FeedPollSummary] {
        await poll(config.feeds)
    }

    /// Polls these feeds concurrently, `pollWindow` at a time and at most `per_host` per host (so feeds
    /// waiting on a busy host never fill the window while other hosts wait); summaries in the given order.
    public func poll(_ feeds: [FeedConfig]) async -> [FeedPollSummary] {
        await withTaskGroup(of: (Int, FeedPollSummary).self) { group in
            let hosts = feeds.map(PollWindow.host)
            var pending = Array(feeds.indices)  // in order; taken out as they start
            var window = PollWindow(size: pollWindow, perHost: config.fetch.perHost)
            func startWhatFits() {
                var position = 0
                while position < pending.count, window.count < window.size {
                    let index = pending[position]
                    if window.canStart(feeds[index], host: hosts[index]) {
                        pending.remove(at: position)
                        window.start(feeds[index], host: hosts[index])
                        let feed = feeds[index]
                        group.addTask { (index, await self.poll(feed)) }
                    } else {
                        position += 1
                    }
                }
            }
            startWhatFits()
            var summaries = [FeedPollSummary?](repeating: nil, count: feeds.count)
            for await (index, summary) in group {
                summaries[index] = summary
                window.finish(feeds[index], host: hosts[index])
                startWhatFits()
            }
            return summaries.compactMap { $0 }
        }
    }

    /// Polls in flight at once: enough to keep every fetch slot busy while responses are processed,
    /// few enough that fetched bodies never pile up in memory waiting for their turn.
    public var pollWindow: Int { config.fetch.concurrency * 2 }

    /// Feeds whose next poll is due at `date`, longest overdue first (a feed never polled is due at once).
    /// When the database cannot be read, none is due: polling blindly would ignore every backoff.
    public func dueFeeds(at date: Date) -> [FeedConfig] {
        guard let next = nextPollTimes() else { return [] }
        return config.feeds
            .filter { (next[$0.id] ?? .distantPast) <= date }
            .sorted { (next[$0.id] ?? .distantPast) < (next[$1.id] ?? .distantPast) }
    }

    /// When each feed is due next, as the scheduler decided after its last poll; nil on a database error.
    public func nextPollTimes() -> [String: Date]? {
        guard let records = try? store.allFeeds() else { return nil }
        var times: [String: Date] = [:]
        for record in records { times[record.id] = record.nextPoll ?? .distantPast }
        return times
    }

    public func poll(_ feed: FeedConfig) async -> FeedPollSummary {
        var summary = FeedPollSummary(feedID: feed.id)
        let record = try? store.feed(feed.id)
        let request = FetchRequest(url: record?.movedTo ?? feed.url, etag: record?.etag, lastModified: record?.lastModified,
                                   allowPrivate: feed.allowPrivate, settings: config.fetch)
        let failures = (record?.failures ?? 0) + 1
        // Should this poll never end (the process dies in it), the feed waits as after a failure.
        try? store.deferPoll(feedID: feed.id, until: schedule.nextPoll(interval: feed.interval, outcome: PollOutcome(.failed),
                                                                       failures: failures, now: now(), jitter: 0))
        let fetcher = self.fetcher
        let result = await fetcher.fetch(request)
        let fetchedAt = now()
        var outcome = PollOutcome(.failed, retryAfter: result.retryAfter, cacheMaxAge: result.cacheControl.flatMap(PollSchedule.maxAge))
        let pollResult: PollRecord.Result
        switch result.outcome {
        case .failure(.stopped):
            // Shutting down: not the feed's fault. Put its schedule back and record nothing.
            try? store.deferPoll(feedID: feed.id, until: record?.nextPoll ?? fetchedAt)
            summary.error = "\(FetchError.stopped)"
            return summary
        case .failure(let error):
            outcome.kind = switch result.status {
            case 429, 503: .rateLimited
            case 403: .forbidden
            default: .failed
            }
            pollResult = .failed("\(error)")
        case .success(.notModified):
            summary.notModified = true
            outcome.kind = .notModified
            outcome.cacheMaxAge = outcome.cacheMaxAge ?? record?.freshFor  // a 304 keeps the last full answer's freshness
            pollResult = .notModified
        case .success(.fetched(let response)):
            switch process(response, of: feed, at: fetchedAt, into: &summary) {
            case .success(let ttl):
                outcome.kind = .fetched
                outcome.ttl = ttl
                pollResult = .fetched(etag: response.etag, lastModified: response.lastModified, newItems: summary.newItems)
            case .failure(let error):
                pollResult = .failed(error.message)
            }
        }
        let next = schedule.nextPoll(interval: feed.interval, outcome: outcome, failures: outcome.kind == .fetched || outcome.kind == .notModified ? 0 : failures,
                                     now: fetchedAt, jitter: Double.random(in: 0..<1))
        summary.nextPoll = next
        do {
            let freshFor = [outcome.cacheMaxAge, outcome.ttl].compactMap { $0 }.max()
            try store.record(feedID: feed.id, PollRecord(pollResult, at: fetchedAt, status: result.status, nextPoll: next, freshFor: freshFor))
        } catch {
            logger.error("feed \(feed.id): cannot record the poll: \(error)")
        }
        if case .failed(let message) = pollResult {
            summary.error = message
            // Log a failure once per change of state, not on every poll.
            if record?.lastError != message {
                logger.error("feed \(feed.id) failed: \(message); next try \(FeedDate.rfc3339(next))", metadata: ["feed": "\(feed.id)"])
            }
        } else if let previous = record?.lastError {
            logger.notice("feed \(feed.id) works again (was: \(previous))", metadata: ["feed": "\(feed.id)"])
        }
        if let movedTo = result.movedTo, outcome.kind == .fetched || outcome.kind == .notModified, movedTo != record?.movedTo {
            try? store.recordMove(feedID: feed.id, to: movedTo)
            logger.notice("feed \(feed.id) moved permanently to \(movedTo): polling the new address; update its url in the configuration")
        }
        return summary
    }

    /// Parses and stores a fetched body. Returns the feed's <ttl>, or the failure in plain words.
    private func process(_ response: FetchedBody, of feed: FeedConfig, at fetchedAt: Date,
                         into summary: inout FeedPollSummary) -> Result<Int?, ProcessingError> {
        let parsed: Feed
        do {
            parsed = try FeedParser.parse(response.body, contentType: response.contentType, baseURL: response.effectiveURL)
        } catch {
            return .failure(ProcessingError("\(error)"))
        }
        do {
            try store.inTransaction {
                try storeNew(parsed.items, of: feed, response: response, at: fetchedAt, into: &summary)
            }
        } catch {
            summary.newItems = 0
            summary.mentions = 0
            summary.flagged = 0
            return .failure(ProcessingError("database: \(error)"))
        }
        return .success(parsed.ttl)
    }

    private func storeNew(_ items: [FeedItem], of feed: FeedConfig, response: FetchedBody, at fetchedAt: Date,
                          into summary: inout FeedPollSummary) throws {
        var documentSHA256: String?  // computed once, and only when an item is flagged
        for item in items where try !store.contains(feedID: feed.id, item: item) {
            let post = Post(id: item.identity, source: feed.kind.rawValue, author: item.authors.first?.name ?? item.authors.first?.email ?? "",
                            title: item.title ?? "", text: item.text, hasMedia: !item.media.isEmpty, schoolSpecific: feed.schoolSpecific,
                            feedID: feed.id)
            let assessment = classifier.assess(post, forwarding: forwarding)
            if assessment.alert, documentSHA256 == nil { documentSHA256 = SHA256.hex(response.body) }
            let new = NewItem(feedID: feed.id, item: item, fetchedAt: fetchedAt, assessment: assessment,
                              sourceURL: response.effectiveURL, etag: response.etag, lastModified: response.lastModified,
                              documentSHA256: documentSHA256)
            guard try store.insert(new) != nil else { continue }
            classifier.remember(post, assessment, in: &forwarding)
            summary.newItems += 1
            if !assessment.mentions.isEmpty { summary.mentions += 1 }
            if assessment.alert { summary.flagged += 1 }
        }
    }

    struct ProcessingError: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }
}
