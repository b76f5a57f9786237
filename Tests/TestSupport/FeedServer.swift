import Foundation

/// The Python test server (Tests/Support/feedserver.py) on 127.0.0.1, serving files from a folder.
/// It exits when its stdin closes, so it never outlives the test process.
public final class FeedServer: @unchecked Sendable {  // immutable after init
    public let port: Int
    public let directory: String
    private let process: Process
    private let stdin: Pipe

    public let scheme: String

    /// - Parameter tls: a certificate and key (see make_tls.sh): serve HTTPS instead of HTTP.
    public init(tls: (certificate: String, key: String)? = nil) throws {
        directory = Paths.temporaryFolder("feeds")
        scheme = tls == nil ? "http" : "https"
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments =
            ["python3", Paths.support("feedserver.py"), directory]
            + (tls.map { ["--tls", $0.certificate, $0.key] } ?? [])
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw ServerError.didNotStart }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: "\n").first?.split(separator: " ").last, let port = Int(portText)
        else { throw ServerError.didNotStart }
        self.port = port
    }

    deinit { stop() }

    public func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    public func url(_ path: String) -> String { "\(scheme)://127.0.0.1:\(port)/\(path)" }
    public func feedURL(_ name: String) -> String { url("feeds/\(name)") }

    public func write(_ name: String, _ content: String) throws {
        try Data(content.utf8).write(to: URL(fileURLWithPath: "\(directory)/\(name)"))
    }

    public enum ServerError: Error { case didNotStart }

    /// A server with the demo's Mastodon tag feed as `tag.atom`: three flagged posts, the daemon tests' usual feed.
    public static func servingDemoTag() throws -> FeedServer {
        let server = try FeedServer()
        try server.write(
            "tag.atom",
            try String(
                contentsOfFile: Paths.repositoryRoot + "/Sources/mentionwatch/Demo/mastodon-dezeehoek.atom",
                encoding: .utf8))
        return server
    }
}
