import FeedKit
import Foundation

/// Building blocks for RFC 5322 + MIME messages. Values from feeds pass through here,
/// so nothing they contain can start a new header or break the structure.
public enum MIME {
    /// A header value on one line: CR, LF and other control characters become spaces.
    public static func headerSafe(_ value: String) -> String {
        String(
            String.UnicodeScalarView(value.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    /// An unstructured header value, RFC 2047-encoded (UTF-8, base64 "B" encoding) when not plain ASCII.
    /// Encoded words are at most 75 characters and never split a UTF-8 sequence (RFC 2047 §2, §5).
    public static func encodedHeader(_ value: String) -> String {
        let safe = headerSafe(value)
        if safe.unicodeScalars.allSatisfy({ $0.isASCII }) && !safe.contains("=?") { return safe }
        var words: [String] = []
        var chunk: [UInt8] = []
        for character in safe {
            let bytes = Array(String(character).utf8)
            // 75 - len("=?UTF-8?B??=") = 63 base64 characters → 45 bytes.
            if chunk.count + bytes.count > 45 {
                words.append(encodedWord(chunk))
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append(encodedWord(chunk)) }
        return words.joined(separator: "\r\n ")
    }

    private static func encodedWord(_ bytes: [UInt8]) -> String {
        "=?UTF-8?B?" + Data(bytes).base64EncodedString() + "?="
    }

    /// Base64 body lines of 76 characters with CRLF (RFC 2045 §6.8).
    public static func base64Body(_ text: String) -> String {
        Data(text.utf8).base64EncodedString(options: [
            .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
        ])
    }

    /// A complete multipart/alternative message with a text/plain and a text/html part.
    /// The boundary is derived from the Message-ID so the same alert renders byte for byte the same.
    public static func alternative(headers: [(String, String)], text: String, html: String, messageID: String) -> String
    {
        let boundary = "=_mw_" + String(SHA256.hex(Array(messageID.utf8)).prefix(24))
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines += [
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
            "",
            "This is a MIME message.",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Body(text),
            "--\(boundary)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Body(html),
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// Only http(s) links become clickable: a feed cannot smuggle in `javascript:` or `data:` URLs.
    public static func isSafeLink(_ link: String) -> Bool {
        let lower = link.lowercased()
        return (lower.hasPrefix("https://") || lower.hasPrefix("http://")) && !link.contains(where: { $0.isWhitespace })
    }
}

extension MIME {
    /// A complete single-part text/plain message.
    public static func plain(headers: [(String, String)], text: String) -> String {
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines += [
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", "",
            base64Body(text), "",
        ]
        return lines.joined(separator: "\r\n")
    }
}
