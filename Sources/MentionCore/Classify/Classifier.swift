/// One protocol category found in a post, with the words that triggered it.
public struct CategoryFinding: Sendable, Equatable {
    public var category: ProtocolCategory
    public var severity: Severity
    public var evidence: [String]

    public init(category: ProtocolCategory, severity: Severity, evidence: [String]) {
        self.category = category
        self.severity = severity
        self.evidence = evidence
    }
}

/// Which protocol track a finding follows (design §1): A pupils among each other,
/// B aimed at a staff member, staff: written by a staff account.
public enum ProtocolTrack: String, Sendable, Equatable, Codable {
    case a = "A", b = "B", staff, none
}

/// The whole judgement of one post.
public struct Assessment: Sendable, Equatable {
    public var mentions: [Mention]
    public var categories: [CategoryFinding]
    public var track: ProtocolTrack
    public var alert: Bool

    public init(mentions: [Mention], categories: [CategoryFinding], track: ProtocolTrack, alert: Bool) {
        self.mentions = mentions
        self.categories = categories
        self.track = track
        self.alert = alert
    }

    public var severity: Severity? { categories.map(\.severity).max() }
}

/// Matches a post, finds categories from the lexicon and decides on an alert.
public struct Classifier: Sendable {
    public let matcher: Matcher
    public let lexicon: Lexicon
    public let minSeverity: Severity

    public init(config: Config, lexicon: Lexicon = .builtIn) {
        matcher = Matcher(school: config.school, staff: config.staff, matching: config.matching)
        self.lexicon = lexicon
        minSeverity = config.alerts.minSeverity
    }

    public func assess(_ post: Post) -> Assessment {
        let text = post.matchText
        let mentions = matcher.mentions(in: post, text: text, tokens: MatchText.tokens(text))
        let categories = findCategories(in: text, tokens: TextTokens.tokens(text))
        let byStaff = matcher.owner(ofAuthor: post.author).map { $0 != "school" } ?? false
        let track: ProtocolTrack
        if categories.isEmpty || mentions.isEmpty { track = .none }
        else if byStaff { track = .staff }
        else if mentions.contains(where: { $0.entity != "school" }) { track = .b }
        else { track = .a }
        // The skeleton's rule: a mention and a category at or above the threshold in one post.
        // Target, negation and quotation are judged by the classifier issue.
        let alert = !mentions.isEmpty && categories.contains { $0.severity >= minSeverity }
        return Assessment(mentions: mentions, categories: categories, track: track, alert: alert)
    }

    func findCategories(in text: String) -> [CategoryFinding] {
        findCategories(in: text, tokens: TextTokens.tokens(text))
    }

    func findCategories(in text: String, tokens: [TextToken]) -> [CategoryFinding] {
        let ignored = tokens.map { lexicon.isIgnored($0.folded) }
        var findings: [ProtocolCategory: CategoryFinding] = [:]
        func consider(_ entry: Lexicon.Entry, at start: Int) {
            let span = start..<(start + entry.words.count)
            guard span.upperBound <= tokens.count, !ignored[span].contains(true),
                  zip(entry.words, tokens[span]).allSatisfy({ $0.matches($1.folded) }) else { return }
            let evidence = TextTokens.surface(text, tokens[span.lowerBound].start, tokens[span.upperBound - 1].end)
            var finding = findings[entry.category] ?? CategoryFinding(category: entry.category, severity: entry.severity, evidence: [])
            finding.severity = max(finding.severity, entry.severity)
            if !finding.evidence.contains(evidence) { finding.evidence.append(evidence) }
            findings[entry.category] = finding
        }
        for start in tokens.indices {
            let word = tokens[start].folded
            for entry in lexicon.entriesByFirstWord[word] ?? [] { consider(entry, at: start) }
            if let first = word.utf8.first { for entry in lexicon.entriesByFirstByte[first] ?? [] { consider(entry, at: start) } }
            if let last = word.utf8.last { for entry in lexicon.entriesByLastByte[last] ?? [] { consider(entry, at: start) } }
            for entry in lexicon.entriesStartingAnywhere { consider(entry, at: start) }
        }
        return ProtocolCategory.allCases.compactMap { findings[$0] }
    }
}
