import CCurl
import Foundation

/// One fetch: a libcurl easy handle and everything its callbacks write to. Created by the caller,
/// then touched only by the multi loop's thread until it completes. The handle (and its buffers)
/// exists only while the transfer runs, so a thousand queued feeds cost almost nothing.
final class Transfer: @unchecked Sendable {
    let request: FetchRequest
    private(set) var easy: UnsafeMutableRawPointer?
    /// Called on the loop's thread just before the transfer starts, and `completion` once when it ends.
    let onStart: @Sendable () -> Void
    let completion: @Sendable (FetchResult) -> Void
    private let isFile: Bool
    private var body: [UInt8] = []
    private var overflowed = false
    /// Status codes of every response on the way, redirects included ("HTTP/1.1 301 ...").
    private var statuses: [Int] = []
    // Memory that libcurl writes to: owned here, freed in deinit after the handle is cleaned up.
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private let policy = UnsafeMutablePointer<mw_socket_policy>.allocate(capacity: 1)
    private var headers: UnsafeMutablePointer<curl_slist>?

    init(
        _ request: FetchRequest, onStart: @escaping @Sendable () -> Void = {},
        completion: @escaping @Sendable (FetchResult) -> Void
    ) {
        self.request = request
        self.onStart = onStart
        self.completion = completion
        isFile = request.url.lowercased().hasPrefix("file:")
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let proxied = !(request.proxy ?? "").isEmpty
        // Through a proxy the socket goes to the proxy, not the feed: the address check is then the proxy's job.
        policy.initialize(to: mw_socket_policy(allow_private: request.allowPrivate || proxied ? 1 : 0, blocked: 0))
    }

    deinit {
        if let easy { curl_easy_cleanup(easy) }
        curl_slist_free_all(headers)
        errorBuffer.deallocate()
        policy.deallocate()
    }

