import Foundation
import ServiceLifecycle

#if canImport(Glibc)
    import Glibc
#endif

/// Tells systemd how the service is doing (sd_notify(3)): a datagram of "KEY=value" lines to the
/// socket in `$NOTIFY_SOCKET`, a path or, with a leading "@", an abstract socket. A few lines of
/// socket code instead of libsystemd. Without the variable (not under systemd) it says nothing.
public struct SystemdNotifier: Sendable {
    let socketPath: String?

    public init(socketPath: String? = ProcessInfo.processInfo.environment["NOTIFY_SOCKET"]) {
        self.socketPath = socketPath.flatMap { $0.isEmpty ? nil : $0 }
    }

    public var isActive: Bool { socketPath != nil }

    /// Best effort: systemd may be gone at shutdown, and a lost status line must not stop the daemon.
    public func notify(_ message: String) {
        guard let socketPath else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        if path.first == UInt8(ascii: "@") { path[0] = 0 }  // the abstract namespace starts with a NUL byte
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.enumerated() { raw[index] = byte }
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + path.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
    }

    /// "RELOADING=1" needs the time of the reload on CLOCK_MONOTONIC (systemd 253 and later).
    public static func monotonicMicroseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000
    }
}

/// READY=1 once the daemon runs (the config is loaded and the database open before it starts), and
/// STOPPING=1 when a graceful shutdown begins.
public struct ReadinessService: Service {
    let notifier: SystemdNotifier
    let status: String

    public init(notifier: SystemdNotifier, status: String) {
        self.notifier = notifier
        self.status = status
    }

    public func run() async throws {
        notifier.notify("READY=1\nSTATUS=\(status)")
        try? await gracefulShutdown()
        notifier.notify("STOPPING=1\nSTATUS=stopping")
    }
}
