#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's iconv(3), for the legacy encodings we do not decode ourselves
/// (ISO-8859-2…16, KOI8, Big5, GB18030, EUC, Shift_JIS, ...). Pure computation: no I/O
/// beyond the C library loading its conversion tables.
enum Iconv {
    /// The bytes in UTF-8, with every undecodable byte replaced by U+FFFD (then `damaged`);
    /// nil when iconv does not know `label`.
    static func toUTF8(_ bytes: ArraySlice<UInt8>, from label: String) -> (utf8: [UInt8], damaged: Bool)? {
        let descriptor = iconv_open("UTF-8", label)
        guard let descriptor, Int(bitPattern: descriptor) != -1 else { return nil }
        defer { iconv_close(descriptor) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        var damaged = false
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        bytes.withUnsafeBufferPointer { input in
            guard
                var inPointer = UnsafeMutablePointer(mutating: input.baseAddress).map({
                    UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self)
                })
            else { return }
            var inLeft = input.count
            while true {
                let (status, produced, error) = chunk.withUnsafeMutableBufferPointer { buffer -> (Int, Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!)
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = buffer.count
                    var inOptional: UnsafeMutablePointer<CChar>? = inPointer
                    let status = iconv(descriptor, &inOptional, &inLeft, &outPointer, &outLeft)
                    let error = errno
                    inPointer = inOptional!
                    return (status, buffer.count - outLeft, error)
                }
                out.append(contentsOf: chunk[0..<produced])
                if status != -1 { break }
                if error == E2BIG { continue }
                // EILSEQ (invalid) or EINVAL (cut off at the end): replace one byte and go on.
                damaged = true
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                guard inLeft > 0 else { break }
                inPointer += 1
                inLeft -= 1
                if inLeft == 0 { break }
            }
        }
        // Stateful encodings (ISO-2022-JP, some Big5-HKSCS pairs) may still hold a character: flush.
        let flushed = chunk.withUnsafeMutableBufferPointer { buffer -> Int in
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(buffer.baseAddress!)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = buffer.count
            _ = iconv(descriptor, nil, nil, &outPointer, &outLeft)
            return buffer.count - outLeft
        }
        out.append(contentsOf: chunk[0..<flushed])
        return (out, damaged)
    }
}
