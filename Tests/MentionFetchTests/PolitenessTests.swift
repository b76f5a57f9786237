import Foundation
import TestSupport
import Testing

@testable import MentionFetch

/// The multi loop's limits, read off the arrival times the loopback server logged.
struct PolitenessTests {
    static func arrivals(_ server: FeedServer, matching suffix: String) async throws -> [Double] {
        try await server.arrivals().filter { $0.path.hasSuffix(suffix) }.map(\.time)
    }

    @Test func requestsToOneHostAreSpacedOut() async throws {
        let server = try FeedServer()
        try server.write("a.xml", "<rss version=\"2.0\"><channel/></rss>")
        let fetcher = CurlFetcher(limits: FetchLimits(concurrency: 16, perHost: 16, hostInterval: 0.4))
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<5 {
                group.addTask {
                    _ = await fetcher.fetch(FetchRequest(url: server.feedURL("a.xml"), allowPrivate: true))
                }
            }
        }
        let times = try await Self.arrivals(server, matching: "a.xml")
        #expect(times.count == 5)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        #expect(gaps.allSatisfy { $0 >= 0.35 }, "gaps between requests: \(gaps)")
    }

    @Test func perHostLimitHoldsTheRestBack() async throws {
        let server = try FeedServer()
        let fetcher = CurlFetcher(limits: FetchLimits(concurrency: 16, perHost: 2, hostInterval: 0))
        let request = {
            var request = FetchRequest(url: server.url("slow"), allowPrivate: true)
            request.totalTimeout = 2  // each /slow transfer holds its slot for 2 s
            return request
        }()
        let results = await withTaskGroup(of: FetchResult.self) { group in
            for _ in 0..<4 { group.addTask { await fetcher.fetch(request) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0.failure == .timeout(seconds: 2) })
        let times = try await Self.arrivals(server, matching: "slow")
        #expect(times.count == 4)
        // Two start at once; the other two only when those have ended, about 2 s later.
        #expect(times[1] - times[0] < 1)
        #expect(times[2] - times[0] > 1.5, "arrivals: \(times.map { $0 - times[0] })")
    }

    @Test func otherHostsAreNotHeldUpByABusyOne() async throws {
        let server = try FeedServer()
        try server.write("a.xml", "<rss version=\"2.0\"><channel/></rss>")
        let fetcher = CurlFetcher(limits: FetchLimits(concurrency: 16, perHost: 1, hostInterval: 30))
        // 127.0.0.1 and localhost count as two hosts: the second is not made to wait 30 s for the first.
        _ = await fetcher.fetch(FetchRequest(url: server.feedURL("a.xml"), allowPrivate: true))
        let other = await fetcher.fetch(
            FetchRequest(url: "http://localhost:\(server.port)/feeds/a.xml", allowPrivate: true))
        guard case .success = other.outcome else {
            Issue.record("\(other)")
            return
        }
    }
}
