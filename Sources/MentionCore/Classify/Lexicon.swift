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
        func matches(_ word: String) -> Bool {
            switch self {
            case .exact(let value): return word == value
            case .prefix(let value): return word.count > value.count && word.hasPrefix(value)
            case .suffix(let value): return word.count > value.count && word.hasSuffix(value)
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
    /// Entries by their first word when it is exact, so a text word only meets the entries it can start;
    /// the rest (prefix, suffix, alternatives, any) are tried everywhere.
    let entriesByFirstWord: [String: [Entry]]
    let entriesStartingAnywhere: [Entry]

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
        var anywhere: [Entry] = []
        for entry in entries {
            if case .exact(let word) = entry.words[0] { byFirstWord[word, default: []].append(entry) } else { anywhere.append(entry) }
        }
        entriesByFirstWord = byFirstWord
        entriesStartingAnywhere = anywhere
    }

    /// The lexicon shipped with mentionwatch, embedded at build time (no file to lose at run time).
    public static let builtIn: Lexicon = {
        do { return try Lexicon(parsing: String(decoding: PackageResources.lexicon_txt, as: UTF8.self)) }
        catch { fatalError("the built-in lexicon is invalid: \(error)") }  // caught by LexiconTests
    }()
}
