/// `MatchText.keyed` read from the text's UTF-8 in place: no scalar array, and each key folded
/// straight into the key buffer. ASCII (most of any text) takes a short path; other scalars are
/// decoded where they are and judged as `keyedScalars` judges them, and offsets count scalars.
/// It must give what `keyedScalars` gives (see MatchTextKeyedTests).
extension MatchText {
    /// nil when the text is not contiguous, or when a scalar folds to more bytes than its UTF-8 has
    /// ("½" is "1⁄2", "ﬃ" has three as "ffi" has, a ligature of many letters has more), or holds a
    /// "€" (an "e" or not by the scalar after it): then the caller reads it scalar by scalar.
    static func keyedUTF8(_ text: String, readingLAsI: Bool) -> KeyedText? {
        let keyed = text.utf8.withContiguousStorageIfAvailable { bytes -> KeyedText? in
            guard let (out, ascii) = keyedUTF8(bytes, readingLAsI: readingLAsI) else { return nil }
            if ascii { return joinSpelledOut(out, ASCIIScalars(bytes: bytes), readingLAsI: readingLAsI) }
            // The scalars are needed only to look between one-letter words.
            guard mayBeSpelledOut(out.words) else { return out }
            return joinSpelledOut(out, Array(text.unicodeScalars), readingLAsI: readingLAsI)
        }
        return keyed ?? nil
    }

    /// The keyed words, and whether the text was all ASCII; nil when the keys outgrew the text.
    private static func keyedUTF8(_ bytes: UnsafeBufferPointer<UInt8>, readingLAsI: Bool) -> (KeyedText, Bool)? {
        var out = KeyedText()
        guard !bytes.isEmpty else { return (out, true) }
        var words: [KeyedText.Word] = []
        var (fits, ascii) = (true, true)
        // Every byte read gives at most one byte of keys (the reader stops at a scalar that would give
        // more), so the keys fit in `count`.
        out.keys = [UInt8](unsafeUninitializedCapacity: bytes.count) { keys, written in
            var reader = UTF8WordReader(keys: keys.baseAddress!, readingLAsI: readingLAsI)
            reader.words.reserveCapacity(bytes.count / 4 + 4)
            reader.read(bytes)
            (written, words, fits, ascii) = (reader.written, reader.words, !reader.overflowed, reader.ascii)
        }
        guard fits else { return nil }
        out.words = words
        return (out, ascii)
    }

    /// The scalar at byte `index` (a lead byte) of valid UTF-8, and its length in bytes.
    @inline(__always)
    fileprivate static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int) {
        let lead = UInt32(bytes[index])
        guard lead >= 0x80 else { return (Unicode.Scalar(UInt8(lead)), 1) }
        func next(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let (value, length): (UInt32, Int) =
            lead < 0xE0
            ? ((lead & 0x1F) << 6 | next(1), 2)
            : lead < 0xF0
                ? ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
                : ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        // A String's UTF-8 is valid, so the value is a scalar.
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }

    /// Whether the scalar at byte `index` is a letter (`@` and `$` are read as letters before one).
    fileprivate static func isLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        if bytes[index] < 0x80 { return isLetter(bytes[index]) }
        return decode(bytes, at: index).0.properties.isAlphabetic
    }

    /// A letter at byte `index`, or digits and then a letter ("m@r!3k3" after its "!", not "!1!!").
    fileprivate static func letterFollows(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var at = index
        while at < bytes.count, bytes[at] &- 0x30 < 10 { at += 1 }
        return at < bytes.count && isLetter(bytes, at: at)
    }

    /// `wordEnds` on UTF-8: the word that goes on at byte `start` ends within `count` letters.
    fileprivate static func wordEnds(_ bytes: UnsafeBufferPointer<UInt8>, within count: Int, from start: Int) -> Bool {
        var index = start
        var read = 0
        while index < bytes.count {
            let (scalar, length) = decode(bytes, at: index)
            guard TextTokens.isWordScalar(scalar) else { break }
            index += length
            read += 1
            if read > count { return false }
        }
        return true
    }

    /// `looksLikeMailDomain` on UTF-8: after the "@" at byte `at` come up to 63 letters, digits
    /// or dashes, then a dot and a letter or digit.
    fileprivate static func looksLikeMailDomain(_ bytes: UnsafeBufferPointer<UInt8>, after at: Int) -> Bool {
        var index = at + 1
        var read = 1
        while index < bytes.count, read < 64 {
            let (scalar, length) = decode(bytes, at: index)
            guard TextTokens.isWordScalar(scalar) || scalar == "-" else { break }
            index += length
            read += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return false }
        return TextTokens.isWordScalar(decode(bytes, at: index + 1).0)
    }

    @inline(__always)
    fileprivate static func isAlphanumeric(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    fileprivate static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }
}

/// The loop of `keyedUTF8`, its state in a struct rather than captured by a closure (which would
/// check exclusive access at run time on every word).
private struct UTF8WordReader {
    /// Room for a byte of keys for each byte of the text; the word being read runs from `wordStart`
    /// to `written`.
    let keys: UnsafeMutablePointer<UInt8>
    let readingLAsI: Bool
    var words: [KeyedText.Word] = []
    var written = 0
    var wordStart = 0
    /// Where the word began and its last letter ended, in scalars.
    var start = 0
    var lastLetterEnd = 0
    var previousWasLower = false
    var wordHasLetter = false  // every folded byte but a digit is a letter
    var inHandle = false  // from an "@" that starts a word up to the next white space
    var atRunLeft = 0  // "@"s still to come that the first of their run made letters
    var ascii = true
    var overflowed = false
    /// One scalar's folded bytes (reused).
    var folded: [UInt8] = []

