import Foundation

/// Google Alerts and Google News wrap each link in a redirect through Google; the post is the
/// target, and the target is what the coordinator must open and what identifies the item.
enum LinkUnwrapping {
    static func unwrap(_ link: String) -> String {
        // the common case, without parsing the URL
        guard link.utf8.count > 20, containsGoogle(link) else { return link }
        guard let components = URLComponents(string: link), let host = components.host?.lowercased(), isGoogle(host)
        else { return link }
        // Google Alerts: https://www.google.com/url?rct=j&sa=t&url=TARGET&ct=ga&...
        // Old Google News: https://news.google.com/news/url?...&url=TARGET
        if components.path == "/url" || components.path.hasSuffix("/url") {
            let items = components.queryItems ?? []
            if let target = (items.first { $0.name == "url" } ?? items.first { $0.name == "q" })?.value,
                isWebURL(target)
            {
                return target
            }
        }
        // Google News RSS: https://news.google.com/rss/articles/CBMi...: base64url of a small
        // protobuf that holds the target (older ids; newer ones need Google to resolve them).
        if host == "news.google.com", let range = components.path.range(of: "/articles/") {
            let id = String(components.path[range.upperBound...].prefix { $0 != "/" })
            if let target = targetInArticleID(id) { return target }
        }
        return link
    }

    /// google.com, www.google.nl, news.google.co.uk: "google" as the registered name, not
    /// google.attacker.example.
    static func isGoogle(_ host: String) -> Bool {
        let labels = host.split(separator: ".")
        guard labels.count >= 2 else { return false }
        if labels[labels.count - 2] == "google", labels[labels.count - 1].count <= 3 { return true }
        return labels.count >= 3 && labels[labels.count - 3] == "google"
            && ["co", "com"].contains(labels[labels.count - 2])
            && labels[labels.count - 1].count == 2
    }

    private static func containsGoogle(_ link: String) -> Bool {
        let needle = Array("google.".utf8)
        var bytes = Array(link.utf8.prefix(64))
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    private static func targetInArticleID(_ id: String) -> String? {
        var base64 = id.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64) else { return nil }
        let bytes = [UInt8](data)
        guard let start = bytes.indices.first(where: { bytes[$0...].starts(with: Array("http".utf8)) }) else {
            return nil
        }
        // The string field's length is the byte before it (a one-byte varint for URLs under 128
        // bytes); else the URL runs until the first byte that cannot be in one.
        var end = bytes[start...].firstIndex { $0 <= 0x20 || $0 >= 0x7F } ?? bytes.endIndex
        if start > 0, bytes[start - 1] < 0x80, start + Int(bytes[start - 1]) <= end {
            end = start + Int(bytes[start - 1])
        }
        let target = String(decoding: bytes[start..<end], as: UTF8.self)
        return isWebURL(target) ? target : nil
    }

    private static func isWebURL(_ text: String) -> Bool {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), url.host != nil else { return false }
        return scheme == "http" || scheme == "https"
    }
}
