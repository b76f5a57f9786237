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
