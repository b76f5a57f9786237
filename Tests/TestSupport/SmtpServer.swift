import Foundation

/// A real SMTP server (aiosmtpd, Tests/Support/smtpserver.py) on 127.0.0.1, delivering each accepted
/// message into a Maildir per recipient. It exits when its stdin closes, so it never outlives the tests.
public final class SmtpServer: @unchecked Sendable {  // immutable after init, but for `rules`
    public let port: Int
    public let folder: String
    public let rulesFile: String
    private let process: Process
    private let stdin: Pipe

    /// Debian's python3-aiosmtpd is for Debian's python3, which need not be the first on PATH.
    public static let python = "/usr/bin/python3"

    public static var isAvailable: Bool {
        (try? run(python, ["-c", "import aiosmtpd"])) != nil
    }

    public enum TLS {
        case none
        case startTLS(certificate: String, key: String)
        case implicit(certificate: String, key: String)
    }

    public init(tls: TLS = .none, auth: (user: String, password: String)? = nil) throws {
        folder = Paths.temporaryFolder("smtp")
        rulesFile = folder + "/rules.json"
        var arguments = [Paths.support("smtpserver.py"), folder, "--rules", rulesFile]
        switch tls {
        case .none: break
        case .startTLS(let certificate, let key): arguments += ["--starttls", certificate, key]
        case .implicit(let certificate, let key): arguments += ["--implicit-tls", certificate, key]
        }
        if let auth { arguments += ["--auth", "\(auth.user):\(auth.password)"] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: Self.python)
        process.arguments = arguments
        stdin = Pipe()
        let stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        // aiosmtpd reports each dropped or refused session on stderr: kept beside the mail, out of the test output.
        _ = FileManager.default.createFile(atPath: folder + "/stderr", contents: nil)
        process.standardError = FileHandle(forWritingAtPath: folder + "/stderr")
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = stdout.fileHandleForReading.availableData
            guard !chunk.isEmpty else { throw FeedServer.ServerError.didNotStart }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard let portText = text.split(separator: "\n").first?.split(separator: " ").last, let port = Int(portText)
        else { throw FeedServer.ServerError.didNotStart }
        self.port = port
    }

    deinit { stop() }

    public func stop() {
        try? stdin.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
    }

    /// The server's behaviour from now on (see smtpserver.py): refuse, defer, drop_in_data, drop_after_data.
    public func setRules(_ json: String) throws {
        try Data(json.utf8).write(to: URL(fileURLWithPath: rulesFile), options: .atomic)
    }

    /// The files delivered to `recipient`, oldest first.
    public func delivered(to recipient: String) -> [String] {
        let new = "\(folder)/\(recipient)/new"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new)) ?? []
        return names.sorted().map { "\(new)/\($0)" }
    }

    /// What the server logged: one line per RCPT, DATA or AUTH it answered.
    public var log: [String] {
        ((try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }
}
