/// General entities declared in a DOCTYPE's internal subset (`<!ENTITY id "tag:example.com,">`),
/// expanded in text under a budget.
///
/// Why expand at all: a well-formed feed may use them (XML 1.0 §4.1). Why a budget: nested
/// declarations grow exponentially ("billion laughs"), so the total expanded size and the
/// nesting of references are capped and a document beyond them is refused. External entities
/// (`SYSTEM`/`PUBLIC`) and parameter entities (`%name;`) are never loaded or expanded.
struct DeclaredEntities {
    static let maxExpandedBytes = 1 << 20
    static let maxNesting = 8

    struct BudgetExceeded: Error {}

    private var values: [String: String] = [:]
    private var expandedBytes = 0

    var isEmpty: Bool { values.isEmpty }

    func declares(_ name: String) -> Bool { values[name] != nil }

    /// Reads the `<!ENTITY name "value">` declarations of a DOCTYPE (its bytes, brackets included).
    init(doctype: ArraySlice<UInt8>) {
        let text = String(decoding: doctype, as: UTF8.self)
        var rest = text[...]
        while let start = rest.range(of: "<!ENTITY") {
            rest = rest[start.upperBound...]
            let words = rest.drop { $0.isWhitespace }
            guard let first = words.first, first != "%" else { continue }  // parameter entity: never used
            let name = words.prefix { !$0.isWhitespace && $0 != "\"" && $0 != "'" }
            let afterName = words.dropFirst(name.count).drop { $0.isWhitespace }
            // SYSTEM/PUBLIC: external
            guard let quote = afterName.first, quote == "\"" || quote == "'" else { continue }
            let value = afterName.dropFirst().prefix { $0 != quote }
            // XML 1.0 §4.2: the first declaration binds
            if values[String(name)] == nil { values[String(name)] = String(value) }
        }
    }

    /// `text` with every reference to a declared entity replaced; other references are left
    /// for the HTML entity decoder.
    mutating func expand(_ text: String) throws(BudgetExceeded) -> String {
        try expand(text, nesting: 0)
    }

    private mutating func expand(_ text: String, nesting: Int) throws(BudgetExceeded) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let afterAmp = rest[rest.index(after: amp)...]
            let name = afterAmp.prefix { $0 != ";" && $0 != "&" && !$0.isWhitespace }
            guard name.count < 64, afterAmp.dropFirst(name.count).first == ";", let value = values[String(name)] else {
                out.append("&")
                rest = afterAmp
                continue
            }
            guard nesting < Self.maxNesting else { throw BudgetExceeded() }
            let expanded = try expand(value, nesting: nesting + 1)
            expandedBytes += expanded.utf8.count
            guard expandedBytes <= Self.maxExpandedBytes else { throw BudgetExceeded() }
            out += expanded
            rest = afterAmp.dropFirst(name.count + 1)
        }
        return out + rest
    }
}
