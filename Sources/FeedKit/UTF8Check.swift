/// Validates UTF-8 without building a String (RFC 3629 §4: no overlong forms, no surrogates,
/// nothing above U+10FFFF), eight ASCII bytes at a time, and notes C1 controls on the way.
enum UTF8Check {
    struct Result {
        var valid: Bool
        /// U+0080–U+009F (C2 80–C2 9F) occur: Windows-1252 punctuation that went through Latin-1.
        var hasC1Controls: Bool
    }

    static func scan(_ bytes: ArraySlice<UInt8>) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return Result(valid: true, hasC1Controls: false) }
            let count = buffer.count
            var i = 0
            var c1 = false
            @inline(__always) func continuation(_ at: Int) -> Bool { at < count && base[at] & 0xC0 == 0x80 }
            while i < count {
                // Four words per step through long ASCII runs (most of a feed's markup and text).
                if i + 32 <= count {
                    let raw = UnsafeRawPointer(base + i)
                    let any =
                        raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self)
                        | raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
                    if any & 0x8080_8080_8080_8080 == 0 {
                        i += 32
                        continue
                    }
                }
                if i + 8 <= count,
                    UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0
                {
                    i += 8
                    continue
                }
                let lead = base[i]
                switch lead {
                case 0x00...0x7F:
                    i += 1
                case 0xC2...0xDF:
                    guard continuation(i + 1) else { return Result(valid: false, hasC1Controls: c1) }
                    if lead == 0xC2, base[i + 1] <= 0x9F { c1 = true }
                    i += 2
                case 0xE0...0xEF:
                    guard continuation(i + 1), continuation(i + 2) else {
                        return Result(valid: false, hasC1Controls: c1)
                    }
                    let second = base[i + 1]
                    if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) {
                        return Result(valid: false, hasC1Controls: c1)
                    }
                    i += 3
                case 0xF0...0xF4:
                    guard continuation(i + 1), continuation(i + 2), continuation(i + 3) else {
                        return Result(valid: false, hasC1Controls: c1)
                    }
                    let second = base[i + 1]
                    if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) {
                        return Result(valid: false, hasC1Controls: c1)
                    }
                    i += 4
                default:
                    return Result(valid: false, hasC1Controls: c1)
                }
            }
            return Result(valid: true, hasC1Controls: c1)
        }
    }
}
