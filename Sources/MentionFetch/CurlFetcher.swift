import CCurl
import Foundation

/// Fetches feeds through libcurl's easy interface, one transfer at a time per call.
/// Each call runs on a background thread, so the async caller never blocks the cooperative pool.
public struct CurlFetcher: Sendable {
    private static let globalInit: Bool = mw_curl_global_init() == CURLE_OK

    public init() { _ = Self.globalInit }

    public func fetch(_ request: FetchRequest) async -> Result<FetchOutcome, FetchError> {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: Self.perform(request)) }
        }
    }

    /// The blocking transfer.
    public static func perform(_ request: FetchRequest) -> Result<FetchOutcome, FetchError> {
        guard let curl = curl_easy_init() else { return .failure(.other("libcurl could not start a transfer")) }
        defer { curl_easy_cleanup(curl) }
        let sink = BodySink(limit: request.maxBytes)
        var policy = mw_socket_policy(allow_private: request.allowPrivate ? 1 : 0, blocked: 0)
        var errorBuffer = [CChar](repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let isFile = request.url.lowercased().hasPrefix("file:")

        var headers: UnsafeMutablePointer<curl_slist>? = nil
        headers = curl_slist_append(headers, "Accept: application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5")
        if let etag = request.etag { headers = curl_slist_append(headers, "If-None-Match: \(Self.headerSafe(etag))") }
        if let lastModified = request.lastModified { headers = curl_slist_append(headers, "If-Modified-Since: \(Self.headerSafe(lastModified))") }
        defer { curl_slist_free_all(headers) }

        let result: CURLcode = withExtendedLifetime(sink) {
            errorBuffer.withUnsafeMutableBufferPointer { errorPointer in
                withUnsafeMutablePointer(to: &policy) { policyPointer in
                    mw_setopt_string(curl, CURLOPT_URL, request.url)
                    // Only http(s), and file only when the configured URL is one; never file after a redirect.
                    // These are safety limits: if this libcurl cannot set them, do not fetch at all.
                    guard mw_setopt_string(curl, CURLOPT_PROTOCOLS_STR, isFile ? "file" : "http,https") == CURLE_OK,
                          mw_setopt_string(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https") == CURLE_OK else {
                        return CURLE_UNSUPPORTED_PROTOCOL
                    }
                    // No proxy from the environment: the private-address check must see the feed's own address.
                    mw_setopt_string(curl, CURLOPT_PROXY, "")
                    mw_setopt_long(curl, CURLOPT_FOLLOWLOCATION, 1)
                    mw_setopt_long(curl, CURLOPT_MAXREDIRS, request.maxRedirects)
                    mw_setopt_long(curl, CURLOPT_CONNECTTIMEOUT, request.connectTimeout)
                    mw_setopt_long(curl, CURLOPT_TIMEOUT, request.totalTimeout)
                    mw_setopt_long(curl, CURLOPT_NOSIGNAL, 1)
                    mw_setopt_long(curl, CURLOPT_MAXFILESIZE, request.maxBytes)
                    mw_setopt_string(curl, CURLOPT_ACCEPT_ENCODING, "")  // every encoding this libcurl supports
                    mw_setopt_string(curl, CURLOPT_USERAGENT, request.userAgent)
                    mw_setopt_slist(curl, CURLOPT_HTTPHEADER, headers)
                    mw_setopt_pointer(curl, CURLOPT_ERRORBUFFER, errorPointer.baseAddress)
                    mw_setopt_write_function(curl, bodySinkWrite)
                    mw_setopt_pointer(curl, CURLOPT_WRITEDATA, Unmanaged.passUnretained(sink).toOpaque())
                    mw_set_socket_policy(curl, policyPointer)
                    let result = curl_easy_perform(curl)
                    // These pointers die with this scope; the handle must not keep them.
                    mw_setopt_pointer(curl, CURLOPT_ERRORBUFFER, nil)
                    mw_setopt_pointer(curl, CURLOPT_OPENSOCKETDATA, nil)
                    mw_setopt_pointer(curl, CURLOPT_WRITEDATA, nil)
                    return result
                }
            }
        }

        guard result == CURLE_OK else {
            let detail = String(decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            return .failure(Self.error(for: result, detail: detail, request: request, sink: sink, blocked: policy.blocked != 0))
        }
        let status = mw_getinfo_long(curl, CURLINFO_RESPONSE_CODE)
        if status == 304 { return .success(.notModified) }
        if !isFile, !(200...299).contains(status) { return .failure(.http(status: status)) }
        let contentType = mw_getinfo_string(curl, CURLINFO_CONTENT_TYPE).map { String(cString: $0) }
        let effectiveURL = mw_getinfo_string(curl, CURLINFO_EFFECTIVE_URL).map { String(cString: $0) } ?? request.url
        return .success(.fetched(FetchedBody(
            body: sink.bytes, status: isFile ? 200 : status, contentType: contentType,
            etag: isFile ? nil : mw_response_header(curl, "ETag").map { String(cString: $0) },
            lastModified: isFile ? nil : mw_response_header(curl, "Last-Modified").map { String(cString: $0) },
            effectiveURL: effectiveURL)))
    }

    private static func error(for code: CURLcode, detail: String, request: FetchRequest, sink: BodySink, blocked: Bool) -> FetchError {
        switch code {
        case CURLE_WRITE_ERROR where sink.overflowed, CURLE_FILESIZE_EXCEEDED:
            return .tooLarge(limit: request.maxBytes)
        case CURLE_COULDNT_CONNECT where blocked:
            return .privateAddress
        case CURLE_COULDNT_CONNECT:
            return .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dns(detail.isEmpty ? "host not found" : detail)
        case CURLE_OPERATION_TIMEDOUT:
            return .timeout(seconds: request.totalTimeout)
        case CURLE_TOO_MANY_REDIRECTS:
            return .tooManyRedirects(limit: request.maxRedirects)
        case CURLE_UNSUPPORTED_PROTOCOL:
            return .protocolNotAllowed(detail)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER, CURLE_SSL_CACERT_BADFILE:
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

/// Collects the body, refusing to grow past the limit (a gzip bomb stops here: the count is after decoding).
final class BodySink {
    let limit: Int
    var bytes: [UInt8] = []
    var overflowed = false

    init(limit: Int) { self.limit = limit }
}

private func bodySinkWrite(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ context: UnsafeMutableRawPointer?) -> Int {
    guard let data, let context else { return 0 }
    let sink = Unmanaged<BodySink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    guard sink.bytes.count + length <= sink.limit else {
        sink.overflowed = true
        return 0  // makes libcurl stop with CURLE_WRITE_ERROR
    }
    data.withMemoryRebound(to: UInt8.self, capacity: length) { sink.bytes.append(contentsOf: UnsafeBufferPointer(start: $0, count: length)) }
    return length
}
