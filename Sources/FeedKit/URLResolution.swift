import Foundation

/// Relative references in feeds (RFC 3986 §5): links, enclosures and author URIs are resolved
/// against `xml:base` (XML Base, W3C) or, failing that, the document's own URL.
public enum URLResolution {
    /// `reference` made absolute against `base`; the reference itself when it is absolute
    /// already, when there is no usable base, or when it cannot be resolved.
    public static func resolve(_ reference: String, against base: String?) -> String? {
        let reference = reference.trimmed
        guard let base, !base.isEmpty, !hasScheme(reference) else { return reference }
        guard let baseURL = url(base) else { return reference }
        guard let resolved = url(reference, relativeTo: baseURL) else { return reference }
        return resolved.absoluteString
    }

    /// "http:", "mailto:": a scheme is letters, digits, "+", "-", "." before the first ":".
    static func hasScheme(_ text: String) -> Bool {
        for (offset, byte) in text.utf8.enumerated() {
            let letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
            if byte == UInt8(ascii: ":") { return offset > 0 }
            if offset == 0
                ? !letter : !(letter || (0x30...0x39).contains(byte) || byte == 0x2B || byte == 0x2D || byte == 0x2E)
            {
                return false
            }
        }
        return false
    }

    /// Foundation refuses raw non-ASCII and spaces; percent-encode those first (RFC 3987 §3.1).
    private static func url(_ text: String, relativeTo base: URL? = nil) -> URL? {
        if let url = URL(string: text, relativeTo: base) { return url }
        let allowed = CharacterSet.urlFragmentAllowed.union(.urlPathAllowed).union(.urlQueryAllowed).union(
            CharacterSet(charactersIn: "#%"))
        guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed) else { return nil }
        return URL(string: encoded, relativeTo: base)
    }
}
