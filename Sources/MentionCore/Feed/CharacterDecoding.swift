import Foundation

/// Turns a feed's bytes into UTF-8, so the markup parser works on one encoding.
/// Order of evidence: byte-order mark, then the HTTP charset (RFC 7303 §3: it wins over the
/// XML declaration), then the XML declaration, then UTF-8. Invalid bytes become U+FFFD.
enum CharacterDecoding {
    static func utf8(_ bytes: [UInt8], httpCharset: String?) -> [UInt8] {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return repairUTF8(Array(bytes.dropFirst(3))) }
        if bytes.starts(with: [0xFE, 0xFF]) { return utf16(bytes.dropFirst(2), bigEndian: true) }
        if bytes.starts(with: [0xFF, 0xFE]) { return utf16(bytes.dropFirst(2), bigEndian: false) }
        let declared = httpCharset ?? xmlDeclaredEncoding(bytes)
        if let label = declared?.lowercased(), label.hasPrefix("utf-16") {
            // Without a BOM, a zero byte first means big-endian ("\0<"), second little-endian ("<\0").
            return looksLikeUTF16(bytes) ? utf16(bytes[...], bigEndian: bytes[0] == 0) : repairUTF8(bytes)
        }
        switch declared?.lowercased() {
        case "iso-8859-1", "latin1", "latin-1", "iso8859-1", "l1":
            return singleByte(bytes, windows1252: false)
        case "windows-1252", "cp1252", "x-cp1252":
            return singleByte(bytes, windows1252: true)
        default:
            return repairUTF8(bytes)
        }
    }

    /// A label saying UTF-16 on bytes that read as ASCII (a readable `<?xml` declaration) is wrong: ignore it.
    private static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0)
    }

    /// The `encoding` pseudo-attribute of `<?xml ...?>`, if the document starts with one.
    static func xmlDeclaredEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.starts(with: Array("<?xml".utf8)) else { return nil }
        let head = bytes.prefix(256)
        guard let end = head.firstIndex(of: UInt8(ascii: ">")) else { return nil }
        let decl = String(decoding: head[..<end], as: UTF8.self)
        guard let range = decl.range(of: "encoding") else { return nil }
        let rest = decl[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func repairUTF8(_ bytes: [UInt8]) -> [UInt8] {
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        return Array(String(decoding: bytes, as: UTF8.self).utf8)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? a << 8 | b : b << 8 | a)
            index += 2
        }
        return Array(String(decoding: units, as: UTF16.self).utf8)
    }

    private static func singleByte(_ bytes: [UInt8], windows1252: Bool) -> [UInt8] {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if windows1252, (0x80...0x9F).contains(byte), let mapped = windows1252High[Int(byte) - 0x80] {
                scalars.append(mapped)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return Array(String(scalars).utf8)
    }

    /// Windows-1252 0x80–0x9F, where it differs from ISO-8859-1 (nil: undefined, kept as C1).
    private static let windows1252High: [Unicode.Scalar?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ].map { $0.flatMap(Unicode.Scalar.init) }
}
