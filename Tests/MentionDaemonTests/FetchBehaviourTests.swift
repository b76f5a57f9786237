import Foundation
import Logging
import MentionFetch
import TestSupport
import Testing

@testable import FeedKit
@testable import MentionClassify
@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionMatch
@testable import MentionRender
@testable import MentionSchedule
@testable import MentionStore

/// Each way a host can behave, polled next to a good feed in the same cycle: the odd one gets the
/// right outcome and schedule, and the good one is never affected.
struct FetchBehaviourTests {
    static let quiet = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
    static let now = Date(timeIntervalSince1970: 1_795_000_000)
    static let rss = """
        <rss version="2.0"><channel><title>odd</title><ttl>120</ttl>
        <item><guid>odd-1</guid><title>Open dag</title><description>De Zeehoek</description></item></channel></rss>
        """

    /// A server with a good feed, a config polling it and `odd`, and a monitor with a fixed clock.
    struct Cycle {
        let server: FeedServer
        let monitor: Monitor
        let store: Store

        init(
            odd: (FeedServer) -> String, fetch: String = "", server: FeedServer? = nil,
            logger: Logger = FetchBehaviourTests.quiet, lowSpeedTime: String = "2s"
        ) throws {
            let server = try server ?? FeedServer()
            self.server = server
            try server.write(
                "good.xml",
                try String(
                    contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/forum-westerveen.xml",
                    encoding: .utf8))
            try server.write("odd.xml", FetchBehaviourTests.rss)
            let folder = Paths.temporaryFolder("behaviour")
            let yaml = """
                school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
                staff: [{ id: staff-08, name: Pieter Oosterhuis }]
                feeds:
                  - { id: good, url: "\(server.feedURL("good.xml"))", allow_private: true }
                  - { id: odd, url: "\(odd(server))", allow_private: true, interval: 15m }
                alerts: { spool: "maildir:mt" }
                digest: { spool: "maildir:coordinator" }
                storage: { database: mw.sqlite }
                fetch: { host_interval: 0s, per_host: 4, timeout: 10s, low_speed_time: \(lowSpeedTime), max_size: 1MB\(fetch) }
                """
            let config = try ConfigParser.parse(yaml, file: "test.yaml", baseDirectory: folder)
            monitor = try Monitor(config: config, logger: logger, now: { FetchBehaviourTests.now })
            store = try Store(path: config.storage.database)
        }

        /// One cycle; checks the good feed came through, returns the odd feed's summary and record.
        func poll(goodIsNew: Bool = true) async throws -> (summary: FeedPollSummary, record: FeedRecord) {
            let summaries = await monitor.pollAll()
            let good = try #require(summaries.first { $0.feedID == "good" })
            #expect(good.error == nil, "the good feed was affected: \(good)")
            if goodIsNew { #expect(good.newItems == 4) } else { #expect(good.notModified) }
            let odd = try #require(summaries.first { $0.feedID == "odd" })
            return (odd, try #require(try store.feed("odd")))
        }

        func delay(_ record: FeedRecord) -> Int {
            Int(record.nextPoll?.timeIntervalSince(FetchBehaviourTests.now) ?? -1)
        }
    }

    @Test func etagGives304AndTtlIsALowerBound() async throws {
        let cycle = try Cycle(odd: { $0.feedURL("odd.xml") })
        let first = try await cycle.poll()
        #expect(first.summary.newItems == 1 && first.record.etag != nil)
        #expect((7_200...7_920).contains(cycle.delay(first.record)))  // <ttl>120</ttl> minutes beats the 15m interval
        let second = try await cycle.poll(goodIsNew: false)
        #expect(second.summary.notModified)
        #expect((7_200...7_920).contains(cycle.delay(second.record)))  // a 304 keeps the <ttl> of the last full answer
    }

    @Test func lastModifiedAloneGives304() async throws {
        let cycle = try Cycle(odd: { $0.url("lm/odd.xml") })
        let first = try await cycle.poll()
        #expect(first.record.etag == nil && first.record.lastModified != nil)
        #expect(try await cycle.poll(goodIsNew: false).summary.notModified)
    }

    @Test func cacheControlMaxAgeIsALowerBound() async throws {
        let cycle = try Cycle(odd: { $0.url("cache/odd.xml?max_age=36000") })
        #expect((36_000...39_600).contains(cycle.delay(try await cycle.poll().record)))
    }

    @Test(arguments: [(301, true), (308, true), (302, false), (307, false)])
    func redirectChainsMoveTheFeedOnlyWhenPermanent(_ code: Int, _ permanent: Bool) async throws {
        let cycle = try Cycle(odd: { "\($0.url("chain/3/\(code)"))?to=\($0.feedURL("odd.xml"))" })
        let (summary, record) = try await cycle.poll()
        #expect(summary.newItems == 1)
        #expect(record.movedTo == (permanent ? cycle.server.feedURL("odd.xml") : nil))
    }

    @Test(arguments: [
        ("loop", "too many redirects (more than 5)"),
        ("redirect/302?to=file:///etc/passwd", "protocol not allowed"),
        ("redirect/302?to=gopher://127.0.0.1/", "protocol not allowed"),
        ("status/404", "HTTP 404"),
        ("drip", "too slow (under 100 bytes/s for 2 s)"),
        ("endless", "too large (more than 1048576 bytes)"),
        ("gzipbomb", "too large (more than 1048576 bytes)"),
        ("truncated", "incomplete answer"),
    ])
    func hostileAnswersFailAlone(_ path: String, _ expected: String) async throws {
        let cycle = try Cycle(odd: { $0.url(path) })
        let (summary, record) = try await cycle.poll()
        #expect(summary.error?.hasPrefix(expected) == true, "\(summary)")
        #expect(record.failures == 1 && record.lastError == summary.error)
        #expect(cycle.delay(record) >= 900)  // backoff starts at the interval
    }

    @Test func aWrongContentLengthGivesNoItemsFromGarbage() async throws {
        // 50 bytes of a 300-byte document: whatever curl makes of it, nothing bogus is stored.
        let cycle = try Cycle(odd: { $0.url("wronglength") })
        let (summary, _) = try await cycle.poll()
        #expect(summary.newItems == 0)
    }

    @Test func rateLimitsWaitForRetryAfter() async throws {
        let seconds = try Cycle(odd: { $0.url("retry/429?after=7200") })
        let record = try await seconds.poll().record
        #expect(record.lastStatus == 429 && record.lastError == "HTTP 429")
        #expect((7_200...7_920).contains(seconds.delay(record)))
        // As an HTTP-date 120 s ahead of the server's clock (the test clock is fixed, so only check it parsed as a date).
        let date = try Cycle(odd: { $0.url("retry/429?date=1") })
        #expect(try await date.poll().record.nextPoll != nil)
        let unavailable = try Cycle(odd: { $0.url("retry/503?after=3") })
        let busy = try await unavailable.poll().record
        // never sooner than the interval
        #expect(busy.lastStatus == 503 && (900...990).contains(unavailable.delay(busy)))
    }

    @Test func repeatedErrorsBackOffExponentially() async throws {
        let cycle = try Cycle(odd: { $0.url("status/500") })
        var delays: [Int] = []
        for round in 0..<4 { delays.append(cycle.delay(try await cycle.poll(goodIsNew: round == 0).record)) }
        #expect(
            zip([900, 1_800, 3_600, 7_200], delays).allSatisfy { base, delay in
                (base...base + base / 10).contains(delay)
            }, "\(delays)")
        #expect(try cycle.store.feed("odd")?.failures == 4)
    }

