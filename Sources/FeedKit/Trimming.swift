extension String {
    /// Without leading and trailing white space and line breaks. Foundation's `trimmingCharacters`
    /// goes through NSString and was a sixth of a poll's CPU time; this stays in Swift's own string.
    var trimmed: String {
        // Fast path: both ends are visible ASCII (most feed values).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        // ASCII white space at the ends, trimmed on bytes; the Unicode path only for other ends.
        let bytes = utf8
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        while lower < upper, bytes[lower] == 0x20 || (0x09...0x0D).contains(bytes[lower]) {
            lower = bytes.index(after: lower)
        }
        while upper > lower,
            bytes[bytes.index(before: upper)] == 0x20 || (0x09...0x0D).contains(bytes[bytes.index(before: upper)])
        { upper = bytes.index(before: upper) }
        if lower < upper, bytes[lower] < 0x80, bytes[bytes.index(before: upper)] < 0x80 {
            return lower == bytes.startIndex && upper == bytes.endIndex ? self : String(self[lower..<upper])
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
