import Foundation
internal import Yams

extension ConfigBuilder {
    /// `maildir:PATH`, `sendmail:PATH`, `smtp://HOST[:PORT]` or `smtps://HOST[:PORT]`.
    mutating func spool(_ node: Node, _ path: String) -> SpoolTarget? {
        guard let text = reader.string(node, path) else { return nil }
        if text.hasPrefix("maildir:"), text.count > 8 { return .maildir(path: resolve(String(text.dropFirst(8)))) }
        if text.hasPrefix("sendmail:"), text.count > 9 { return .sendmail(path: resolve(String(text.dropFirst(9)))) }
        if text.hasPrefix("smtp://") || text.hasPrefix("smtps://") { return smtpServer(text, node, path) }
        reader.report(
            node, path, "must be maildir:PATH, sendmail:PATH, smtp://HOST:587 or smtps://HOST:465, not '\(text)'")
        return nil
    }

    /// The server part only: a path, query or user in the URL would be ignored or, worse, a password
    /// in feeds.yaml (the password has its own file).
    private mutating func smtpServer(_ text: String, _ node: Node, _ path: String) -> SpoolTarget? {
        guard let url = URLComponents(string: text), let scheme = url.scheme, let host = url.host, !host.isEmpty,
            url.user == nil, url.password == nil, url.query == nil, url.fragment == nil,
            url.path.isEmpty || url.path == "/"
        else {
            // Never the text itself: it may hold a password ("smtp://user:secret@host").
            let shown = text.contains("@") ? "a URL with a user or password in it" : "'\(text)'"
            reader.report(
                node, path, "must be smtp://HOST:PORT or smtps://HOST:PORT with nothing after the port, not \(shown)")
            return nil
        }
        // RFC 6409: submission is port 587 with STARTTLS; RFC 8314: implicit TLS on 465.
        let port = url.port ?? (scheme == "smtps" ? 465 : 587)
        let bracketed = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return .smtp(SmtpTarget(url: "\(scheme)://\(bracketed):\(port)", host: host))
    }

    /// `alerts.smtp: {user, password_file | password_credential, starttls, ca_file}`, applied to every
    /// spool that is an SMTP server (the digest's too: one school, one submission account).
    mutating func applySmtpAccount(_ node: Node, to alerts: inout SpoolTarget, and digest: inout SpoolTarget) {
        let isSmtp: (SpoolTarget) -> Bool = { if case .smtp = $0 { true } else { false } }
        guard isSmtp(alerts) || isSmtp(digest) else {
            reader.report(node, "alerts.smtp", "is only for an smtp:// or smtps:// spool; alerts.spool is not one")
            return
        }
        guard
            let map = reader.mapping(
                node, "alerts.smtp", allowed: ["user", "password_file", "password_credential", "starttls", "ca_file"])
        else { return }
        var account = SmtpTarget(url: "", host: "")
        if let value = map["user"] { account.user = reader.string(value, "alerts.smtp.user") }
        if let value = map["password_file"], let file = reader.string(value, "alerts.smtp.password_file") {
            account.password = .file(resolve(file))
        }
        if let value = map["password_credential"], let name = reader.string(value, "alerts.smtp.password_credential") {
            if account.password != nil {
                reader.report(value, "alerts.smtp", "takes password_file or password_credential, not both")
            } else if name.contains("/") || name.hasPrefix(".") {
                reader.report(
                    value, "alerts.smtp.password_credential", "must be a credential's name, not a path: '\(name)'")
            } else {
                account.password = .credential(name)
            }
        }
        if let value = map["starttls"], let text = reader.string(value, "alerts.smtp.starttls") {
            switch text {
            case "required": account.requireStartTLS = true
            case "off": account.requireStartTLS = false
            default: reader.report(value, "alerts.smtp.starttls", "must be required or off, not '\(text)'")
            }
        }
        if let value = map["ca_file"], let file = reader.string(value, "alerts.smtp.ca_file") {
            account.caFile = resolve(file)
        }
        if (account.user == nil) != (account.password == nil) {
            reader.report(
                node, "alerts.smtp", "needs both user and a password (password_file or password_credential), or neither"
            )
        }
        for spool in [alerts, digest] {
            guard case .smtp(let server) = spool, account.password != nil, !account.requireStartTLS,
                server.url.hasPrefix("smtp://"), !Self.isLoopback(server.host)
            else { continue }
            reader.report(
                map["starttls"], "alerts.smtp.starttls",
                "off would send the password in the clear to \(server.host); only a server on this machine may go without TLS"
            )
            return
        }
        alerts = Self.withAccount(account, alerts)
        digest = Self.withAccount(account, digest)
    }

    private static func withAccount(_ account: SmtpTarget, _ spool: SpoolTarget) -> SpoolTarget {
        guard case .smtp(var server) = spool else { return spool }
        server.user = account.user
        server.password = account.password
        server.requireStartTLS = account.requireStartTLS
        server.caFile = account.caFile
        return .smtp(server)
    }

    /// This machine by name or address: "localhost", "::1", or an IPv4 address in 127.0.0.0/8 (a name
    /// such as "127.mail.example.org" is not one).
    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        return octets.count == 4 && octets.allSatisfy { $0 != nil } && octets[0] == 127
    }
}
