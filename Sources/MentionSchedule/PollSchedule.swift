import FeedKit
import Foundation
import MentionConfig

/// What a poll ended in, as far as scheduling cares.
public struct PollOutcome: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// 200 (or a file), or 304: the feed works.
        case fetched, notModified
        /// 429 or 503: the host asks us to slow down (RFC 6585 §4, RFC 9110 §15.6.4).
        case rateLimited
        /// 403: some hosts (Reddit, YouTube) answer it to clients they find too eager.
        case forbidden
        /// Anything else: network, TLS, HTTP errors, not a feed.
        case failed
    }

    public var kind: Kind
    /// The raw Retry-After header of a 429 or 503.
    public var retryAfter: String?
    /// Cache-Control max-age, in seconds: the host's own idea of how long the feed stays fresh.
    public var cacheMaxAge: Seconds?
    /// RSS `<ttl>`, in seconds.
    public var ttl: Seconds?

    public init(_ kind: Kind, retryAfter: String? = nil, cacheMaxAge: Seconds? = nil, ttl: Seconds? = nil) {
        self.kind = kind
        self.retryAfter = retryAfter
        self.cacheMaxAge = cacheMaxAge
        self.ttl = ttl
    }
}

/// When a feed is polled next: a pure function of (interval, outcome, failures in a row, now).
public struct PollSchedule: Sendable {
    /// No feed waits longer than this, whatever a host says: a failing feed is retried, never given up.
    public var maxDelay: Seconds = 24 * 3_600
    /// The least wait after a 403, before doubling.
    public var forbiddenBase: Seconds = 3_600
    /// Up to this fraction of the delay is added at random, so feeds on one host drift apart.
    public var jitterFraction = 0.1

    public init() {}

    /// - Parameters:
    ///   - failures: failures in a row including this one (0 after a success).
    ///   - jitter: a random number in 0..<1 (passed in, so the function stays pure and testable).
    public func nextPoll(interval: Seconds, outcome: PollOutcome, failures: Int, now: Date, jitter: Double) -> Date {
        let delay: Seconds
        switch outcome.kind {
        case .fetched, .notModified:
            // max-age and <ttl> are lower bounds: never poll more often than the host asks (up to the cap;
            // the configured interval itself is never cut).
            delay = max(interval, min(max(outcome.cacheMaxAge ?? 0, outcome.ttl ?? 0), maxDelay))
        case .rateLimited:
            let asked = outcome.retryAfter.flatMap { Self.retryAfterSeconds($0, now: now) } ?? 0
            delay = min(max(asked, backoff(base: interval, failures: failures)), maxDelay)
        case .forbidden:
            delay = max(interval, min(backoff(base: max(interval * 4, forbiddenBase), failures: failures), maxDelay))
        case .failed:
            delay = backoff(base: interval, failures: failures)
        }
        let spread = Double(delay) * jitterFraction * min(max(jitter, 0), 1)
        return now.addingTimeInterval(Double(delay) + spread)
    }

    /// base × 2^(failures − 1), capped.
    func backoff(base: Seconds, failures: Int) -> Seconds {
        let doublings = min(max(failures - 1, 0), 30)
        let (product, overflow) = base.multipliedReportingOverflow(by: 1 << doublings)
        return overflow ? maxDelay : min(product, max(maxDelay, base))
    }

    /// Retry-After is either delay-seconds or an HTTP-date (RFC 9110 §10.2.3).
    public static func retryAfterSeconds(_ header: String, now: Date) -> Seconds? {
        let text = header.trimmingCharacters(in: .whitespaces)
        if let seconds = Int(text), seconds >= 0 { return seconds }
        guard let date = FeedDate.parse(text) else { return nil }
        return max(0, Int(date.timeIntervalSince(now).rounded(.up)))
    }

    /// The max-age of a Cache-Control header (RFC 9111 §5.2.2.1); nil when absent or when the
    /// response must not be reused anyway (no-store, no-cache).
    public static func maxAge(cacheControl: String) -> Seconds? {
        var maxAge: Seconds?
        for directive in cacheControl.lowercased().split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard let name = parts.first else { continue }
            switch name {
            case "no-store", "no-cache": return nil
            case "max-age" where parts.count == 2:
                maxAge = Int(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))).map { max(0, $0) }
            default: continue
            }
        }
        return maxAge
    }
}
