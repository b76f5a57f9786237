/// The protocol's categories of improper use (design §7).
public enum ProtocolCategory: String, Sendable, Equatable, CaseIterable, Codable {
    case insult
    case gossipAccusation = "gossip_accusation"
    case threat
    case stalking
    case unconsentedMedia = "unconsented_media"
    case impersonation
    case discrimination
    case confidentialInfo = "confidential_info"
    case unauthorisedStatement = "unauthorised_statement"
    case forwarding
}

/// Word patterns per category, read from the lexicon's data format (see `lexicon.txt`).
public struct Lexicon: Sendable {
    enum WordPattern: Sendable, Equatable {
        case exact(String), prefix(String), suffix(String), oneOf([String]), any

        init(_ word: String) {
            let folded = { (text: Substring) in TextTokens.words(String(text)).joined() }
            if word == "?" { self = .any }
            else if word.contains("|") { self = .oneOf(word.split(separator: "|").map(folded)) }
            else if word.count > 1, word.hasSuffix("*") { self = .prefix(folded(word.dropLast())) }
            else if word.count > 1, word.hasPrefix("*") { self = .suffix(folded(word.dropFirst())) }
            else { self = .exact(folded(word[...])) }
        }

        /// `prefix` and `suffix` need at least one more letter: "kanker*" matches "kankerwijf", not "kanker".
        /// Compared as UTF-8 bytes: both sides are folded already, and this runs for every word of every post.
        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let value): return word == value
            case .prefix(let value): return word.utf8.count > value.utf8.count && word.utf8.starts(with: value.utf8)
            case .suffix(let value): return word.utf8.count > value.utf8.count && word.utf8.suffix(value.utf8.count).elementsEqual(value.utf8)
            case .oneOf(let values): return values.contains(word)
            case .any: return true
            }
        }
    }

    struct Entry: Sendable {
        var category: ProtocolCategory
        var severity: Severity
        var words: [WordPattern]
    }

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    let entries: [Entry]
    /// Words that never count, whatever entry they would match ("kankerbestrijding" is not an insult).
    let ignored: [WordPattern]
    /// Entries indexed by what their first word needs, so a text word meets only the entries it could
    /// start: by the whole word (exact words and each alternative), by its first byte (prefixes), by
    /// its last byte (suffixes); `?` first is tried everywhere.
    let entriesByFirstWord: [String: [Entry]]
    let entriesByFirstByte: [UInt8: [Entry]]
    let entriesByLastByte: [UInt8: [Entry]]
    let entriesStartingAnywhere: [Entry]
    /// First bytes an ignored word can start with (nil: any), to skip the check for most words.
    let ignoredFirstBytes: Set<UInt8>?

    /// Parses the lexicon format: `CATEGORY SEVERITY PHRASE`, `ignore WORD`, `#` comments, blank lines.
    public init(parsing text: String) throws(SyntaxError) {
        var entries: [Entry] = []
        var ignored: [WordPattern] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(whereSeparator: \.isWhitespace)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            if first == "ignore" {
                guard fields.count == 2 else { throw SyntaxError(line: number + 1, message: "expected ignore WORD") }
                ignored.append(WordPattern(String(fields[1])))
                continue
            }
            guard fields.count >= 3 else { throw SyntaxError(line: number + 1, message: "expected CATEGORY SEVERITY PHRASE") }
            guard let category = ProtocolCategory(rawValue: String(fields[0])) else {
                throw SyntaxError(line: number + 1, message: "unknown category '\(fields[0])'")
            }
            guard let severity = Severity(rawValue: String(fields[1])) else {
                throw SyntaxError(line: number + 1, message: "unknown severity '\(fields[1])'")
            }
            entries.append(Entry(category: category, severity: severity, words: fields.dropFirst(2).map { WordPattern(String($0)) }))
        }
        self.entries = entries
        self.ignored = ignored
        var byFirstWord: [String: [Entry]] = [:]
        var byFirstByte: [UInt8: [Entry]] = [:]
        var byLastByte: [UInt8: [Entry]] = [:]
        var anywhere: [Entry] = []
        for entry in entries {
            switch entry.words[0] {
            case .exact(let word): byFirstWord[word, default: []].append(entry)
            case .oneOf(let words): for word in Set(words) { byFirstWord[word, default: []].append(entry) }
            case .prefix(let value) where !value.isEmpty: byFirstByte[value.utf8.first!, default: []].append(entry)
            case .suffix(let value) where !value.isEmpty: byLastByte[value.utf8.last!, default: []].append(entry)
            default: anywhere.append(entry)
            }
        }
        entriesByFirstWord = byFirstWord
        entriesByFirstByte = byFirstByte
        entriesByLastByte = byLastByte
        entriesStartingAnywhere = anywhere
        var firstBytes: Set<UInt8>? = []
        for pattern in ignored {
            switch pattern {
            case .exact(let value), .prefix(let value): if let byte = value.utf8.first { firstBytes?.insert(byte) }
            case .oneOf(let values): for value in values { if let byte = value.utf8.first { firstBytes?.insert(byte) } }
            case .suffix, .any: firstBytes = nil
            }
        }
        ignoredFirstBytes = firstBytes
    }

    func isIgnored(_ word: String) -> Bool {
        if let bytes = ignoredFirstBytes, !(word.utf8.first.map(bytes.contains) ?? false) { return false }
        return ignored.contains { $0.matches(word) }
    }

    /// The lexicon shipped with mentionwatch, embedded at build time (no file to lose at run time).
    public static let builtIn: Lexicon = {
        do { return try Lexicon(parsing: String(decoding: PackageResources.lexicon_txt, as: UTF8.self)) }
        catch { fatalError("the built-in lexicon is invalid: \(error)") }  // caught by LexiconTests
    }()
}
