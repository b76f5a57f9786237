import Foundation

/// Turns a feed's bytes into UTF-8, so the markup parser works on one encoding.
///
/// Order of evidence (RFC 7303 §3 and XML 1.0 Appendix F): a byte-order mark; then the HTTP
/// charset, which wins over the XML declaration; then the XML declaration; then the byte
/// pattern of UTF-16/32 without a BOM; then UTF-8. Labels are read as browsers read them
/// (WHATWG Encoding): ISO-8859-1 and US-ASCII decode as Windows-1252, GB2312 as GB18030.
/// Invalid bytes become U+FFFD and mark the document; they are never fatal.
enum CharacterDecoding {
    struct Decoded {
        var utf8: [UInt8]
        /// The encoding the bytes were read in, as a lowercase label ("utf-8", "windows-1252").
        var encoding: String
        /// Invalid bytes were replaced, or a declared charset was unknown and ignored.
        var damaged: Bool
    }

    static func decode(_ bytes: [UInt8], httpCharset: String?) -> Decoded {
        if let (label, bomLength) = byteOrderMark(bytes) {
            return decode(bytes[bomLength...], label: label)
        }
        let sniffed = sniffWideEncoding(bytes)
        var unknownLabel = false
        for candidate in [httpCharset, xmlDeclaredEncoding(bytes, sniffed: sniffed)] {
            guard let candidate, let label = canonicalLabel(candidate) else {
                if candidate != nil { unknownLabel = true }
                continue
            }
            // A label that contradicts the bytes is wrong, both ways: "utf-16" on bytes that read
            // as ASCII, or a one-byte charset (a server default) on bytes that are UTF-16/32.
            let wideLabel = label.hasPrefix("utf-16") || label.hasPrefix("utf-32")
            if wideLabel || sniffed != nil {
                guard let sniffed, !wideLabel || sniffed.hasPrefix(String(label.prefix(6))) else {
                    unknownLabel = true
                    continue
                }
                var decoded = decode(bytes[...], label: sniffed)
                decoded.damaged = decoded.damaged || !wideLabel
                return decoded
            }
            var decoded = decode(bytes[...], label: label)
            decoded.damaged = decoded.damaged || unknownLabel
            return decoded
        }
        var decoded = decode(bytes[...], label: sniffed ?? "utf-8")
        if decoded.damaged, sniffed == nil {
            // Nothing declared and not UTF-8: almost always Windows-1252 (or Latin-1, its subset),
            // which any byte sequence is. Browsers and feedparser fall back the same way.
            decoded = decode(bytes[...], label: "windows-1252")
        }
        decoded.damaged = decoded.damaged || unknownLabel
        return decoded
    }

    private static func decode(_ bytes: ArraySlice<UInt8>, label: String) -> Decoded {
        switch label {
        case "utf-8":
            let check = UTF8Check.scan(bytes)
            if check.valid {
                return Decoded(
                    utf8: check.hasC1Controls ? demoronized(Array(bytes)) : Array(bytes), encoding: label,
                    damaged: false)
            }
            return Decoded(utf8: Array(String(decoding: bytes, as: UTF8.self).utf8), encoding: label, damaged: true)
        case "utf-16be", "utf-16le":
            return wide(bytes, width: 2, bigEndian: label == "utf-16be", label: label)
        case "utf-32be", "utf-32le":
            return wide(bytes, width: 4, bigEndian: label == "utf-32be", label: label)
        case "windows-1252", "iso-8859-1", "us-ascii":
            return Decoded(utf8: windows1252(bytes), encoding: label, damaged: false)
        default:
            // WHATWG decodes some labels with a superset (EUC-KR as windows-949, ...).
            guard
                let (utf8, damaged) = Iconv.toUTF8(bytes, from: supersets[label] ?? label)
                    ?? Iconv.toUTF8(bytes, from: label)
            else {
                // Known to us but not to this system's iconv: read as the undeclared case is, and say so.
                var decoded = decode(bytes, label: "utf-8")
                if decoded.damaged { decoded = decode(bytes, label: "windows-1252") }
                decoded.damaged = true
                return decoded
            }
            return Decoded(utf8: utf8, encoding: label, damaged: damaged)
        }
    }

