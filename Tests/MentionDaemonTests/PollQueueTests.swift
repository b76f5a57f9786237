import Foundation
import MentionConfig
import MentionFetch
import TestSupport
import Testing

@testable import MentionDaemon

/// `PollQueue` starts the waiting polls in queue order as far as each host's turns allow, and
/// hands back the rest, in order, when fetching stops.
struct PollQueueTests {
    static func feeds() throws -> [FeedConfig] {
        let yaml = """
            school: { name: Praktijkschool De Zeehoek }
            feeds:
              - { id: a1, url: "http://a.example/1" }
              - { id: a2, url: "http://a.example/2" }
              - { id: a3, url: "http://a.example/3" }
              - { id: b1, url: "http://b.example/1" }
              - { id: b2, url: "http://b.example/2" }
              - { id: c1, url: "http://c.example/1" }
            storage: { database: mw.sqlite }
            """
        return try ConfigParser.parse(yaml, file: "t.yaml", baseDirectory: Paths.temporaryFolder("queue")).feeds
    }

    static func entries(_ feeds: [FeedConfig]) -> [PollQueue.Entry] {
        feeds.map { PollQueue.Entry(feed: $0, host: HostPoliteness.hostKey(of: $0.url)) }
    }

    /// The six feeds waiting in a queue of `window`, and turns without limits but the window's.
    static func queue(window: Int) throws -> (PollQueue, HostPoliteness, [PollQueue.Entry]) {
        var queue = PollQueue(windowSize: window)
        let entries = entries(try feeds())
        queue.setWaiting(entries)
        return (queue, HostPoliteness(limits: FetchLimits(concurrency: 16, perHost: 16, hostInterval: 0)), entries)
    }

    @Test func pollsStartInQueueOrderAsTheHostsAllow() throws {
        let feeds = try Self.feeds()
        let politeness = HostPoliteness(limits: FetchLimits(concurrency: 4, perHost: 2, hostInterval: 0))
        var queue = PollQueue(windowSize: 10)
        queue.setWaiting(Self.entries(feeds))
        // Two of host a, then a3 must wait; two of b fill the concurrency of 4; c1 waits for it.
        let first = queue.start(politeness)
        #expect(first.polls.map(\.feed.id) == ["a1", "a2", "b1", "b2"])
        #expect(queue.hasWaiting)
        // A turn of host a comes free: a3 is next in line, before c1.
        first.polls[0].turn.finish()
        queue.finished("a1")
        #expect(queue.start(politeness).polls.map(\.feed.id) == ["a3"])
        first.polls[2].turn.finish()
        queue.finished("b1")
        #expect(queue.start(politeness).polls.map(\.feed.id) == ["c1"])
        #expect(!queue.hasWaiting)
    }

    @Test func theWindowLimitsThePollsInFlightAndStoppingHandsBackTheRestInOrder() throws {
        var (queue, politeness, _) = try Self.queue(window: 2)
        #expect(queue.start(politeness).polls.map(\.feed.id) == ["a1", "a2"])
        #expect(queue.start(politeness).polls.isEmpty, "the window is full")
        queue.finished("a1")
        politeness.close()
        let stopped = queue.start(politeness)
        #expect(stopped.polls.isEmpty)
        #expect(stopped.stopped.map(\.id) == ["a3", "b1", "b2", "c1"])
        #expect(!queue.hasWaiting)
    }

    @Test func aFeedBeingPolledIsNotQueuedAgain() throws {
        var (queue, politeness, entries) = try Self.queue(window: 1)
        #expect(queue.start(politeness).polls.map(\.feed.id) == ["a1"])
        queue.setWaiting(entries)  // the next tick's due list still holds a1
        queue.finished("a1")
        #expect(queue.start(politeness).polls.map(\.feed.id) == ["a2"])
    }
}
