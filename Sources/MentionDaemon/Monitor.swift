import Foundation
import Logging
import MentionConfig
import MentionFetch
import MentionMail
import MentionRender
import MentionSchedule
import MentionStore

/// The owner of one configuration and its database, and of the parts that work on them: the poll
/// pipeline, alert delivery, retention, the digest and feed health. Those parts are plain types
/// that are not thread-safe (nor is `Store`); they live only inside this actor, so polls, delivery
/// and reloads never touch the database at the same time. One actor rather than one per part:
/// they share the one SQLite connection, and a part never waits on another. A poll lets others in
/// only while it fetches.
public actor Monitor {
    public private(set) var config: Config
    let store: Store
    private let errors: DatabaseErrors
    private let pipeline: PollPipeline
    private var alerts: AlertDelivery
    private var digests: DigestDelivery
    private let retention: Retention
    private let health: FeedHealth
    /// The fetcher's politeness: the poller takes its turns here before starting a poll.
    public nonisolated let politeness: HostPoliteness
    let now: @Sendable () -> Date
    let logger: Logger
    /// Counted for the metrics file since start; and the file's last write error, logged once.
    private(set) var counters = PollCounters()
    var metricsError: String?

    public init(config: Config, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.config = config
        self.now = now
        self.logger = logger
        store = try Store(path: config.storage.database)
        try store.register(config.feeds)
        errors = DatabaseErrors(logger: logger)
        pipeline = try PollPipeline(config: config, store: store, errors: errors, logger: logger)
        politeness = pipeline.fetcher.politeness
        alerts = AlertDelivery(
            outbox: store, spool: MailSpools.make(config.alerts.spool, group: config.alerts.spoolGroup), config: config,
            errors: errors, logger: logger)
        digests = DigestDelivery(
            store: store, spool: MailSpools.make(config.digest.spool, group: config.digest.spoolGroup), config: config,
            logger: logger)
        retention = Retention(store: store, errors: errors, logger: logger)
        health = FeedHealth(store: store)
    }

    public struct ReloadError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Applies a new, already validated configuration (SIGHUP). The database stays open: a changed
    /// `storage.database` needs a restart, and the reload is refused rather than silently ignored.
    public func apply(_ newConfig: Config) throws {
        guard newConfig.storage.database == config.storage.database else {
            throw ReloadError(
                description:
                    "storage.database changed (\(config.storage.database) → \(newConfig.storage.database)): restart mentionwatch to use another database"
            )
        }
        try store.register(newConfig.feeds)
        pipeline.apply(newConfig)
        alerts.config = newConfig
        alerts.spool = MailSpools.make(newConfig.alerts.spool, group: newConfig.alerts.spoolGroup)
        digests.config = newConfig
        digests.spool = MailSpools.make(newConfig.digest.spool, group: newConfig.digest.spoolGroup)
        config = newConfig
    }

    /// Database errors handled (logged and counted) since start.
    public var databaseErrors: Int { errors.count }

    /// Ends every transfer in flight and refuses new ones (graceful shutdown).
    public func stopFetching() {
        pipeline.fetcher.stop()
    }

    // MARK: - Polls

    /// Polls in flight at once: enough to keep every fetch slot busy while responses are processed,
    /// few enough that fetched bodies never pile up in memory waiting for their turn.
    public var pollWindow: Int { config.fetch.concurrency * 2 }

    /// Polls one feed. With a turn (taken by a `PollQueue`), the fetch starts at once; without, it waits for one.
    public func poll(_ feed: FeedConfig, turn: FetchTurn? = nil) async -> FeedPollSummary {
        let attempt: PollPipeline.Attempt
        switch pipeline.begin(feed, at: now()) {
        case .fetch(let started): attempt = started
        case .skipped(let summary):
            turn?.finish()
            return summary
        }
        let fetcher = pipeline.fetcher
        let result =
            if let turn { await fetcher.fetch(attempt.request, turn: turn) } else {
                await fetcher.fetch(attempt.request)
            }
        var prepared: PollPipeline.Prepared?
        if case .success(.fetched(let response)) = result.outcome {
            // Parsing and judging off the actor: other polls store meanwhile, and both cores work.
            let parsed = await Self.offActor { PollBatch.parse(response) }
            prepared = pipeline.prepare(parsed, of: attempt.feed)
            if let batch = prepared?.batch, !batch.entries.isEmpty {
                prepared?.judged = await Self.offActor { batch.judge() }
                // Flagged elsewhere meanwhile: judged again, off the actor too (`finish` does it last,
                // on the actor, should a post be flagged after the third round).
                for _ in 0..<3 {
                    guard let current = prepared, let again = pipeline.rejudging(current) else { break }
                    prepared?.batch = again
                    prepared?.judged = await Self.offActor { again.judge() }
                }
            }
        }
        let summary = pipeline.finish(attempt, result, prepared: prepared, at: now())
        count(summary)
        return summary
    }

    /// Runs CPU-bound work on the global executor, not on this actor.
    @concurrent private static func offActor<Value: Sendable>(_ work: @Sendable () -> Value) async -> Value {
        work()
    }

    private func count(_ summary: FeedPollSummary) {
        guard summary.error != "\(FetchError.stopped)" else { return }  // a shutdown's, not the feed's
        counters.polls += 1
        counters.items += summary.newItems
        counters.mentions += summary.mentions
        if let kind = summary.errorKind { counters.fetchErrors[kind, default: 0] += 1 }
    }

    /// Polls every configured feed once, all at the same time within the fetch limits; summaries in config order.
    public func pollAll() async -> [FeedPollSummary] {
        await poll(config.feeds)
    }

    /// Polls these feeds concurrently through a `PollQueue`; summaries in the given order.
    public func poll(_ feeds: [FeedConfig]) async -> [FeedPollSummary] {
        var queue = PollQueue(windowSize: pollWindow)
        queue.setWaiting(queueEntries(feeds))
        return await withTaskGroup(of: PollEvent.self) { group in
            var summaries: [String: FeedPollSummary] = [:]
            var timerArmed = false
            repeat {
                let stopped = queue.startPolls(
                    on: self, in: &group, timerArmed: &timerArmed, longestWait: .milliseconds(500))
                for feed in stopped {
                    summaries[feed.id] = FeedPollSummary(feedID: feed.id, error: "\(FetchError.stopped)")
                }
                guard let event = await group.next() else { break }
                switch event {
                case .polled(let feed, let summary):
                    summaries[feed.id] = summary
                    queue.finished(feed.id)
                case .lookAgain: timerArmed = false
                case .tick: break
                }
            } while !queue.isIdle
            group.cancelAll()
            return feeds.compactMap { summaries[$0.id] }
        }
    }

    /// The feeds with the host each poll will count against.
    func queueEntries(_ feeds: [FeedConfig]) -> [PollQueue.Entry] {
        let moved = (readFeedRecords() ?? []).reduce(into: [String: String]()) { $0[$1.id] = $1.movedTo }
        return feeds.map { PollQueue.Entry(feed: $0, host: HostPoliteness.hostKey(of: moved[$0.id] ?? $0.url)) }
    }

    /// Feeds whose next poll is due at `date`, longest overdue first (a feed never polled is due at once).
    /// When the database cannot be read, none is due: polling blindly would ignore every backoff.
    func duePolls(at date: Date) -> [PollQueue.Entry] {
        guard let records = readFeedRecords() else { return [] }
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        let next = { (feed: FeedConfig) in byID[feed.id]?.nextPoll ?? .distantPast }
        return config.feeds
            .filter { next($0) <= date }
            .sorted { next($0) < next($1) }
            .map { PollQueue.Entry(feed: $0, host: HostPoliteness.hostKey(of: byID[$0.id]?.movedTo ?? $0.url)) }
    }

    /// When each feed is due next, as the scheduler decided after its last poll; nil on a database error.
    public func nextPollTimes() -> [String: Date]? {
        guard let records = readFeedRecords() else { return nil }
        var times: [String: Date] = [:]
        for record in records { times[record.id] = record.nextPoll ?? .distantPast }
        return times
    }

    private func readFeedRecords() -> [FeedRecord]? {
        do {
            return try store.allFeeds()
        } catch {
            errors.record(error, while: "read the feeds' schedule")
            return nil
        }
    }

    // MARK: - Alerts, retention, digest, health

    public func deliverAlerts() -> DeliveryReport {
        let report = alerts.deliver(at: now())
        if report.error != nil { counters.deliveryFailures += 1 }
        return report
    }

    public func enforceRetention() {
        retention.enforce(config.storage, at: now())
    }

    /// The digest of `day` as text, or as the mail's HTML part (`mentionwatch digest --html`).
    public func digest(day: String, from: Date, to: Date, schedule: DigestSchedule, html: Bool = false) throws -> String
    {
        try digests.render(day: day, from: from, to: to, now: now(), schedule: schedule, html: html)
    }

    /// Delivers the digest of `day` unless it went out before. - Returns: false when it had been sent already.
    @discardableResult
    public func sendDigest(day: String, schedule: DigestSchedule) throws -> Bool {
        do {
            return try digests.send(day: day, schedule: schedule, at: now())
        } catch {
            // The caller logs it (and retries); a database error among them is counted here.
            if error is SQLiteError || error is StoreError { errors.countLoggedElsewhere() }
            throw error
        }
    }

    public func feedHealth() throws -> [(record: FeedRecord, silent: Bool)] {
        try health.report(for: config.feeds, at: now())
    }
}
