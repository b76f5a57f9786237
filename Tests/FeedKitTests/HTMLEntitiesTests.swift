import FeedKit
import Testing

struct HTMLEntitiesTests {
    /// XML's five, the ends and awkward spots of Latin-1, the typographic set,
    /// and a few of HTML 4's Greek and math names.
    @Test(arguments: [
        ("amp", 38), ("lt", 60), ("gt", 62), ("quot", 34), ("apos", 39),
        ("nbsp", 160), ("iexcl", 161), ("shy", 173), ("times", 215), ("szlig", 223),
        ("eacute", 233), ("Eacute", 201), ("divide", 247), ("ETH", 208), ("thorn", 254), ("yuml", 255),
        ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216), ("rsquo", 8217), ("sbquo", 8218),
        ("ldquo", 8220), ("rdquo", 8221), ("bdquo", 8222), ("hellip", 8230), ("bull", 8226),
        ("euro", 8364), ("trade", 8482), ("dagger", 8224), ("Dagger", 8225), ("permil", 8240),
        ("lsaquo", 8249), ("rsaquo", 8250), ("OElig", 338), ("oelig", 339), ("Scaron", 352),
        ("scaron", 353), ("Yuml", 376), ("fnof", 402), ("circ", 710), ("tilde", 732),
        ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201), ("zwnj", 8204), ("zwj", 8205),
        ("lrm", 8206), ("rlm", 8207),
        ("Omega", 937), ("sigmaf", 962), ("omega", 969), ("piv", 982), ("hArr", 8660),
        ("there4", 8756), ("lang", 9001), ("diams", 9830),
    ])
    func named(name: String, codePoint: UInt32) {
        #expect(HTMLEntities.character(named: name) == String(Character(Unicode.Scalar(codePoint)!)))
    }

    @Test func namesAreCaseSensitiveAndExact() {
        #expect(HTMLEntities.character(named: "AMP") == nil)
        #expect(HTMLEntities.character(named: "Amp") == nil)
        #expect(HTMLEntities.character(named: "") == nil)
        #expect(HTMLEntities.character(named: "eacute;") == nil)
        #expect(HTMLEntities.character(named: "doesnotexist") == nil)
        #expect(HTMLEntities.character(named: "xeacutex".dropFirst().dropLast()) == "é")  // Substring
    }

    @Test(arguments: [
        ("Fish &amp; chips", "Fish & chips"),
        ("&lt;b&gt; &quot;x&quot; &apos;y&apos;", "<b> \"x\" 'y'"),
        ("Caf&eacute; &Eacute;t&eacute;", "Café Été"),
        ("&#65;&#066;&#x43;&#X44;&#x1F600;", "ABCD😀"),
        ("&#8212;&mdash;&hellip;", "——…"),
        ("&amp;amp;", "&amp;"),  // decoded once only
        // Unknown or malformed: left as written.
        ("&doesnotexist; &AMP; &amp &#; &#x; &#65 &; & &#xZZ;", "&doesnotexist; &AMP; &amp &#; &#x; &#65 &; & &#xZZ;"),
        ("AT&T R&D &&amp;", "AT&T R&D &&"),
        ("&verylongentityname;", "&verylongentityname;"),
        ("trailing &", "trailing &"),
        // Invalid code points become U+FFFD.
        ("&#0;|&#xD800;|&#xDFFF;|&#x110000;|&#99999999999999999999;", "\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}|\u{FFFD}"),
        // 128–159 are Windows-1252, as in browsers; its holes stay C1 controls.
        ("&#128;&#130;&#150;&#151;&#153;&#159;", "€‚–—™Ÿ"),
        ("&#129;&#x8D;", "\u{81}\u{8D}"),
        ("&#160;&#x10FFFF;", "\u{A0}\u{10FFFF}"),
        ("no references at all", "no references at all"),
        ("", ""),
    ])
    func decode(input: String, expected: String) {
        #expect(HTMLEntities.decode(input) == expected)
    }

    @Test(.timeLimit(.minutes(1)))
    func hostileInputStaysLinear() {
        for piece in ["&", "&#", "&#x", "&amp", "&#1", "&#xffffffff", "&eacute"] {
            let input = String(repeating: piece, count: 100_000)
            #expect(HTMLEntities.decode(input) == input)
        }
        let digits = "&#" + String(repeating: "9", count: 100_000) + ";"
        #expect(HTMLEntities.decode(digits) == "\u{FFFD}")
    }
}
