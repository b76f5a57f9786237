import FeedKit
import Foundation
import Logging
import MentionClassify
import MentionConfig
import MentionFetch
import MentionMatch
import MentionSchedule
import MentionStore

/// What one poll of one feed did, for `poll --once` and the log.
public struct FeedPollSummary: Sendable, CustomStringConvertible {
    public var feedID: String
    public var newItems = 0
    public var mentions = 0
    public var flagged = 0
    public var notModified = false
    public var error: String?
    /// The failure's kind for the metrics (`Metrics.fetchErrorKinds`).
    public var errorKind: String?
    public var nextPoll: Date?

    public var description: String {
        if let error { return "\(feedID): FAILED: \(error)" }
        if notModified { return "\(feedID): not modified (304)" }
        return "\(feedID): \(newItems) new, \(mentions) with mentions, \(flagged) flagged"
    }
}

/// The poll of one feed: fetch → parse → match → classify → store, then the feed's next poll.
/// `begin`, `prepare` and `finish` run on `Monitor` (the store's owner); the fetch, the parse and the
/// judging (`PollBatch`) run between them off the actor, several feeds at once.
final class PollPipeline {
    private let store: Store
    private let errors: DatabaseErrors
    private let logger: Logger
    private var config: Config
    /// The classifier (its matcher and compiled lexicon) is made on a thread of its own at start, while
    /// the first fetches run; the first poll that brings a new item waits for it, if it must.
    private var classifierAtStart: BackgroundWork<Classifier, Never>?
    private var madeClassifier: Classifier?
    private var classifier: Classifier {
        if let madeClassifier { return madeClassifier }
        let made = classifierAtStart!.take()
        (madeClassifier, classifierAtStart) = (made, nil)
        return made
    }
    /// Flagged posts seen, to recognise a forwarded copy (kept across reloads; refilled from the database at start).
    private var forwarding = ForwardingMemory()
    /// Counts the posts remembered in `forwarding`: a batch judged before the last one is judged again.
    private var forwardingVersion = 0
    private let schedule = PollSchedule()
    /// One fetcher for the pipeline's life: a reload changes its limits in place, so turns in flight keep counting.
    let fetcher: CurlFetcher

    init(config: Config, store: Store, errors: DatabaseErrors, logger: Logger) throws {
        self.config = config
        self.store = store
        self.errors = errors
        self.logger = logger
        classifierAtStart = BackgroundWork { Classifier(config: config) }
        fetcher = CurlFetcher(limits: FetchLimits(config.fetch))
        for (post, severity) in try store.recentFlaggedPosts(limit: forwarding.capacity).reversed() {
            forwarding.remember(post, severity: severity)
        }
    }

    func apply(_ newConfig: Config) {
        (madeClassifier, classifierAtStart) = (Classifier(config: newConfig), nil)
        if newConfig.fetch != config.fetch { fetcher.update(FetchLimits(newConfig.fetch)) }
        config = newConfig
    }

    /// A poll whose fetch may start: what `finish` needs of `begin`.
    struct Attempt {
        var feed: FeedConfig
        var record: FeedRecord?
        var request: FetchRequest
        var failures: Int
    }

    enum Start {
        case fetch(Attempt)
        /// Not polled; the summary says why.
        case skipped(FeedPollSummary)
    }

    /// Reads the feed's record and builds its request. Without its record the feed is not polled:
    /// polling blindly would forget its validators, backoff and new address.
    func begin(_ feed: FeedConfig, at now: Date) -> Start {
        let record: FeedRecord?
        do {
            record = try store.feed(feed.id)
        } catch {
            errors.record(error, while: "read the record", feedID: feed.id)
            var summary = FeedPollSummary(feedID: feed.id)
            summary.error = "database: \(error)"
            summary.errorKind = "database"
            return .skipped(summary)
        }
        let request = FetchRequest(
            url: record?.movedTo ?? feed.url, etag: record?.etag, lastModified: record?.lastModified,
            allowPrivate: feed.allowPrivate, settings: config.fetch)
        let failures = (record?.failures ?? 0) + 1
        // Should this poll never end (the process dies in it), the next start finds it begun and decides
        // (`RestartSchedule`); until then, no one else takes the feed as due.
        do {
            try store.deferPoll(
                feedID: feed.id,
                until: schedule.nextPoll(
                    interval: feed.interval, outcome: PollOutcome(.failed),
                    failures: failures, now: now, jitter: 0),
                started: now)
        } catch {
            errors.record(error, while: "defer the next poll", feedID: feed.id)
        }
        return .fetch(Attempt(feed: feed, record: record, request: request, failures: failures))
    }

