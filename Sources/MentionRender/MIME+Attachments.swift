import FeedKit
import Foundation

extension MIME {
    /// A file sent along, as text in UTF-8 (the entry of a feed, as the evidence of an alert).
    public struct Attachment: Sendable, Equatable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// multipart/mixed: the text and HTML as one multipart/alternative part, then each attachment.
    /// Without attachments, the plain multipart/alternative message. Boundaries come from the
    /// Message-ID, so the same alert renders byte for byte the same on every retry.
    public static func mixed(
        headers: [(String, String)], text: String, html: String, attachments: [Attachment], messageID: String
    ) -> String {
        guard !attachments.isEmpty else {
            return alternative(headers: headers, text: text, html: html, messageID: messageID)
        }
        let seed = SHA256.hex(Array(messageID.utf8))
        let outer = "=_mwx_" + String(seed.prefix(24))
        let inner = "=_mw_" + String(seed.prefix(24))
        var lines = headers.map { "\($0.0): \($0.1)" }
        lines += [
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(outer)\"",
            "",
            "This is a MIME message.",
            "--\(outer)",
            "Content-Type: multipart/alternative; boundary=\"\(inner)\"",
            "",
            "--\(inner)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Body(text),
            "--\(inner)",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            base64Body(html),
            "--\(inner)--",
        ]
        for attachment in attachments {
            // The name is ours (a case number), never the feed's: no header can be smuggled in.
            lines += [
                "--\(outer)",
                "Content-Type: text/plain; charset=utf-8; name=\"\(headerSafe(attachment.name))\"",
                "Content-Disposition: attachment; filename=\"\(headerSafe(attachment.name))\"",
                "Content-Transfer-Encoding: base64",
                "",
                Data(attachment.bytes).base64EncodedString(options: [
                    .lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed,
                ]),
            ]
        }
        lines += ["--\(outer)--", ""]
        return lines.joined(separator: "\r\n")
    }
}