    @Test func forbiddenBacksOffFromAnHour() async throws {
        let cycle = try Cycle(odd: { $0.url("status/403") })
        #expect((3_600...3_960).contains(cycle.delay(try await cycle.poll().record)))
    }

    @Test func connectionRefusedAndUnknownHostsAreNamed() async throws {
        let refused = try Cycle(odd: { _ in "http://127.0.0.1:9/feed.xml" })  // the discard port: nothing listens
        #expect(try await refused.poll().summary.error == "connection refused")
        let unknown = try Cycle(odd: { _ in "http://feeds.mentionwatch.invalid/rss" })
        #expect(try await unknown.poll().summary.error?.hasPrefix("DNS:") == true)
    }

    @Test func aNameThatResolvesToLoopbackIsRefusedWithoutAllowPrivate() async throws {
        let server = try FeedServer()
        let cycle = try Cycle(odd: { "http://localhost:\($0.port)/feeds/odd.xml" }, server: server)
        var config = await cycle.monitor.config
        config.feeds[1].allowPrivate = false
        try await cycle.monitor.apply(config)
        let (summary, _) = try await cycle.poll()
        #expect(summary.error?.hasPrefix("refused: the address is loopback or private") == true, "\(summary)")
    }

    @Test func tlsWithOurOwnCAIsAcceptedOnlyWithTheCAFile() async throws {
        let folder = Paths.temporaryFolder("tls")
        try run("/bin/sh", [Paths.support("make_tls.sh"), folder])
        let tlsServer = try FeedServer(tls: (folder + "/server.pem", folder + "/server.key"))
        try tlsServer.write("odd.xml", Self.rss)
        let without = try Cycle(odd: { _ in tlsServer.feedURL("odd.xml") })
        #expect(try await without.poll().summary.error?.hasPrefix("TLS") == true)
        let with = try Cycle(odd: { _ in tlsServer.feedURL("odd.xml") }, fetch: ", ca_file: \"\(folder)/ca.pem\"")
        #expect(try await with.poll().summary.newItems == 1)
    }

