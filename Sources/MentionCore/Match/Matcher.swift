import Foundation

/// Finds mentions of the school and its staff in a post. Built once per configuration.
public struct Matcher: Sendable {
    private let patternsByFirstWord: [String: [NamePattern]]
    private let contextPhrases: [[String]]
    private let excludePhrases: [[String]]
    /// Handles ("name", or "name@server" when configured with a server) to the entity they belong to:
    /// a post *by* one of them mentions that entity.
    private let handles: [String: String]
    /// The same, by name only: for authors whose server a feed does not give.
    private let serverlessOwners: [String: String]

    public init(school: School, staff: [StaffMember]) {
        patternsByFirstWord = Dictionary(grouping: NameForms.patterns(school: school, staff: staff)) { $0.words[0] }
        contextPhrases = school.context.map(TextTokens.words).filter { !$0.isEmpty }
        excludePhrases = school.exclude.map(TextTokens.words).filter { !$0.isEmpty }
        var handles: [String: String] = [:]
        for handle in school.handles { handles[Self.handleKey(handle)] = "school" }
        for member in staff { for handle in member.handles { handles[Self.handleKey(handle)] = member.id } }
        // Sorted so that an ambiguous author without a server resolves the same way every time.
        self.handles = handles
        serverlessOwners = Dictionary(handles.sorted { $0.key < $1.key }.map { (String($0.key.prefix { $0 != "@" }), $0.value) },
                                      uniquingKeysWith: { first, _ in first })
    }

    public func mentions(in post: Post) -> [Mention] {
        let text = post.matchText
        return mentions(in: post, text: text, tokens: TextTokens.tokens(text))
    }

    /// The same, on text the caller has tokenised already (the classifier shares one tokenisation).
    func mentions(in post: Post, text: String, tokens: [TextToken]) -> [Mention] {
        let words = tokens.map(\.folded)

        var candidates: [(pattern: NamePattern, from: Int, to: Int)] = []
        for index in words.indices {
            for pattern in patternsByFirstWord[words[index]] ?? [] where Self.matches(pattern.words, words, at: index) {
                candidates.append((pattern, index, index + pattern.words.count))
            }
        }
        let excluded = excludePhrases.contains { Self.contains($0, in: words) }
        candidates.removeAll { excluded && $0.pattern.vetoable && $0.pattern.entity == "school" }
        let schoolNamed = candidates.contains { $0.pattern.entity == "school" && !$0.pattern.needsContext }
        let hasContext = post.schoolSpecific || schoolNamed || (!excluded && contextPhrases.contains { Self.contains($0, in: words) })
        if !hasContext { candidates.removeAll { $0.pattern.needsContext } }

        // Longest first; a shorter match inside a longer one ("De Zeehoek" in "Praktijkschool De Zeehoek") is dropped.
        candidates.sort { ($0.to - $0.from, -$0.from) > ($1.to - $1.from, -$1.from) }
        var taken = [Bool](repeating: false, count: words.count)
        var mentions: [Mention] = []
        for candidate in candidates where !taken[candidate.from..<candidate.to].contains(true) {
            for index in candidate.from..<candidate.to { taken[index] = true }
            let start = tokens[candidate.from].start, end = tokens[candidate.to - 1].end
            mentions.append(Mention(entity: candidate.pattern.entity, surface: TextTokens.surface(text, start, end),
                                    start: start, end: end, rule: candidate.pattern.rule))
        }
        if let entity = owner(ofAuthor: post.author) {
            mentions.append(Mention(entity: entity, surface: post.author, start: 0, end: 0, rule: .author))
        }
        return mentions.sorted { ($0.start, $0.end, $0.entity) < ($1.start, $1.end, $1.entity) }
    }

    /// The school or staff member who owns the account that wrote a post, if any.
    /// A handle configured with its server ("@djmulder@social.example") matches only on that server,
    /// so the same name on another server (a likely impersonation) is not taken for the real account.
    public func owner(ofAuthor author: String) -> String? {
        let key = Self.handleKey(author)
        guard !key.isEmpty else { return nil }
        if let entity = handles[key] { return entity }
        let name = String(key.prefix { $0 != "@" })
        if key.contains("@") { return handles[name] }   // configured without a server: any server
        return serverlessOwners[name]                   // the feed gave no server
    }

    /// "@DJMulder@Social.Example" → "djmulder@social.example"; "@djmulder" and "djmulder" → "djmulder".
    static func handleKey(_ handle: String) -> String {
        var text = Substring(handle.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("@") { text = text.dropFirst() }
        let parts = text.split(separator: "@", maxSplits: 1)
        guard let name = parts.first else { return "" }
        let folded = TextTokens.words(String(name)).joined(separator: "_")
        return parts.count == 2 ? folded + "@" + parts[1].lowercased() : folded
    }

    private static func matches(_ pattern: [String], _ words: [String], at index: Int) -> Bool {
        guard index + pattern.count <= words.count else { return false }
        for offset in 1..<max(pattern.count, 1) where words[index + offset] != pattern[offset] { return false }
        return true
    }

    private static func contains(_ phrase: [String], in words: [String]) -> Bool {
        words.indices.contains { words[$0] == phrase[0] && matches(phrase, words, at: $0) }
    }
}
