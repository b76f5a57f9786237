extension String {
    /// Without leading and trailing white space and line breaks. Foundation's `trimmingCharacters`
    /// goes through NSString and was a sixth of a poll's CPU time; this stays in Swift's own string.
    var trimmed: String {
        // Fast path: both ends are visible ASCII (most feed values).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 { return self }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
