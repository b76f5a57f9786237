import Foundation
import MentionFetch
import TestSupport
import Testing

extension CommandLineTests {
    /// `check --fetch` fetches with the `fetch:` settings of the config, not the fetcher's defaults:
    /// two feeds on one host are spaced by the configured host_interval (the default is 1 s), and the
    /// configured body cap applies.
    @Test func checkFetchUsesTheConfiguredFetchSettings() async throws {
        let server = try FeedServer()
        let rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>x</title></item></channel></rss>"
        try server.write("a.xml", rss)
        try server.write("b.xml", rss)
        try server.write(
            "big.xml",
            "<rss version=\"2.0\"><channel><title>\(String(repeating: "x", count: 4_000))</title></channel></rss>")
        let path = try Self.writeConfig(
            """
            school: { name: Praktijkschool De Zeehoek }
            feeds:
              - { id: a, url: "\(server.feedURL("a.xml"))", allow_private: true }
              - { id: b, url: "\(server.feedURL("b.xml"))", allow_private: true }
              - { id: big, url: "http://localhost:\(server.port)/feeds/big.xml", allow_private: true }
            storage: { database: db/mw.sqlite }
            alerts: { spool: maildir:spool }
            fetch: { host_interval: 2s, per_host: 1, max_size: 2KB }
            """)
        let outcome = try Self.mentionwatch(["check", "--fetch", "--config", path])
        #expect(outcome.status == 69, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("  a: ok: rss2.0, 1 items"))
        #expect(outcome.stdout.contains("  b: ok: rss2.0, 1 items"))
        #expect(outcome.stdout.contains("  big: error: too large (more than 2048 bytes)"))
        guard
            case .success(.fetched(let log)) = await CurlFetcher().fetch(
                FetchRequest(url: server.url("__log"), allowPrivate: true)
            ).outcome,
            let requests = try JSONSerialization.jsonObject(with: Data(log.body)) as? [[String: Any]]
        else {
            Issue.record("the test server's log is unreadable")
            return
        }
        let times = requests.filter {
            ($0["path"] as? String)?.hasSuffix("/a.xml") == true || ($0["path"] as? String)?.hasSuffix("/b.xml") == true
        }
        .compactMap { $0["time"] as? Double }.sorted()
        #expect(times.count == 2)
        #expect(
            times.count == 2 && times[1] - times[0] >= 1.95,
            "requests to one host \(times.count == 2 ? times[1] - times[0] : 0) s apart")
    }
}
