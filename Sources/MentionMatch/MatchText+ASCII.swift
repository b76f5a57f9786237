/// `MatchText.keyed` for text that is all ASCII (most posts), read in its UTF-8 in place: no scalar
/// array, and each key folded straight into the key buffer. Offsets are bytes, which for ASCII are
/// scalars. It must give what `keyedScalars` gives (see MatchTextKeyedTests).
extension MatchText {
    /// nil when the text is not all ASCII or not contiguous.
    static func keyedASCII(_ text: String, readingLAsI: Bool) -> KeyedText? {
        let keyed = text.utf8.withContiguousStorageIfAvailable { bytes -> KeyedText? in
            guard isASCII(bytes) else { return nil }
            return joinSpelledOut(
                keyedASCII(bytes, readingLAsI: readingLAsI), ASCIIScalars(bytes: bytes), readingLAsI: readingLAsI)
        }
        return keyed ?? nil
    }

    /// Eight bytes at a time: no byte has its high bit set.
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var index = 0
        var high: UInt64 = 0
        while index + 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < bytes.count {
            high |= UInt64(bytes[index])
            index += 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    private static func keyedASCII(_ bytes: UnsafeBufferPointer<UInt8>, readingLAsI: Bool) -> KeyedText {
        var out = KeyedText()
        guard !bytes.isEmpty else { return out }
        var words: [KeyedText.Word] = []
        // A folded ASCII word is one byte a letter and its key no longer, so the keys fit in `count`.
        out.keys = [UInt8](unsafeUninitializedCapacity: bytes.count) { keys, written in
            var reader = ASCIIWordReader(keys: keys.baseAddress!, readingLAsI: readingLAsI)
            reader.words.reserveCapacity(bytes.count / 4 + 4)
            reader.read(bytes)
            written = reader.written
            words = reader.words
        }
        out.words = words
        return out
    }

    /// `looksLikeMailDomain` for ASCII bytes.
    fileprivate static func looksLikeMailDomain(_ bytes: UnsafeBufferPointer<UInt8>, after at: Int) -> Bool {
        var index = at + 1
        while index < bytes.count, index - at < 64,
            isAlphanumeric(bytes[index]) || bytes[index] == UInt8(ascii: "-")
        {
            index += 1
        }
        return index + 1 < bytes.count && bytes[index] == UInt8(ascii: ".") && isAlphanumeric(bytes[index + 1])
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

/// The loop of `keyedASCII`, its state in a struct rather than captured by a closure (which would
/// check exclusive access at run time on every word).
private struct ASCIIWordReader {
    /// Room for every letter of the text; the word being read runs from `wordStart` to `written`.
    let keys: UnsafeMutablePointer<UInt8>
    let readingLAsI: Bool
    var words: [KeyedText.Word] = []
    var written = 0
    var wordStart = 0
    var start = 0
    var lastLetterEnd = 0
    var previousWasLower = false
    var wordHasLetter = false  // every folded byte but a digit is a letter
    var inHandle = false  // from an "@" that starts a word up to the next white space

    init(keys: UnsafeMutablePointer<UInt8>, readingLAsI: Bool) {
        self.keys = keys
        self.readingLAsI = readingLAsI
    }

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        for offset in 0..<count {
            let byte = bytes[offset]
            // Most bytes: a lowercase letter.
            if byte &- 0x61 < 26 {
                if written == wordStart { start = offset }
                keys[written] = byte
                written += 1
                lastLetterEnd = offset + 1
                previousWasLower = true
                wordHasLetter = true
                continue
            }
            var letter = MatchText.isAlphanumeric(byte)
            // "m@rieke" and "$anne", as in `keyedScalars`.
            if !letter, byte == UInt8(ascii: "@") || byte == UInt8(ascii: "$"), offset + 1 < count,
                MatchText.isLetter(bytes[offset + 1])
            {
                if byte == UInt8(ascii: "$")
                    || ((1...3).contains(written - wordStart)
                        && !MatchText.looksLikeMailDomain(bytes, after: offset))
                {
                    letter = true
                }
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
            keys[written] =
                isUpper
                ? byte + 32
                : byte == UInt8(ascii: "@")
                    ? UInt8(ascii: "a") : byte == UInt8(ascii: "$") ? UInt8(ascii: "s") : byte
            written += 1
            lastLetterEnd = offset + 1
            previousWasLower = false
            wordHasLetter = wordHasLetter || byte &- 0x30 >= 10
        }
        finish()
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
