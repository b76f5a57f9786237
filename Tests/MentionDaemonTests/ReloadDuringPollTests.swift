import Foundation
import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionDaemon
@testable import MentionStore

/// A reload may land while a poll waits for its fetch (the monitor lets others in only then).
struct ReloadDuringPollTests {
    @Test func aNewURLDuringAFetchKeepsTheItemsButNotTheOldAddressesState() async throws {
        let server = try FeedServer()
        try server.write("odd.xml", FetchBehaviourTests.rss)
        let folder = Paths.temporaryFolder("reload")
        func config(url: String) throws -> Config {
            try ConfigParser.parse(
                """
                school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
                feeds: [{ id: odd, url: "\(url)", allow_private: true }]
                alerts: { spool: "maildir:mt" }
                digest: { spool: "maildir:coordinator" }
                storage: { database: mw.sqlite }
                fetch: { host_interval: 0s }
                """, file: "test.yaml", baseDirectory: folder)
        }
        // The old address answers after a second, with an ETag; the new one is another URL.
        let old = try config(url: server.url("late/odd.xml?seconds=1"))
        let new = try config(url: server.feedURL("odd.xml"))
        let monitor = try Monitor(config: old, logger: FetchBehaviourTests.quiet, now: { FetchBehaviourTests.now })

        async let polled = monitor.poll(old.feeds[0])
        try await Task.sleep(for: .milliseconds(300))
        try await monitor.apply(new)
        let summary = await polled

        // The items the old address gave are kept...
        #expect(summary.newItems == 1 && summary.error == nil)
        // ...but its ETag, failure count and next poll do not overwrite the record the reload reset:
        // the new address is polled at once, without the old one's validators.
        let record = try #require(try Store(path: new.storage.database).feed("odd"))
        #expect(record.url == new.feeds[0].url)
        #expect(record.etag == nil && record.lastModified == nil && record.failures == 0 && record.nextPoll == nil)
    }
}