    @Test func requestsIdentifyThemselvesPolitely() async throws {
        let cycle = try Cycle(
            odd: { $0.feedURL("odd.xml") }, fetch: ", contact: \"https://zeehoek-pro.example/mentionwatch\"")
        _ = try await cycle.poll()
        guard
            case .success(.fetched(let log)) = await CurlFetcher().fetch(
                FetchRequest(url: cycle.server.url("__log"), allowPrivate: true)
            ).outcome,
            let requests = try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]],
            let odd = requests.first(where: { ($0["path"] as? String)?.hasSuffix("odd.xml") == true })
        else {
            Issue.record("the server's log has no request for odd.xml")
            return
        }
        #expect(
            odd["user_agent"] as? String
                == "mentionwatch/\(mentionwatchVersion) (+https://zeehoek-pro.example/mentionwatch)")
        #expect((odd["accept"] as? String)?.hasPrefix("application/rss+xml, application/atom+xml") == true)
        #expect((odd["accept_encoding"] as? String)?.contains("gzip") == true)
    }

    @Test func aFailureIsLoggedOncePerChangeOfState() async throws {
        let log = CollectedLog()
        let cycle = try Cycle(odd: { $0.url("lm/flaky.xml") }, logger: Logger(label: "test") { _ in log })
        for round in 0..<3 { _ = try await cycle.poll(goodIsNew: round == 0) }  // flaky.xml is missing: 404 three times
        try cycle.server.write("flaky.xml", FetchBehaviourTests.rss)
        _ = try await cycle.poll(goodIsNew: false)
        _ = try await cycle.poll(goodIsNew: false)
        let lines = log.lines.filter { $0.contains("feed odd") }
        #expect(lines.count == 2, "\(lines)")
        #expect(lines.first?.hasPrefix("error: feed odd failed: HTTP 404") == true)
        #expect(lines.last == "notice: feed odd works again (was: HTTP 404)")
    }

    @Test func aShutdownDuringAPollIsNotCountedAgainstTheFeed() async throws {
        // The slow host must outlast the shutdown even when other tests hold the machine's cores: with
        // the usual 2 s of low speed, the transfer once gave up as too slow before the stop arrived.
        let cycle = try Cycle(odd: { $0.url("slow") }, lowSpeedTime: "8s")
        let monitor = cycle.monitor
        let feed = await monitor.config.feeds[1]
        async let polled = monitor.poll(feed)
        try await Task.sleep(for: .milliseconds(500))
        await monitor.stopFetching()
        let summary = await polled
        #expect(summary.error == "stopped before it finished (shutdown)")
        let record = try #require(try cycle.store.feed("odd"))
        #expect(record.failures == 0 && record.lastError == nil)
        #expect((record.nextPoll ?? .distantPast) <= FetchBehaviourTests.now)  // still due: the schedule was put back
    }

    @Test func aSlowHostDoesNotHoldUpTheOthers() async throws {
        // Four feeds on a host that answers slowly, one per host at a time, two polls at once: the good
        // feed on another host ("localhost") must not wait until the slow ones are done.
        let server = try FeedServer()
        try server.write("good.xml", Self.rss)
        let folder = Paths.temporaryFolder("hol")
        let slow = (0..<4).map { "  - { id: slow-\($0), url: \"\(server.url("slow"))?n=\($0)\", allow_private: true }" }
            .joined(separator: "\n")
        let yaml = """
            school: { name: Praktijkschool De Zeehoek }
            feeds:
            \(slow)
              - { id: good, url: "http://localhost:\(server.port)/feeds/good.xml", allow_private: true }
            storage: { database: mw.sqlite }
            alerts: { spool: "maildir:mt" }
            digest: { spool: "maildir:coordinator" }
            fetch: { concurrency: 2, per_host: 1, host_interval: 0s, timeout: 3s }
            """
        let monitor = try Monitor(
            config: try ConfigParser.parse(yaml, file: "t.yaml", baseDirectory: folder), logger: Self.quiet)
        let started = Date()
        let summaries = await monitor.pollAll()
        #expect(summaries.last?.newItems == 1)
        guard
            case .success(.fetched(let log)) = await CurlFetcher().fetch(
                FetchRequest(url: server.url("__log"), allowPrivate: true)
            ).outcome,
            let requests = try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]],
            let good = requests.first(where: { ($0["path"] as? String)?.hasSuffix("good.xml") == true })?["time"]
                as? Double
        else {
            Issue.record("no request for good.xml in the server's log")
            return
        }
        let slowArrivals = requests.filter { ($0["path"] as? String)?.hasPrefix("/slow") == true }.compactMap {
            $0["time"] as? Double
        }.sorted()
        // The slow host takes one request at a time, each holding it for 3 s: the good feed must not queue behind them.
        #expect(slowArrivals.count == 4)
        #expect(
            slowArrivals.count < 2 || good < slowArrivals[1],
            "good at \(good - started.timeIntervalSince1970) s, slow at \(slowArrivals.map { $0 - started.timeIntervalSince1970 })"
        )
    }
}

/// A log handler that keeps what it is given, as "level: message".
final class CollectedLog: LogHandler, @unchecked Sendable {  // lines behind a lock
    private let lock = NSLock()
    private var stored: [String] = []
    var logLevel: Logger.Level = .trace
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.lock()
        stored.append("\(event.level): \(event.message)")
        lock.unlock()
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
