/// HTML fragments (feed summaries and content) to plain text for keyword matching.
public enum HTMLText {
    /// Removes tags and comments, drops what <script>, <style> and <head> hold,
    /// keeps <img> alt text, turns block-level tags into line breaks, decodes
    /// entities and collapses whitespace. One pass with bounded look-ahead per
    /// construct, so time stays linear on hostile input; whatever is left open
    /// at the end (a tag, comment or <script>) is dropped, as browsers do.
    public static func plainText(_ html: String) -> String {
        // Plain text already (no markup, no references): only whitespace to collapse.
        let bytes = Array(html.utf8)
        if ByteSearch.next(UInt8(ascii: "<"), in: bytes, from: 0) == nil,
            ByteSearch.next(UInt8(ascii: "&"), in: bytes, from: 0) == nil
        {
            let collapsed = collapse(bytes)
            // Often nothing to collapse: the string we have is the answer (no copy, no validation).
            return collapsed == bytes ? html : String(decoding: collapsed, as: UTF8.self)
        }
        var converter = Converter(bytes)
        converter.run()
        return String(decoding: collapse(converter.out), as: UTF8.self)
    }

    /// Tags whose content is not text for the reader.
    private static let droppedContent = packed(["script", "style", "head"])

    /// Tags that start a new line when rendered.
    private static let blockTags = packed([
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "blockquote",
        "ul", "ol", "dl", "dt", "dd", "hr", "pre", "table", "caption", "section", "article",
        "aside", "header", "footer", "nav", "main", "figure", "figcaption", "address",
    ])

    /// Table cells sit side by side; a space keeps their words apart.
    private static let cellTags = packed(["td", "th"])

    private static let img = pack(Array("img".utf8)[...])