    /// Creates the handle and sets every option; nil when libcurl cannot make one, or cannot set a
    /// safety option (then the transfer must not run).
    func start() -> UnsafeMutableRawPointer? {
        guard let curl = curl_easy_init() else { return nil }
        easy = curl
        headers = curl_slist_append(
            headers,
            "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
        )
        if let etag = request.etag { headers = curl_slist_append(headers, "If-None-Match: \(Self.headerSafe(etag))") }
        if let lastModified = request.lastModified {
            headers = curl_slist_append(headers, "If-Modified-Since: \(Self.headerSafe(lastModified))")
        }
        // Only http(s), and file only when the configured URL is one; never file after a redirect.
        guard mw_setopt_string(curl, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https") == CURLE_OK,
            mw_setopt_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK,
            mw_setopt_long(curl, CURLOPT_SSL_VERIFYPEER, 1) == CURLE_OK,
            mw_setopt_long(curl, CURLOPT_SSL_VERIFYHOST, 2) == CURLE_OK
        else { return nil }
        mw_setopt_string(curl, CURLOPT_URL, request.url)
        mw_setopt_string(curl, CURLOPT_PROXY, request.proxy ?? "")
        // Every feed goes through the proxy when there is one: a NO_PROXY list cannot open a direct way around it.
        mw_setopt_string(curl, CURLOPT_NOPROXY, "")
        // The proxy's "200 Connection established" is not a response of the feed (redirect detection).
        mw_setopt_long(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1)
        if let caFile = request.caFile { mw_setopt_string(curl, CURLOPT_CAINFO, caFile) }
        mw_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 1)
        mw_setopt_long(curl, CURLOPT_MAXREDIRS, request.maxRedirects)
        mw_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, request.connectTimeout)
        mw_setopt_long(curl, CURLOPT_TIMEOUT, request.totalTimeout)
        mw_setopt_long(curl, CURLOPT_LOW_SPEED_LIMIT, request.lowSpeedBytes)
        mw_setopt_long(curl, CURLOPT_LOW_SPEED_TIME, request.lowSpeedTime)
        mw_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
        mw_setopt_long(curl, CURLOPT_MAXFILESIZE, request.maxBytes)
        mw_setopt_string(curl, CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl supports
        mw_setopt_string(curl, CURLOPT_USERAGENT, request.userAgent)
        mw_setopt_slist(curl, CURLOPT_HTTPHEADER, headers)
        mw_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer)
        let context = Unmanaged.passUnretained(self).toOpaque()
        mw_setopt_write_function(curl, transferWrite)
        mw_setopt_pointer(curl, CURLOPT_WRITEDATA, context)
        mw_setopt_header_function(curl, transferHeader)
        mw_setopt_pointer(curl, CURLOPT_HEADERDATA, context)
        // Network transfers only: a file: URL (allowed only when configured) opens no socket.
        if !isFile { mw_set_socket_policy(curl, policy) }
        return curl
    }

    fileprivate func append(_ data: UnsafeRawBufferPointer) -> Bool {
        guard body.count + data.count <= request.maxBytes else {
            overflowed = true
            return false
        }
        body.append(contentsOf: data)
        return true
    }

    /// Response headers may take this much over the whole redirect chain; a hostile server cannot
    /// grow memory with endless headers, whatever the libcurl build limits.
    static let maxHeaderBytes = 256 * 1024
    private var headerBytes = 0

    fileprivate func header(_ line: UnsafeRawBufferPointer) -> Bool {
        headerBytes += line.count
        guard headerBytes <= Self.maxHeaderBytes else { return false }
        // A status line starts each response of the chain: "HTTP/1.1 301 Moved Permanently".
        guard line.starts(with: "HTTP/".utf8) else { return true }
        let fields = String(decoding: line, as: UTF8.self).split(separator: " ")
        if fields.count >= 2, let status = Int(fields[1]) { statuses.append(status) }
        return true
    }

    /// The result of the finished transfer.
    func result(_ code: CURLcode) -> FetchResult {
        guard let easy else { return FetchResult(outcome: .failure(.other("the transfer never started"))) }
        let status = mw_getinfo_long(easy, CURLINFO_RESPONSE_CODE)
        var result = FetchResult(outcome: .failure(.other("")), status: status > 0 && !isFile ? status : nil)
        result.retryAfter = responseHeader("Retry-After")
        result.cacheControl = responseHeader("Cache-Control")
        let effectiveURL = mw_getinfo_string(easy, CURLINFO_EFFECTIVE_URL).map { String(cString: $0) } ?? request.url
        let hops = statuses.dropLast()
        if !hops.isEmpty, hops.allSatisfy({ $0 == 301 || $0 == 308 }), effectiveURL != request.url {
            result.movedTo = effectiveURL
        }

        guard code == CURLE_OK else {
            result.outcome = .failure(error(for: code))
            return result
        }
        if status == 304 {
            result.outcome = .success(.notModified)
        } else if !isFile, !(200...299).contains(status) {
            result.outcome = .failure(.http(status: status))
        } else {
            result.outcome = .success(
                .fetched(
                    FetchedBody(
                        body: body, status: isFile ? 200 : status,
                        contentType: mw_getinfo_string(easy, CURLINFO_CONTENT_TYPE).map { String(cString: $0) },
                        etag: isFile ? nil : responseHeader("ETag"),
                        lastModified: isFile ? nil : responseHeader("Last-Modified"),
                        effectiveURL: effectiveURL)))
        }
        return result
    }

    private func responseHeader(_ name: String) -> String? {
        easy.flatMap { mw_response_header($0, name) }.map { String(cString: $0) }
    }

    private func error(for code: CURLcode) -> FetchError {
        let detail = String(cString: errorBuffer)
        switch code {
        case CURLE_WRITE_ERROR where overflowed, CURLE_FILESIZE_EXCEEDED:
            return .tooLarge(limit: request.maxBytes)
        case CURLE_WRITE_ERROR where headerBytes > Self.maxHeaderBytes:
            return .incomplete("response headers larger than \(Self.maxHeaderBytes) bytes")
        case CURLE_COULDNT_CONNECT where policy.pointee.blocked != 0,
            CURLE_ABORTED_BY_CALLBACK where policy.pointee.blocked != 0:
            return .privateAddress
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns(detail.isEmpty ? "host not found" : detail)
        case CURLE_OPERATION_TIMEDOUT
        where detail.hasPrefix("Connection timed out") || detail.hasPrefix("Connection timeout"):
            return .connectTimeout(seconds: request.connectTimeout)
        case CURLE_OPERATION_TIMEDOUT where detail.contains("too slow"):
            return .tooSlow(bytesPerSecond: request.lowSpeedBytes, seconds: request.lowSpeedTime)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(seconds: request.totalTimeout)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: request.maxRedirects)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .protocolNotAllowed(detail)
        case CURLE_PARTIAL_FILE, CURLE_RECV_ERROR, CURLE_GOT_NOTHING:
            return .incomplete(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE:
            return .tls(detail)
        default:
            return .other(detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail)
        }
    }

    /// Stored validators come from servers: keep them on one line.
    private static func headerSafe(_ value: String) -> String {
        String(value.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
    }
}

private func transferWrite(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR: the cap also stops a gzip bomb.
    return transfer.append(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
}

private func transferHeader(
    _ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?
) -> Int {
    guard let data, let context else { return 0 }
    let accepted = Unmanaged<Transfer>.fromOpaque(context).takeUnretainedValue().header(
        UnsafeRawBufferPointer(start: data, count: size * count))
    return accepted ? size * count : 0
}
