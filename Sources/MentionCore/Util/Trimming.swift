extension String {
    /// Without leading and trailing white space and line breaks. Foundation's `trimmingCharacters`
    /// goes through NSString and was a sixth of a poll's CPU time; this stays in Swift's own string.
    var trimmed: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex, last == scalars.index(before: scalars.endIndex) { return self }
        return String(scalars[first...last])
    }
}