    /// Stores what the fetch brought and schedules the feed's next poll.
    func finish(_ attempt: Attempt, _ result: FetchResult, prepared: Prepared? = nil, at fetchedAt: Date)
        -> FeedPollSummary
    {
        let (feed, record) = (attempt.feed, attempt.record)
        var summary = FeedPollSummary(feedID: feed.id)
        // A reload that gave this feed another url during the fetch has reset its record (validators,
        // backoff, new address, next poll). The items fetched still count; the old address's state must
        // not overwrite the reset, or the new url would wait out the old one's backoff or move.
        let readdressed = config.feeds.first { $0.id == feed.id }?.url != feed.url
        var outcome = PollOutcome(
            .failed, retryAfter: result.retryAfter, cacheMaxAge: result.cacheControl.flatMap(PollSchedule.maxAge))
        let pollResult: PollRecord.Result
        switch result.outcome {
        case .failure(.stopped):
            // Shutting down: not the feed's fault. Put its schedule back and record nothing.
            do {
                if !readdressed { try store.deferPoll(feedID: feed.id, until: record?.nextPoll ?? fetchedAt) }
            } catch {
                errors.record(error, while: "put back the schedule", feedID: feed.id)
            }
            summary.error = "\(FetchError.stopped)"
            return summary
        case .failure(let error):
            outcome.kind =
                switch result.status {
                case 429, 503: .rateLimited
                case 403: .forbidden
                default: .failed
                }
            pollResult = .failed("\(error)")
            summary.errorKind = error.metricKind
        case .success(.notModified):
            summary.notModified = true
            outcome.kind = .notModified
            // a 304 keeps the last full answer's freshness
            outcome.cacheMaxAge = outcome.cacheMaxAge ?? record?.freshFor
            pollResult = .notModified
        case .success(.fetched(let response)):
            switch process(response, prepared, of: feed, at: fetchedAt, into: &summary) {
            case .success(let ttl):
                outcome.kind = .fetched
                outcome.ttl = ttl
                pollResult = .fetched(
                    etag: response.etag, lastModified: response.lastModified, newItems: summary.newItems)
            case .failure(let error):
                pollResult = .failed(error.message)
                summary.errorKind = error.message.hasPrefix("database: ") ? "database" : "parse"
            }
        }
        if readdressed {
            if case .failed(let message) = pollResult { summary.error = message }
            logger.notice(
                "feed \(feed.id) got a new url while it was fetched: the items are kept, the old address's state is not",
                metadata: ["feed": "\(feed.id)"])
            return summary
        }
        let works = outcome.kind == .fetched || outcome.kind == .notModified
        let next = schedule.nextPoll(
            interval: feed.interval, outcome: outcome, failures: works ? 0 : attempt.failures,
            now: fetchedAt, jitter: Double.random(in: 0..<1))
        summary.nextPoll = next
        do {
            let freshFor = [outcome.cacheMaxAge, outcome.ttl].compactMap { $0 }.max()
            try store.record(
                feedID: feed.id,
                PollRecord(pollResult, at: fetchedAt, status: result.status, nextPoll: next, freshFor: freshFor))
        } catch {
            errors.record(error, while: "record the poll", feedID: feed.id)
        }
        if case .failed(let message) = pollResult {
            summary.error = message
            // Log a failure once per change of state, not on every poll.
            if record?.lastError != message {
                logger.error(
                    "feed \(feed.id) failed: \(message); next try \(FeedDate.rfc3339(next))",
                    metadata: ["feed": "\(feed.id)"])
            }
        } else if let previous = record?.lastError {
            logger.notice("feed \(feed.id) works again (was: \(previous))", metadata: ["feed": "\(feed.id)"])
        }
        if let movedTo = result.movedTo, works, movedTo != record?.movedTo {
            do {
                try store.recordMove(feedID: feed.id, to: movedTo)
                logger.notice(
                    "feed \(feed.id) moved permanently to \(movedTo): polling the new address; update its url in the configuration"
                )
            } catch {
                errors.record(error, while: "record the new address \(movedTo)", feedID: feed.id)
            }
        }
        return summary
    }

    /// A fetched body parsed and its new items judged, off the actor (`PollBatch`); or why not.
    struct Prepared: Sendable {
        var parsed: Result<Feed, ProcessingError>
        var batch: PollBatch?
        var judged: [PollBatch.Judged] = []
    }

