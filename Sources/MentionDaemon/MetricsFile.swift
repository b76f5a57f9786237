import Foundation
import MentionFetch

/// Writes the metrics file for node_exporter's textfile collector: whole or not at all, as the
/// collector requires (it may read at any moment). The temporary file does not end in `.prom`, so
/// the collector never reads it half-written.
enum MetricsFile {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to path: String) throws(WriteError) {
        let temporary = "\(path).tmp\(getpid())"
        // 0644: node_exporter runs as another user.
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create \(temporary)") }
        fchmod(descriptor, 0o644)  // whatever the umask (the unit's is 0077)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                let error = failure("cannot write \(temporary)")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += count
        }
        guard fsync(descriptor) == 0 else {
            let error = failure("cannot write \(temporary)")
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let error = failure("cannot rename \(temporary) to \(path)")
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ what: String) -> WriteError {
        WriteError(description: "\(what): \(String(cString: strerror(errno)))")
    }
}

extension FetchError {
    /// The kind of a failed fetch, as the metrics label it (`Metrics.fetchErrorKinds`).
    var metricKind: String {
        switch self {
        case .dns: "dns"
        case .connectionRefused: "connection_refused"
        case .privateAddress: "private_address"
        case .timeout: "timeout"
        case .connectTimeout: "connect_timeout"
        case .tooSlow: "too_slow"
        case .tls: "tls"
        case .http: "http"
        case .tooLarge: "too_large"
        case .tooManyRedirects: "too_many_redirects"
        case .protocolNotAllowed: "protocol_not_allowed"
        case .incomplete: "incomplete"
        case .stopped, .other: "other"
        }
    }
}
