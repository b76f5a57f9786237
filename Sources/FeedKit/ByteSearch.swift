#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The next occurrence of a byte, found by memchr (many bytes per step): the parsers' inner loops
/// are mostly "skip to the next `<` or `&`".
enum ByteSearch {
    static func next(_ byte: UInt8, in bytes: [UInt8], from start: Int, to end: Int? = nil) -> Int? {
        let end = min(end ?? bytes.count, bytes.count)
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let found = memchr(buffer.baseAddress! + start, Int32(byte), end - start) else { return nil }
            return buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    static func next(_ byte: UInt8, in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard start < bytes.endIndex else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let offset = start - bytes.startIndex
            guard let found = memchr(buffer.baseAddress! + offset, Int32(byte), buffer.count - offset) else {
                return nil
            }
            return bytes.startIndex + buffer.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }
}

/// Eight bytes tested at once (SWAR): the text loops skip whole words that hold nothing to act on.
enum ByteWord {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Some byte of `word` is below `limit` (at most 128). Exact: a borrow starts only at such a byte.
    @inline(__always)
    static func hasByte(below limit: UInt8, in word: UInt64) -> Bool {
        (word &- ones &* UInt64(limit)) & ~word & highs != 0
    }

    /// Some byte of `word` equals `byte`.
    @inline(__always)
    static func hasByte(_ byte: UInt8, in word: UInt64) -> Bool {
        hasByte(below: 1, in: word ^ (ones &* UInt64(byte)))
    }

    /// The high bit of each byte that is below `limit` (at most 128), and only of those.
    @inline(__always)
    static func bytes(below limit: UInt8, in word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~((word & low7) &+ ones &* UInt64(0x80 - limit)) & ~word & highs
    }

    /// The high bit of each byte that equals `byte`, and only of those.
    @inline(__always)
    static func bytes(equalTo byte: UInt8, in word: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let y = word ^ (ones &* UInt64(byte))
        return ~(((y & low7) &+ low7) | y | low7)
    }

    /// The eight bytes at `offset` (any alignment).
    @inline(__always)
    static func load(_ buffer: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        UnsafeRawPointer(buffer.baseAddress! + offset).loadUnaligned(as: UInt64.self)
    }
}
