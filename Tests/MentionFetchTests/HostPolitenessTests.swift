import Foundation
import Testing

@testable import MentionFetch

/// The one politeness gate on its own: the host-key rule and how turns are given and given back.
struct HostPolitenessTests {
    @Test(arguments: [
        ("https://Social.Example/tags/zeehoek.rss", "social.example"),
        ("http://social.example:8080/feed", "social.example"),  // the port does not make another server
        ("HTTP://SOCIAL.EXAMPLE/a", "social.example"),
        ("http://user:secret@social.example/a", "social.example"),
        ("http://127.0.0.1:8000/a", "127.0.0.1"),
        ("http://localhost:8000/a", "localhost"),  // as written: not resolved, so not 127.0.0.1
    ])
    func theHostKeyIsTheLowercasedHostAsWrittenWithoutPort(_ url: String, _ key: String) {
        #expect(HostPoliteness.hostKey(of: url) == key)
    }

    @Test func fileURLsEachCountOnTheirOwn() {
        let a = HostPoliteness.hostKey(of: "file:///srv/feeds/a.xml")
        let b = HostPoliteness.hostKey(of: "file:///srv/feeds/b.xml")
        #expect(a != b && a != "" && b != "")
    }

    @Test func perHostAndConcurrencyLimitTurnsAndAFinishedOrDroppedTurnGivesItsPlaceBack() {
        let politeness = HostPoliteness(limits: FetchLimits(concurrency: 3, perHost: 2, hostInterval: 0))
        func take(_ host: String) -> FetchTurn? {
            if case .turn(let turn) = politeness.tryTake(host) { return turn }
            return nil
        }
        let first = take("a.example")
        var second = take("a.example")
        #expect(first != nil && second != nil, "per_host 2 gives two turns on one host")
        #expect(take("a.example") == nil, "a third turn on a.example must wait")
        let other = take("b.example")
        #expect(other != nil, "another host is not held up")
        #expect(take("c.example") == nil, "concurrency 3 is reached")
        first?.finish()
        first?.finish()  // twice: gives back one place, not two
        let third = take("a.example")
        #expect(third != nil, "a finished turn frees its place")
        #expect(take("a.example") == nil && take("c.example") == nil, "only one place was freed")
        second = nil  // dropped unused (its poll was skipped): the place comes back too
        #expect(take("c.example") != nil)
        withExtendedLifetime((other, third, second)) {}
    }

    @Test func theIntervalCountsFromTheRealStartOfTheTransfer() async throws {
        let politeness = HostPoliteness(limits: FetchLimits(concurrency: 4, perHost: 4, hostInterval: 0.3))
        guard case .turn(let first) = politeness.tryTake("a.example") else {
            Issue.record("the first turn is free")
            return
        }
        // Not started yet: the next turn cannot know when the interval ends, so it waits.
        guard case .later = politeness.tryTake("a.example") else {
            Issue.record("the host's interval must hold the next turn back")
            return
        }
        first.started()
        guard case .later(let wait) = politeness.tryTake("a.example") else {
            Issue.record("still within the interval")
            return
        }
        #expect(wait > .milliseconds(200) && wait <= .milliseconds(300))
        let clock = ContinuousClock()
        let waited = await clock.measure { _ = await politeness.take("a.example") }
        #expect(waited >= .milliseconds(250), "\(waited)")
        withExtendedLifetime(first) {}
    }

    @Test func closingRefusesTurnsAndWakesThoseWaiting() async throws {
        let politeness = HostPoliteness(limits: FetchLimits(concurrency: 1, perHost: 1, hostInterval: 0))
        guard case .turn(let held) = politeness.tryTake("a.example") else {
            Issue.record("the first turn is free")
            return
        }
        async let waiting = politeness.take("a.example")
        try await Task.sleep(for: .milliseconds(100))
        politeness.close()
        #expect(await waiting == nil)
        guard case .closed = politeness.tryTake("b.example") else {
            Issue.record("closed: no more turns")
            return
        }
        withExtendedLifetime(held) {}
    }
}