    /// The new items of a parsed feed, to be judged off the actor: what is stored already needs no
    /// matching, and a reply gets the stored names of the post it answers.
    func prepare(_ parsed: Result<Feed, ProcessingError>, of feed: FeedConfig) -> Prepared {
        guard case .success(let document) = parsed else { return Prepared(parsed: parsed) }
        let items = document.items
        var entries: [PollBatch.Entry] = []
        do {
            for item in items.filter({ $0.inReplyTo == nil }) + items.filter({ $0.inReplyTo != nil })
            where try !store.contains(feedID: feed.id, item: item) {
                var entry = PollBatch.Entry(item: item, post: Post(item, of: feed))
                if let parent = item.repliesToIdentity { entry.storedThread = try store.mentions(ofIdentity: parent) }
                entries.append(entry)
            }
        } catch {
            errors.record(error, while: "read the stored items", feedID: feed.id)
            return Prepared(parsed: .failure(ProcessingError("database: \(error)")))
        }
        // No new item, nothing to judge: the classifier is not asked for (at start it may still be made).
        guard !entries.isEmpty else { return Prepared(parsed: parsed) }
        let batch = PollBatch(
            entries: entries, classifier: classifier, forwarding: forwarding, forwardingVersion: forwardingVersion)
        return Prepared(parsed: parsed, batch: batch)
    }

    /// Stores a fetched body's new items as judged. Returns the feed's <ttl>, or the failure in plain words.
    private func process(
        _ response: FetchedBody, _ prepared: Prepared?, of feed: FeedConfig, at fetchedAt: Date,
        into summary: inout FeedPollSummary
    ) -> Result<Int?, ProcessingError> {
        var prepared = prepared ?? prepare(PollBatch.parse(response), of: feed)
        let parsed: Feed
        switch prepared.parsed {
        case .success(let document): parsed = document
        case .failure(let error): return .failure(error)
        }
        if let batch = prepared.batch, prepared.judged.count != batch.entries.count || stale(batch, prepared.judged) {
            var again = batch
            again.forwarding = forwarding
            prepared.judged = again.judge()
        }
        do {
            try store.inTransaction {
                try storeNew(prepared.judged, of: feed, response: response, at: fetchedAt, into: &summary)
            }
        } catch {
            // Also the feed's error (logged with it once per change of state); logged and counted here each time.
            errors.record(error, while: "store the new items", feedID: feed.id)
            summary.newItems = 0
            summary.mentions = 0
            summary.flagged = 0
            return .failure(ProcessingError("database: \(error)"))
        }
        return .success(parsed.ttl)
    }

    /// The batch with the flagged posts remembered now, when one flagged since it was judged could
    /// make one of its posts a forwarded copy; nil when its judgement stands.
    func rejudging(_ prepared: Prepared) -> PollBatch? {
        guard let batch = prepared.batch, prepared.judged.count == batch.entries.count, stale(batch, prepared.judged)
        else { return nil }
        var again = batch
        (again.forwarding, again.forwardingVersion) = (forwarding, forwardingVersion)
        return again
    }

    /// Whether a post flagged since the batch was judged could make one of its posts a forwarded
    /// copy: a forwarding finding is aimed at the names in the post, so only posts with names count.
    private func stale(_ batch: PollBatch, _ judged: [PollBatch.Judged]) -> Bool {
        batch.forwardingVersion != forwardingVersion
            && judged.contains { $0.assessment.mentions.contains { $0.start < $0.end } }
    }

    private func storeNew(
        _ judged: [PollBatch.Judged], of feed: FeedConfig, response: FetchedBody, at fetchedAt: Date,
        into summary: inout FeedPollSummary
    ) throws {
        var documentSHA256: String?  // computed once, and only when an item is flagged
        for (item, post, assessment) in judged.map({ ($0.item, $0.post, $0.assessment) }) {
            // Alerts and review items keep their evidence (a review item may be promoted).
            if assessment.tier != .none, documentSHA256 == nil { documentSHA256 = SHA256.hex(response.body) }
            var new = NewItem(
                feedID: feed.id, item: item, fetchedAt: fetchedAt, assessment: assessment,
                sourceURL: response.effectiveURL, etag: response.etag, lastModified: response.lastModified,
                documentSHA256: documentSHA256, document: assessment.tier != .none ? response.body : nil)
            new.groupWindow = config.alerts.groupWindow
            guard try store.insert(new) != nil else { continue }
            if assessment.alert {
                classifier.remember(post, assessment, in: &forwarding)
                forwardingVersion += 1
            }
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
