import Foundation
import MentionCore

/// One conditional GET of a feed.
public struct FetchRequest: Sendable {
    public var url: String
    public var etag: String?
    public var lastModified: String?
    /// Loopback and private addresses are refused unless the feed allows them.
    public var allowPrivate: Bool
    public var connectTimeout: Int = 10
    public var totalTimeout: Int = 60
    /// The body is cut off (and the fetch fails) beyond this many bytes, counted after decompression.
    public var maxBytes: Int = 10 * 1024 * 1024
    public var maxRedirects: Int = 5
    public var userAgent: String = "mentionwatch/\(mentionwatchVersion)"

    public init(url: String, etag: String? = nil, lastModified: String? = nil, allowPrivate: Bool = false) {
        self.url = url
        self.etag = etag
        self.lastModified = lastModified
        self.allowPrivate = allowPrivate
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

/// Why a fetch failed, in plain words for the log and `mentionwatch feeds`.
public enum FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    case dns(String)
    case connectionRefused
    case privateAddress
    case timeout(seconds: Int)
    case tls(String)
    case http(status: Int)
    case tooLarge(limit: Int)
    case tooManyRedirects(limit: Int)
    case protocolNotAllowed(String)
    case other(String)

    public var description: String {
        switch self {
        case .dns(let detail): return "DNS: \(detail)"
        case .connectionRefused: return "connection refused"
        case .privateAddress: return "refused: the address is loopback or private (set allow_private: true for an intranet feed)"
        case .timeout(let seconds): return "timeout (no complete answer within \(seconds) s)"
        case .tls(let detail): return "TLS: \(detail)"
        case .http(let status): return "HTTP \(status)"
        case .tooLarge(let limit): return "too large (more than \(limit) bytes)"
        case .tooManyRedirects(let limit): return "too many redirects (more than \(limit))"
        case .protocolNotAllowed(let detail): return "protocol not allowed: \(detail)"
        case .other(let detail): return detail
        }
    }
}
