/// HTML character references: the HTML 4.01 named set (which includes XML's
/// five, all of Latin-1 and the common typographic ones) plus `&apos;`, and
/// decimal/hex numeric references with the browser fix-ups for bad code points.
public enum HTMLEntities {
    /// Escapes text for HTML element content and quoted attribute values.
    /// Works on UTF-8 bytes: all five characters are ASCII, so no multi-byte sequence is touched.
    public static func escaped(_ text: String) -> String {
        let bytes = Array(text.utf8)
        // Until the first special byte the text stays as it is (a closure per byte was most of the cost).
        var first = 0
        while first < bytes.count, !isSpecial(bytes[first]) { first += 1 }
        guard first < bytes.count else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 32)
        out.append(contentsOf: bytes[..<first])
        for byte in bytes[first...] {
            switch byte {
            case 0x26: append("&amp;", to: &out)
            case 0x3C: append("&lt;", to: &out)
            case 0x3E: append("&gt;", to: &out)
            case 0x22: append("&quot;", to: &out)
            case 0x27: append("&#39;", to: &out)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || byte == 0x27
    }

    private static func append(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// The text for an entity name without `&` and `;`, e.g. "eacute" -> "é".
    /// Names are case-sensitive, as in HTML ("Eacute" is "É").
    public static func character(named name: some StringProtocol) -> String? {
        guard let key = key(name.utf8), let scalar = table[key] else { return nil }
        return String(Character(scalar))
    }

    /// Decodes `&name;`, `&#123;` and `&#x1F600;`. Unknown names and malformed
    /// references (no `;`, no digits) are left exactly as written.
    public static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        decode(Array(text.utf8)[...], into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Byte-level decoder shared with `HTMLText`; appends the decoded `input` to `out`.
    static func decode(_ input: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var i = input.startIndex
        let end = input.endIndex
        while i < end {
            // Copy the run up to the next "&" in one go.
            let ampersand = ByteSearch.next(UInt8(ascii: "&"), in: input, from: i) ?? end
            // Through a buffer pointer: appending the slice itself went the generic way.
            input.withUnsafeBufferPointer { run in
                out.append(
                    contentsOf: UnsafeBufferPointer(
                        rebasing: run[(i - input.startIndex)..<(ampersand - input.startIndex)]))
            }
            i = ampersand
            guard i < end else { break }
            if let (scalar, next) = reference(in: input, at: i) {
                UTF8.encode(scalar) { out.append($0) }
                i = next
            } else {
                out.append(UInt8(ascii: "&"))
                i += 1
            }
        }
    }

    /// Parses the reference starting at the `&` at `start`; returns the scalar
    /// and the index after the `;`, or nil when it is not a complete reference.
    private static func reference(in s: ArraySlice<UInt8>, at start: Int) -> (Unicode.Scalar, Int)? {
        var i = start + 1
        guard i < s.endIndex else { return nil }
        if s[i] == UInt8(ascii: "#") {
            i += 1
            var radix: UInt32 = 10
            if i < s.endIndex, s[i] | 0x20 == UInt8(ascii: "x") {
                radix = 16
                i += 1
            }
            let digitsStart = i
            var value: UInt32 = 0
            while i < s.endIndex, let digit = digitValue(s[i], radix: radix) {
                // Saturate instead of overflowing; anything this big is invalid anyway.
                value = min(value &* radix &+ digit, 0x11_0000)
                i += 1
            }
            guard i > digitsStart, i < s.endIndex, s[i] == UInt8(ascii: ";") else { return nil }
            return (numericScalar(value), i + 1)
        }
        // The longest HTML 4 name is 8 characters; stop early on hostile input.
        while i < s.endIndex, i - start <= 9, isAlphanumeric(s[i]) { i += 1 }
        guard i > start + 1, i < s.endIndex, s[i] == UInt8(ascii: ";") else { return nil }
        guard let key = key(s[(start + 1)..<i]) else { return nil }
        // XML's five first: escaped HTML is mostly `&lt;` and `&gt;`, and a table lookup hashes.
        switch key {
        case 0x746C: return ("<", i + 1)  // lt
        case 0x7467: return (">", i + 1)  // gt
        case 0x70_6D61: return ("&", i + 1)  // amp
        case 0x746F_7571: return ("\"", i + 1)  // quot
        case 0x736F_7061: return ("'", i + 1)  // apos
        default: break
        }
        guard let scalar = table[key] else { return nil }
        return (scalar, i + 1)
    }

    /// An entity name as one number, its bytes little-endian: names are at most 8 bytes and hold
    /// no NUL, so the number is unique. Table lookups then hash a word, not a string.
    static func key(_ name: some Collection<UInt8>) -> UInt64? {
        guard !name.isEmpty, name.count <= 8 else { return nil }
        var value: UInt64 = 0
        var shift: UInt64 = 0
        for byte in name {
            guard byte != 0 else { return nil }
            value |= UInt64(byte) << shift
            shift += 8
        }
        return value
    }

    /// The HTML rules for numeric references: 0, surrogates and values beyond
    /// Unicode become U+FFFD, and 128–159 are read as Windows-1252, as browsers do.
    private static func numericScalar(_ value: UInt32) -> Unicode.Scalar {
        let replacement: Unicode.Scalar = "\u{FFFD}"
        if (0x80...0x9F).contains(value) {
            let mapped = windows1252[Int(value - 0x80)]
            return Unicode.Scalar(mapped == 0 ? value : mapped) ?? replacement
        }
        // Control characters other than tab and line breaks are no text (and could steer a terminal).
        if value < 0x20, value != 0x09, value != 0x0A, value != 0x0D { return replacement }
        if value == 0x7F { return replacement }
        return Unicode.Scalar(value) ?? replacement  // nil for surrogates and > 0x10FFFF
    }

    private static func digitValue(_ byte: UInt8, radix: UInt32) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    /// Code points for bytes 0x80–0x9F in Windows-1252 (0 = undefined there,
    /// kept as the C1 control, like the HTML spec's table).
    private static let windows1252: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Names whose code points run consecutively from the given start.
    private static let runs: [(UInt32, String)] = [
        // Latin-1, U+00A0–U+00FF (HTMLlat1.ent).
        (
            160,
            """
            nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr
            deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest
            Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml
            ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig
            agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml
            eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml
            """
        ),
        // Greek (HTMLsymbol.ent); U+03A2 has no capital letter, hence two runs.
        (913, "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho"),
        (931, "Sigma Tau Upsilon Phi Chi Psi Omega"),
        (
            945,
            """
            alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho
            sigmaf sigma tau upsilon phi chi psi omega
            """
        ),
        (8592, "larr uarr rarr darr harr"),
        (8656, "lArr uArr rArr dArr hArr"),
        (8804, "le ge"),
        (8834, "sub sup nsub"),
        (8838, "sube supe"),
        (8968, "lceil rceil lfloor rfloor"),
        (8194, "ensp emsp"),
        (8204, "zwnj zwj lrm rlm"),
        (8211, "ndash mdash"),
        (8216, "lsquo rsquo sbquo"),
        (8220, "ldquo rdquo bdquo"),
    ]

    /// The remaining names, one code point each.
    private static let singles = """
        quot 34 amp 38 apos 39 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 scaron 353 Yuml 376
        fnof 402 circ 710 tilde 732 thetasym 977 upsih 978 piv 982 thinsp 8201
        dagger 8224 Dagger 8225 bull 8226 hellip 8230 permil 8240 prime 8242 Prime 8243
        lsaquo 8249 rsaquo 8250 oline 8254 frasl 8260 euro 8364 image 8465 weierp 8472
        real 8476 trade 8482 alefsym 8501 crarr 8629 forall 8704 part 8706 exist 8707
        empty 8709 nabla 8711 isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722
        lowast 8727 radic 8730 prop 8733 infin 8734 ang 8736 and 8743 or 8744 cap 8745
        cup 8746 int 8747 there4 8756 sim 8764 cong 8773 asymp 8776 ne 8800 equiv 8801
        oplus 8853 otimes 8855 perp 8869 sdot 8901 lang 9001 rang 9002 loz 9674
        spades 9824 clubs 9827 hearts 9829 diams 9830
        """

    /// Built once, on first use (static lets are initialised lazily and thread-safely).
    private static let table: [UInt64: Unicode.Scalar] = {
        var table = [UInt64: Unicode.Scalar]()
        for (first, names) in runs {
            for (offset, name) in names.split(whereSeparator: \.isWhitespace).enumerated() {
                table[key(name.utf8)!] = Unicode.Scalar(first + UInt32(offset))
            }
        }
        let words = singles.split(whereSeparator: \.isWhitespace)
        for index in stride(from: 0, to: words.count - 1, by: 2) {
            table[key(words[index].utf8)!] = UInt32(words[index + 1]).flatMap(Unicode.Scalar.init)
        }
        return table
    }()
}
