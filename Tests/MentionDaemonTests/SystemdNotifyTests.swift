import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `mentionwatch run` speaks sd_notify over `$NOTIFY_SOCKET` as systemd's `Type=notify` expects: READY=1
/// once running, WATCHDOG=1 from the poller's loop, STATUS lines, RELOADING=1 and READY=1 around a
/// reload, STOPPING=1 at SIGTERM. The test plays systemd: a real datagram socket on disk.
struct SystemdNotifyTests {
    /// A bound AF_UNIX datagram socket that collects what arrives.
    final class Listener {
        let descriptor: Int32
        let path: String

        init(path: String) throws {
            self.path = path
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { raw in
                for (index, byte) in Array(path.utf8).enumerated() { raw[index] = byte }
            }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
                }
            }
            try #require(descriptor >= 0 && bound == 0, "cannot bind \(path)")
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(descriptor) }

        /// The datagrams that arrive within `seconds`, until one contains `wanted`.
        func receive(until wanted: String, within seconds: Double) -> [String] {
            var received: [String] = []
            let end = Date().addingTimeInterval(seconds)
            var buffer = [UInt8](repeating: 0, count: 4_096)
            while Date() < end {
                let count = recv(descriptor, &buffer, buffer.count, 0)
                guard count > 0 else { continue }
                let message = String(decoding: buffer[0..<count], as: UTF8.self)
                received.append(message)
                if message.contains(wanted) { break }
            }
            return received
        }
    }

    @Test func theDaemonTellsSystemdItIsReadyAliveReloadingAndStopping() async throws {
        let server = try FeedServer()
        try server.write("tag.atom", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title></feed>")
        let folder = Paths.temporaryFolder("notify")
        let config = folder + "/feeds.yaml"
        try Data(
            """
            school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
            feeds: [{ id: tag, url: "\(server.feedURL("tag.atom"))", allow_private: true, interval: 1s }]
            alerts: { spool: "maildir:maildir" }
            digest: { spool: "maildir:coordinator" }
            storage: { database: mw.sqlite }
            classification: { model: "off" }
            """.utf8
        ).write(to: URL(fileURLWithPath: config))
        let listener = try Listener(path: folder + "/notify.sock")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["run", "--config", config]
        process.environment = ProcessInfo.processInfo.environment.merging(["NOTIFY_SOCKET": listener.path]) { $1 }
        process.standardError = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }

        let start = listener.receive(until: "WATCHDOG=1", within: 20)
        #expect(start.first?.hasPrefix("READY=1\nSTATUS=watching 1 feeds") == true, "\(start)")
        #expect(start.contains("WATCHDOG=1"), "\(start)")
        let status = listener.receive(until: "STATUS=last poll: tag", within: 10)
        #expect(status.contains { $0.hasPrefix("STATUS=last poll: tag at ") && $0.hasSuffix("alerts waiting: 0") })

        kill(process.processIdentifier, SIGHUP)
        let reload = listener.receive(until: "READY=1", within: 10).filter {
            $0 != "WATCHDOG=1" && !$0.hasPrefix("STATUS=")
        }
        #expect(
            reload.count == 2 && reload[0].hasPrefix("RELOADING=1\nMONOTONIC_USEC=") && reload[1] == "READY=1",
            "\(reload)")

        kill(process.processIdentifier, SIGTERM)
        let stop = listener.receive(until: "STOPPING=1", within: 10)
        #expect(stop.last?.hasPrefix("STOPPING=1") == true, "\(stop)")
        for _ in 0..<100 where process.isRunning { try await Task.sleep(for: .milliseconds(100)) }
        #expect(process.terminationStatus == 0)
    }
}