    /// A tag name, lowercased, as one number (its length and first 7 bytes): tags compare without
    /// building strings. Names over 10 bytes pack to 0, which names no tag we act on; an unknown
    /// name that shares length and first 7 bytes with a known one is treated like it (harmless:
    /// at worst a line break).
    static func pack(_ name: ArraySlice<UInt8>) -> UInt64 {
        guard !name.isEmpty, name.count <= 10 else { return 0 }
        var value = UInt64(name.count) << 56
        for (offset, byte) in name.prefix(7).enumerated() {
            value |= UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte) << (UInt64(offset) * 8)
        }
        return value
    }

    private static func packed(_ names: [String]) -> PackedNameSet {
        PackedNameSet(names.map { pack(Array($0.utf8)[...]) })
    }

    private struct Converter {
        let s: [UInt8]
        var out: [UInt8] = []
        var i = 0
        /// Start of the pending text run, decoded when the next markup begins.
        var textStart = 0

        init(_ s: [UInt8]) {
            self.s = s
            out.reserveCapacity(s.count)
        }

        mutating func run() {
            while i < s.count {
                guard s[i] == UInt8(ascii: "<") else {
                    i = ByteSearch.next(UInt8(ascii: "<"), in: s, from: i) ?? s.count
                    continue
                }
                guard i + 1 < s.count else {
                    i += 1
                    continue
                }
                let next = s[i + 1]
                if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                    flushText()
                    markupDeclaration()
                } else if isLetter(next) || (next == UInt8(ascii: "/") && i + 2 < s.count && isLetter(s[i + 2])) {
                    flushText()
                    tag()
                } else {
                    i += 1  // "a < b", "<3", "<" alone: plain text
                    continue
                }
                textStart = i
            }
            flushText()
        }

        mutating func flushText() {
            if textStart < i { HTMLEntities.decode(s[textStart..<min(i, s.count)], into: &out) }
            textStart = i
        }

        /// <!-- comments -->, <![CDATA[ text ]]>, <!DOCTYPE ...> and <?processing instructions?>.
        mutating func markupDeclaration() {
            if starts(with: "<!--", at: i) {
                let body = i + 4
                // "<!-->" and "<!--->" are complete (empty) comments in HTML.
                if starts(with: ">", at: body) {
                    i = body + 1
                } else if starts(with: "->", at: body) {
                    i = body + 2
                } else {
                    i = find("-->", from: body).map { $0 + 3 } ?? s.count
                }
            } else if starts(with: "<![CDATA[", at: i) {
                // Not HTML, but feeds leak it; its text is literal, so no decoding.
                let body = i + 9
                let end = find("]]>", from: body) ?? s.count
                out.append(contentsOf: s[body..<end])
                i = min(end + 3, s.count)
            } else {
                i = find(">", from: i + 2).map { $0 + 1 } ?? s.count
            }
        }

        mutating func tag() {
            var j = i + 1
            let closing = s[j] == UInt8(ascii: "/")
            if closing { j += 1 }
            let nameStart = j
            while j < s.count, !isSpace(s[j]), s[j] != UInt8(ascii: "/"), s[j] != UInt8(ascii: ">") { j += 1 }
            let nameEnd = j
            let name = HTMLText.pack(s[nameStart..<nameEnd])
            var alt: Range<Int>?
            // Attributes, honouring quotes so that a ">" inside a value does not end the tag.
            while true {
                while j < s.count, isSpace(s[j]) || s[j] == UInt8(ascii: "/") { j += 1 }
                guard j < s.count else {
                    i = s.count
                    return
                }  // unclosed tag: drop the rest
                if s[j] == UInt8(ascii: ">") {
                    j += 1
                    break
                }
                let attrStart = j
                while j < s.count, !isSpace(s[j]), s[j] != UInt8(ascii: "/"), s[j] != UInt8(ascii: ">"),
                    j == attrStart || s[j] != UInt8(ascii: "=")
                { j += 1 }
                let attrName = attrStart..<j
                while j < s.count, isSpace(s[j]) { j += 1 }
                guard j < s.count, s[j] == UInt8(ascii: "=") else { continue }
                j += 1
                while j < s.count, isSpace(s[j]) { j += 1 }
                guard j < s.count else { continue }
                let value: Range<Int>
                if s[j] == UInt8(ascii: "\"") || s[j] == UInt8(ascii: "'") {
                    guard let close = s[(j + 1)...].firstIndex(of: s[j]) else {
                        i = s.count
                        return
                    }
                    value = (j + 1)..<close
                    j = close + 1
                } else {
                    let valueStart = j
                    while j < s.count, !isSpace(s[j]), s[j] != UInt8(ascii: ">") { j += 1 }
                    value = valueStart..<j
                }
                if name == HTMLText.img, attrName.count == 3,
                    s[attrName].elementsEqual("alt".utf8, by: { $0 | 0x20 == $1 })
                {
                    alt = value
                }
            }
            i = j
            if closing {
                if blockTags.contains(name) { out.append(UInt8(ascii: "\n")) }
                if cellTags.contains(name) { out.append(UInt8(ascii: " ")) }
            } else if droppedContent.contains(name) {
                skipContent(of: s[nameStart..<nameEnd])
            } else if name == HTMLText.img {
                out.append(UInt8(ascii: " "))
                if let alt { HTMLEntities.decode(s[alt], into: &out) }
                out.append(UInt8(ascii: " "))
            } else if blockTags.contains(name) {
                out.append(UInt8(ascii: "\n"))
            } else if cellTags.contains(name) {
                out.append(UInt8(ascii: " "))
            }
        }

        /// Moves past the matching end tag ("</script >", any case), or to the end.
        mutating func skipContent(of name: ArraySlice<UInt8>) {
            let pattern = Array("</".utf8) + name
            var j = i
            while let lt = find("<", from: j) {
                let after = lt + pattern.count
                if after <= s.count,
                    zip(s[lt..<after], pattern).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }),
                    after == s.count || isSpace(s[after]) || s[after] == UInt8(ascii: ">")
                        || s[after] == UInt8(ascii: "/")
                {
                    i = find(">", from: after).map { $0 + 1 } ?? s.count
                    return
                }
                j = lt + 1
            }
            i = s.count
        }

        func starts(with literal: String, at index: Int) -> Bool {
            var k = index
            for byte in literal.utf8 {
                guard k < s.count, s[k] == byte else { return false }
                k += 1
            }
            return true
        }

        func find(_ literal: String, from index: Int) -> Int? {
            guard let first = literal.utf8.first else { return nil }
            var k = index
            while k < s.count {
                if s[k] == first, starts(with: literal, at: k) { return k }
                k += 1
            }
            return nil
        }

    }

    /// Spaces and tabs (and no-break spaces, which `&nbsp;` yields) collapse to
    /// one space; line breaks with only whitespace between collapse to one
    /// newline; lines and the whole text are trimmed.
    private static func collapse(_ raw: [UInt8]) -> [UInt8] {
        // The result is never longer than the input: write it in place of a buffer that size.
        [UInt8](unsafeUninitializedCapacity: raw.count) { out, written in
            raw.withUnsafeBufferPointer { input in
                var n = 0
                var pendingSpace = false
                var pendingNewline = false
                var k = 0
                let count = input.count
                while k < count {
                    let c = input[k]
                    if c == 0x20 || c == 0x09 || c == 0x0B || c == 0x0C {
                        pendingSpace = true
                    } else if c == 0x0A || c == 0x0D {
                        pendingNewline = true
                    } else if c == 0xC2, k + 1 < count, input[k + 1] == 0xA0 {
                        pendingSpace = true
                        k += 1
                    } else {
                        if n > 0, pendingNewline || pendingSpace {
                            out[n] = pendingNewline ? 0x0A : 0x20
                            n += 1
                        }
                        pendingSpace = false
                        pendingNewline = false
                        out[n] = c
                        n += 1
                        // Eight bytes at a time while they need no change: no control, line break,
                        // tab or no-break space, and every space followed by a visible byte.
                        while k + 10 <= count {
                            let word = ByteWord.load(input, k + 1)
                            let next = ByteWord.load(input, k + 2)
                            let changed =
                                ByteWord.bytes(below: 0x20, in: word) | ByteWord.bytes(equalTo: 0xC2, in: word)
                                | (ByteWord.bytes(equalTo: 0x20, in: word)
                                    & (ByteWord.bytes(below: 0x21, in: next) | ByteWord.bytes(equalTo: 0xC2, in: next)))
                            if changed != 0 { break }
                            UnsafeMutableRawPointer(out.baseAddress! + n).storeBytes(of: word, as: UInt64.self)
                            n += 8
                            k += 8
                        }
                        // The rest of the word in a tight loop: no separator is pending inside it.
                        while k + 1 < count, input[k + 1] > 0x20, input[k + 1] != 0xC2 {
                            k += 1
                            out[n] = input[k]
                            n += 1
                        }
                    }
                    k += 1
                }
                written = n
            }
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }
}