    init(keys: UnsafeMutablePointer<UInt8>, readingLAsI: Bool) {
        self.keys = keys
        self.readingLAsI = readingLAsI
    }

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var index = 0  // in bytes
        var offset = 0  // in scalars
        while index < count {
            let byte = bytes[index]
            defer { offset += 1 }
            // Most bytes: a lowercase letter.
            if byte &- 0x61 < 26 {
                if written == wordStart { start = offset }
                keys[written] = byte
                written += 1
                lastLetterEnd = offset + 1
                previousWasLower = true
                wordHasLetter = true
                index += 1
                continue
            }
            guard byte < 0x80 else {
                let (scalar, length) = MatchText.decode(bytes, at: index)
                ascii = false
                read(scalar, length: length, at: offset)
                if overflowed { return }
                index += length
                continue
            }
            index += 1
            var letter = MatchText.isAlphanumeric(byte)
            // "m@rieke", "h@@t", "str@@t" and "$anne", as in `keyedScalars`.
            if !letter, byte == UInt8(ascii: "@") {
                if atRunLeft > 0 {
                    letter = true
                    atRunLeft -= 1
                } else {
                    let next = index < count && bytes[index] == UInt8(ascii: "@") ? index + 1 : index
                    letter =
                        next < count && MatchText.isLetter(bytes, at: next)
                        && ((1...3).contains(written - wordStart)
                            || (4...7).contains(written - wordStart)
                                && MatchText.wordEnds(bytes, within: 2, from: next))
                        && !MatchText.looksLikeMailDomain(bytes, after: next - 1)
                    if letter { atRunLeft = next - index }
                }
            }
            if !letter, byte == UInt8(ascii: "|"), wordHasLetter, index < count, MatchText.isLetter(bytes, at: index) {
                letter = true
            }
            // "m*lder", "m*r**ke", as in `keyedScalars`.
            if !letter, byte == UInt8(ascii: "*"), wordHasLetter {
                let next = index < count && bytes[index] == UInt8(ascii: "*") ? index + 1 : index
                letter = next < count && MatchText.isLetter(bytes, at: next)
            }
            if !letter, byte == UInt8(ascii: "$"), index < count, MatchText.isLetter(bytes, at: index) {
                letter = true
            }
            // "h!er", as in `keyedScalars`.
            if !letter, byte == UInt8(ascii: "!"), wordHasLetter, index < count,
                MatchText.letterFollows(bytes, at: index)
            {
                letter = true
            }
            guard letter else {
                finish()
                if byte == UInt8(ascii: "@") {
                    // The name before "@" in an address is as chosen as a handle.
                    if let last = words.indices.last, words[last].end == offset { words[last].inHandle = true }
                    inHandle = true
                } else if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\t") {
                    inHandle = false
                }
                continue
            }
            let isUpper = byte &- 0x41 < 26
            if isUpper, previousWasLower { finish() }
            if written == wordStart { start = offset }
            keys[written] = MatchText.asciiKey(byte)
            written += 1
            lastLetterEnd = offset + 1
            previousWasLower = false
            wordHasLetter = wordHasLetter || byte &- 0x30 >= 10
        }
        finish()
    }

    /// A scalar outside ASCII of `length` bytes, as `keyedScalars` reads it.
    private mutating func read(_ scalar: Unicode.Scalar, length: Int, at offset: Int) {
        // Invisible: neither a letter nor a break.
        if MatchText.isIgnorable(scalar) { return }
        // "€" for "e" depends on the scalar after it: `keyedScalars` reads such a text.
        if scalar == "€" {
            overflowed = true
            return
        }
        guard TextTokens.isWordScalar(scalar) else {
            finish()
            if scalar.properties.isWhitespace { inHandle = false }
            return
        }
        let properties = scalar.properties
        if properties.isUppercase, previousWasLower { finish() }
        if written == wordStart { start = offset }
        folded.removeAll(keepingCapacity: true)
        MatchText.append(scalar, to: &folded)
        // Written no further than read: what keeps the ASCII bytes after it inside the buffer.
        guard folded.count <= length else {
            overflowed = true
            return
        }
        for byte in folded {
            keys[written] = byte
            written += 1
            // What `MatchText.keyInPlace` counts as a letter.
            wordHasLetter = wordHasLetter || byte &- 0x61 < 26 || byte >= 0x80
        }
        lastLetterEnd = offset + 1
        previousWasLower = properties.isLowercase
    }

    private mutating func finish() {
        if written > wordStart {
            if wordHasLetter {
                written =
                    wordStart
                    + MatchText.keyInPlace(
                        withLetters: UnsafeMutableBufferPointer(start: keys + wordStart, count: written - wordStart),
                        readingLAsI: readingLAsI)
            }
            let hash = WordHash.of(UnsafeBufferPointer(start: keys + wordStart, count: written - wordStart))
            words.append(
                KeyedText.Word(
                    keyStart: Int32(wordStart), keyEnd: Int32(written), hash: hash, start: start, end: lastLetterEnd,
                    inHandle: inHandle))
            wordStart = written
        }
        previousWasLower = false
        wordHasLetter = false
    }
}

/// ASCII bytes seen as the scalars they are.
struct ASCIIScalars: RandomAccessCollection {
    let bytes: UnsafeBufferPointer<UInt8>
    var startIndex: Int { 0 }
    var endIndex: Int { bytes.count }
    subscript(position: Int) -> Unicode.Scalar { Unicode.Scalar(bytes[position]) }
}
