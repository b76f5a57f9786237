import Foundation
import MentionConfig

/// One conditional GET of a feed.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// Loopback and private addresses are refused unless the feed allows them.
    public var allowPrivate: Bool
    public var connectTimeout: Int = 10
    public var totalTimeout: Int = 60
    /// Aborted when slower than `lowSpeedBytes` per second for this many seconds.
    public var lowSpeedTime: Int = 30
    public var lowSpeedBytes: Int = 100
    /// The body is cut off (and the fetch fails) beyond this many bytes, counted after decompression.
    public var maxBytes: Int = 10 * 1024 * 1024
    public var maxRedirects: Int = 5
    public var userAgent: String = "mentionwatch/\(mentionwatchVersion)"
    /// Extra trusted CA certificates (PEM file); verification itself is always on.
    public var caFile: String?
    /// The proxy to use; nil or empty: none (the environment is read by `FetchRequest.environmentProxy`).
    public var proxy: String?

    public init(url: String, etag: String? = nil, lastModified: String? = nil, allowPrivate: Bool = false) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.allowPrivate = allowPrivate
    }

    /// A request with the limits of the `fetch:` settings.
    public init(url: String, etag: String?, lastModified: String?, allowPrivate: Bool, settings: FetchSettings) {
        self.init(url: url, etag: etag, lastModified: lastModified, allowPrivate: allowPrivate)
        connectTimeout = settings.connectTimeout
        totalTimeout = settings.timeout
        lowSpeedTime = settings.lowSpeedTime
        maxBytes = settings.maxBytes
        caFile = settings.caFile
        proxy = settings.proxy ?? Self.environmentProxy(for: url)
        userAgent = "mentionwatch/\(mentionwatchVersion)" + (settings.contact.map { " (+\($0))" } ?? "")
    }

    /// The usual proxy variables, as curl would read them (lowercase first; no HTTP_PROXY, see httpoxy).
    public static func environmentProxy(for url: String) -> String? {
        // getenv, not ProcessInfo's dictionary of the whole environment: this runs for every poll.
        let names =
            url.lowercased().hasPrefix("https:")
            ? ["https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"] : ["http_proxy", "all_proxy", "ALL_PROXY"]
        return names.lazy.compactMap { getenv($0).map { String(cString: $0) } }.first { !$0.isEmpty }
    }
}

public enum FetchOutcome: Sendable {
    /// 200 (or a file): a body to parse, with the validators to store once it is processed.
    case fetched(FetchedBody)
    /// 304: nothing changed since the stored validators.
    case notModified
}

public struct FetchedBody: Sendable {
    public var body: [UInt8]
    public var status: Int
    public var contentType: String?
    public var etag: String?
    public var lastModified: String?
    /// The URL after redirects.
    public var effectiveURL: String
}

/// Everything a fetch tells: the outcome, and what the scheduler and the store want to know.
public struct FetchResult: Sendable {
    public var outcome: Result<FetchOutcome, FetchError>
    /// The last response's HTTP status (nil when there was none: DNS, refused, file).
    public var status: Int?
    public var retryAfter: String?
    public var cacheControl: String?
    /// Set when every redirect on the way was permanent (301/308): the feed's new address.
    public var movedTo: String?
}

/// Why a fetch failed, in plain words for the log and `mentionwatch feeds`.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case dns(String)
    case connectionRefused
    case privateAddress
    case timeout(seconds: Int)
    case connectTimeout(seconds: Int)
    case tooSlow(bytesPerSecond: Int, seconds: Int)
    case tls(String)
    case http(status: Int)
    case tooLarge(limit: Int)
    case tooManyRedirects(limit: Int)
    case protocolNotAllowed(String)
    case incomplete(String)
    /// The fetcher was stopped (shutdown) before the transfer finished: not the feed's fault.
    case stopped
    case other(String)

    public var description: String {
        switch self {
        case .dns(let detail): return "DNS: \(detail)"
        case .connectionRefused: return "connection refused"
        case .privateAddress:
            return "refused: the address is loopback or private (set allow_private: true for an intranet feed)"
        case .timeout(let seconds): return "timeout (no complete answer within \(seconds) s)"
        case .connectTimeout(let seconds): return "timeout (no connection within \(seconds) s)"
        case .tooSlow(let rate, let seconds): return "too slow (under \(rate) bytes/s for \(seconds) s)"
        case .tls(let detail): return "TLS: \(detail)"
        case .http(let status): return "HTTP \(status)"
        case .tooLarge(let limit): return "too large (more than \(limit) bytes)"
        case .tooManyRedirects(let limit): return "too many redirects (more than \(limit))"
        case .protocolNotAllowed(let detail): return "protocol not allowed: \(detail)"
        case .incomplete(let detail): return "incomplete answer: \(detail)"
        case .stopped: return "stopped before it finished (shutdown)"
        case .other(let detail): return detail
        }
    }
}