    private static func byteOrderMark(_ bytes: [UInt8]) -> (String, Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("utf-8", 3) }
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("utf-32be", 4) }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("utf-32le", 4) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("utf-16be", 2) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("utf-16le", 2) }
        return nil
    }

    /// XML 1.0 Appendix F: "<" or "<?" written in UTF-16 or UTF-32 without a BOM.
    private static func sniffWideEncoding(_ bytes: [UInt8]) -> String? {
        guard bytes.count >= 4 else { return nil }
        switch (bytes[0], bytes[1], bytes[2], bytes[3]) {
        case (0, 0, 0, 0x3C): return "utf-32be"
        case (0x3C, 0, 0, 0): return "utf-32le"
        case (0, 0x3C, 0, _): return "utf-16be"
        case (0x3C, 0, _, 0): return "utf-16le"
        default: return nil
        }
    }

    /// The `encoding` pseudo-attribute of `<?xml ...?>`, if the document starts with one.
    /// A UTF-16/32 document is read at every 2nd/4th byte, where its ASCII sits.
    static func xmlDeclaredEncoding(_ bytes: [UInt8], sniffed: String? = nil) -> String? {
        var head = Array(bytes.prefix(1024))
        if let sniffed {
            let width = sniffed.hasPrefix("utf-32") ? 4 : 2
            let offset = sniffed.hasSuffix("be") ? width - 1 : 0
            head = stride(from: offset, to: head.count, by: width).map { head[$0] }
        }
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = String(decoding: head[..<end], as: UTF8.self)
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    /// A charset label in one spelling per encoding, or nil when it names none we can read.
    static func canonicalLabel(_ raw: String) -> String? {
        let label = raw.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")).lowercased()
        guard !label.isEmpty, label.count <= 40,
            label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.:".contains($0)) })
        else { return nil }
        if let alias = aliases[label] { return alias }
        // Families by number only: what reaches iconv_open is always a plain, known-shaped name.
        func numbered(_ prefix: String, _ digits: ClosedRange<Int>) -> String? {
            guard label.hasPrefix(prefix), let number = Int(label.dropFirst(prefix.count)), digits.contains(number)
            else { return nil }
            return String(number)
        }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-"] {
            if let number = numbered(prefix, 1...16) { return "iso-8859-" + number }
        }
        if let number = numbered("windows-", 1250...1258) ?? numbered("cp", 1250...1258) { return "windows-" + number }
        return nil
    }

    /// The decoder browsers use for a label (WHATWG Encoding), as iconv names it.
    private static let supersets: [String: String] = [
        "euc-kr": "CP949", "shift_jis": "CP932", "tis-620": "CP874", "iso-8859-11": "CP874",
    ]

    private static let aliases: [String: String] = [
        "utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
        "utf-16": "utf-16", "utf16": "utf-16", "utf_16": "utf-16", "u16": "utf-16", "utf-16be": "utf-16be",
        "utf-16le": "utf-16le", "ucs-2": "utf-16", "unicode": "utf-16",
        "utf-32": "utf-32", "utf32": "utf-32", "utf_32": "utf-32", "u32": "utf-32", "utf-32be": "utf-32be",
        "utf-32le": "utf-32le", "ucs-4": "utf-32",
        "us-ascii": "us-ascii", "ascii": "us-ascii", "ansi_x3.4-1968": "us-ascii",
        "iso-8859-1": "iso-8859-1", "latin1": "iso-8859-1", "latin-1": "iso-8859-1", "l1": "iso-8859-1",
        "iso8859-1": "iso-8859-1",
        "windows-1252": "windows-1252", "cp1252": "windows-1252", "x-cp1252": "windows-1252",
        "latin2": "iso-8859-2", "latin-9": "iso-8859-15", "latin9": "iso-8859-15",
        "gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb18030": "gb18030", "chinese": "gb18030",
        "big5": "big5", "big5-hkscs": "big5-hkscs", "x-x-big5": "big5",
        "euc-kr": "euc-kr", "ks_c_5601-1987": "euc-kr", "euc-jp": "euc-jp", "iso-2022-jp": "iso-2022-jp",
        "shift_jis": "shift_jis", "shift-jis": "shift_jis", "sjis": "shift_jis", "x-sjis": "shift_jis",
        "windows-31j": "shift_jis",
        "tis-620": "tis-620", "windows-874": "windows-874", "mac": "macintosh", "macintosh": "macintosh",
        "x-mac-roman": "macintosh",
        "ibm866": "ibm866", "cp866": "ibm866", "866": "ibm866", "csibm866": "ibm866", "csisolatin1": "iso-8859-1",
        "iso-ir-100": "iso-8859-1",
        "iso_8859-1:1987": "iso-8859-1", "csisolatin2": "iso-8859-2", "iso-ir-101": "iso-8859-2",
        "iso-8859-8-i": "iso-8859-8",
        "csiso88598i": "iso-8859-8", "logical": "iso-8859-8", "ms_kanji": "shift_jis", "csshiftjis": "shift_jis",
        "x-euc-jp": "euc-jp",
        "cseucpkdfmtjapanese": "euc-jp", "gb_2312-80": "gb18030", "gb_2312": "gb18030", "csgb2312": "gb18030",
        "iso-ir-58": "gb18030",
        "cp949": "euc-kr", "windows-949": "euc-kr", "csksc56011987": "euc-kr", "ks_c_5601-1989": "euc-kr",
        "koi8-r": "koi8-r", "koi8r": "koi8-r",
        "koi8-u": "koi8-u", "cp1250": "windows-1250", "cp1251": "windows-1251", "x-cp1250": "windows-1250",
        "x-cp1251": "windows-1251",
    ]

    private static func wide(_ bytes: ArraySlice<UInt8>, width: Int, bigEndian: Bool, label: String) -> Decoded {
        var scalars = String.UnicodeScalarView()
        var damaged = bytes.count % width != 0
        var index = bytes.startIndex
        if width == 2 {
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            while index + 1 < bytes.endIndex {
                let a = UInt16(bytes[index])
                let b = UInt16(bytes[index + 1])
                units.append(bigEndian ? a << 8 | b : b << 8 | a)
                index += 2
            }
            var iterator = units.makeIterator()
            var decoder = UTF16()
            loop: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): scalars.append(scalar)
                case .error:
                    scalars.append("\u{FFFD}")
                    damaged = true
                case .emptyInput: break loop
                }
            }
        } else {
            while index + 3 < bytes.endIndex {
                let b = (0..<4).map { UInt32(bytes[index + $0]) }
                let value =
                    bigEndian ? b[0] << 24 | b[1] << 16 | b[2] << 8 | b[3] : b[3] << 24 | b[2] << 16 | b[1] << 8 | b[0]
                if let scalar = Unicode.Scalar(value) {
                    scalars.append(scalar)
                } else {
                    scalars.append("\u{FFFD}")
                    damaged = true
                }
                index += 4
            }
        }
        return Decoded(utf8: Array(String(scalars).utf8), encoding: label, damaged: damaged)
    }

    /// C1 controls (U+0080–U+009F) in UTF-8 text are Windows-1252 punctuation that went through
    /// a Latin-1 conversion ("don\u{92}t"); no feed means the controls themselves.
    private static func demoronized(_ utf8: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0xC2, index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) {
                out.append(contentsOf: String(Character(windows1252High[Int(utf8[index + 1]) - 0x80])).utf8)
                index += 2
            } else {
                out.append(utf8[index])
                index += 1
            }
        }
        return out
    }

    private static func windows1252(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
                continue
            }
            let scalar = (0x80...0x9F).contains(byte) ? windows1252High[Int(byte) - 0x80] : Unicode.Scalar(byte)
            out.append(contentsOf: String(Character(scalar)).utf8)
        }
        return out
    }

    /// Windows-1252 0x80–0x9F, where it differs from ISO-8859-1 (undefined bytes map to C1, as WHATWG says).
    private static let windows1252High: [Unicode.Scalar] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
        0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,
        0x017E, 0x0178,
    ].map { Unicode.Scalar(UInt32($0))! }
}
