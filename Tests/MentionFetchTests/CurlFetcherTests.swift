import Foundation
import MentionConfig
import TestSupport
import Testing

@testable import MentionFetch

/// Real libcurl against the Python test server on 127.0.0.1.
struct CurlFetcherTests {
    static let rss = "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title></item></channel></rss>"

    func fetched(_ result: FetchResult) throws -> FetchedBody {
        guard case .success(.fetched(let body)) = result.outcome else { throw Unexpected(result: "\(result)") }
        return body
    }
    struct Unexpected: Error { var result: String }

    @Test func conditionalGetGives304() async throws {
        let server = try FeedServer()
        try server.write("a.xml", Self.rss)
        let first = try fetched(
            await CurlFetcher().fetch(FetchRequest(url: server.feedURL("a.xml"), allowPrivate: true)))
        #expect(first.status == 200)
        #expect(String(decoding: first.body, as: UTF8.self) == Self.rss)
        #expect(first.contentType?.hasPrefix("application/rss+xml") == true)
        let etag = try #require(first.etag)
        #expect(first.lastModified != nil)
        let second = await CurlFetcher().fetch(
            FetchRequest(url: server.feedURL("a.xml"), etag: etag, lastModified: first.lastModified, allowPrivate: true)
        )
        guard case .success(.notModified) = second.outcome else {
            Issue.record("expected 304, got \(second)")
            return
        }
        // A changed file is fetched again despite the old validators.
        try server.write("a.xml", Self.rss + " ")
        let third = try fetched(
            await CurlFetcher().fetch(FetchRequest(url: server.feedURL("a.xml"), etag: etag, allowPrivate: true)))
        #expect(third.etag != etag)
    }

    @Test func sendsAnIdentifyingUserAgent() async throws {
        let server = try FeedServer()
        try server.write("a.xml", Self.rss)
        _ = await CurlFetcher().fetch(FetchRequest(url: server.feedURL("a.xml"), allowPrivate: true))
        let log = try fetched(await CurlFetcher().fetch(FetchRequest(url: server.url("__log"), allowPrivate: true)))
        #expect(String(decoding: log.body, as: UTF8.self).contains("mentionwatch/\(mentionwatchVersion)"))
    }

    @Test func httpErrorsAreNamed() async throws {
        let server = try FeedServer()
        #expect(
            await CurlFetcher().fetch(FetchRequest(url: server.feedURL("missing.xml"), allowPrivate: true)).failure
                == .http(status: 404))
        #expect(
            await CurlFetcher().fetch(FetchRequest(url: server.url("status/503"), allowPrivate: true)).failure
                == .http(status: 503))
    }

    @Test func loopbackIsRefusedUnlessTheFeedAllowsIt() async throws {
        let server = try FeedServer()
        try server.write("a.xml", Self.rss)
        #expect(await CurlFetcher().fetch(FetchRequest(url: server.feedURL("a.xml"))).failure == .privateAddress)
        // Also by name: "localhost" resolves to loopback and is refused after resolution.
        #expect(
            await CurlFetcher().fetch(FetchRequest(url: "http://localhost:\(server.port)/feeds/a.xml")).failure
                == .privateAddress)
    }

    @Test func bodyIsCappedEvenWithoutContentLength() async throws {
        let server = try FeedServer()
        var request = FetchRequest(url: server.url("big?chunked=1"), allowPrivate: true)
        request.maxBytes = 1_000_000
        #expect(await CurlFetcher().fetch(request).failure == .tooLarge(limit: 1_000_000))
        request.url = server.url("big")
        #expect(await CurlFetcher().fetch(request).failure == .tooLarge(limit: 1_000_000))
    }

    @Test func redirectsOnlyToHTTP() async throws {
        let server = try FeedServer()
        try server.write("a.xml", Self.rss)
        let followed = try fetched(
            await CurlFetcher().fetch(
                FetchRequest(url: server.url("redirect/302?to=\(server.feedURL("a.xml"))"), allowPrivate: true)))
        #expect(followed.effectiveURL == server.feedURL("a.xml"))
        let toFile = await CurlFetcher().fetch(
            FetchRequest(url: server.url("redirect/302?to=file:///etc/passwd"), allowPrivate: true))
        guard case .failure(.protocolNotAllowed) = toFile.outcome else {
            Issue.record("file:// after a redirect must be refused, got \(toFile)")
            return
        }
    }

    @Test func fileURLsWorkWhenConfigured() async throws {
        let folder = Paths.temporaryFolder()
        try Data(Self.rss.utf8).write(to: URL(fileURLWithPath: folder + "/a.xml"))
        let body = try fetched(await CurlFetcher().fetch(FetchRequest(url: "file://\(folder)/a.xml")))
        #expect(body.body.count == Self.rss.utf8.count)
    }

    @Test func slowServersTimeOut() async throws {
        let server = try FeedServer()
        var request = FetchRequest(url: server.url("slow"), allowPrivate: true)
        request.totalTimeout = 2
        #expect(await CurlFetcher().fetch(request).failure == .timeout(seconds: 2))
    }

    @Test func refusedAndUnresolvableHostsAreNamed() async throws {
        // A port nobody listens on. Not one bound and closed here: under parallel tests another server
        // could take it again in between (seen once in CI). Port 1 (tcpmux) is served on no machine of ours.
        let port = 1
        #expect(
            await CurlFetcher().fetch(FetchRequest(url: "http://127.0.0.1:\(port)/", allowPrivate: true)).failure
                == .connectionRefused)
        let dns = await CurlFetcher().fetch(FetchRequest(url: "http://feed.invalid/rss"))
        guard case .failure(.dns) = dns.outcome else {
            Issue.record("expected a DNS error, got \(dns)")
            return
        }
    }

    @Test func aConnectionLeftOpenByAnIntranetFeedIsNotReusedByAnotherFeed() async throws {
        let server = try FeedServer()
        try server.write("a.xml", Self.rss)
        let fetcher = CurlFetcher()
        // The first feed may use loopback and leaves a keep-alive connection; the second may not use it.
        _ = try fetched(await fetcher.fetch(FetchRequest(url: server.feedURL("a.xml"), allowPrivate: true)))
        #expect(await fetcher.fetch(FetchRequest(url: server.feedURL("a.xml"))).failure == .privateAddress)
    }

    @Test func aConfiguredProxyIsUsed() async throws {
        // The test server answers absolute-form requests too, so it can stand in for an HTTP proxy:
        // the feed's host does not exist, and only the proxy can answer for it.
        let proxy = try FeedServer()
        try proxy.write("a.xml", Self.rss)
        var settings = FetchSettings()
        settings.proxy = "http://127.0.0.1:\(proxy.port)"
        let request = FetchRequest(
            url: "http://feeds.mentionwatch.invalid/feeds/a.xml", etag: nil, lastModified: nil,
            allowPrivate: false, settings: settings)
        #expect(request.proxy == settings.proxy)
        let body = try fetched(await CurlFetcher().fetch(request))
        #expect(String(decoding: body.body, as: UTF8.self) == Self.rss)
    }
}

extension FetchResult {
    var failure: FetchError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }
}
