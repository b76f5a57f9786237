import FeedKit
import MentionMatch

/// Where in the post a piece of evidence is: Unicode scalars of `title + "\n" + text`, end exclusive.
public struct EvidenceSpan: Sendable, Equatable, Codable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// One protocol category found in a post, with the words that triggered it and why it counts.
public struct CategoryFinding: Sendable, Equatable {
    public var category: ProtocolCategory
    public var severity: Severity
    public var evidence: [String]
    /// Where each piece of evidence is, in step with `evidence`; nil for evidence outside the text (an account name).
    public var spans: [EvidenceSpan?]
    /// A short Dutch sentence: what was found and at whom it is aimed.
    public var explanation: String

    public init(
        category: ProtocolCategory, severity: Severity, evidence: [String], spans: [EvidenceSpan?] = [],
        explanation: String = ""
    ) {
        self.category = category
        self.severity = severity
        self.evidence = evidence
        self.spans = spans
        self.explanation = explanation
    }
}

/// Which protocol track a finding follows (docs/classification.md): A pupils among each other,
/// B aimed at a staff member, staff: written by a staff account.
public enum ProtocolTrack: String, Sendable, Equatable, Codable {
    case a = "A"
    case b = "B"
    case staff, none
}

/// The whole judgement of one post.
public struct Assessment: Sendable, Equatable {
    public var mentions: [Mention]
    public var categories: [CategoryFinding]
    public var track: ProtocolTrack
    public var alert: Bool
    /// Alert, review ("te beoordelen", for the coordinator's digest) or none; `alert` is `tier == .alert`.
    public var tier: Tier
    /// What the learned model said, when the classifier has one.
    public var model: LinearModel.Scores?
    /// The model's belief in a breach this author can commit (`ModelDecision.strength`).
    public var modelStrength: Double?
    /// The post names a target (the school, its people) or is a staff account's own post.
    public var linked = false
    /// A staff account wrote the post (only it can leak or speak for the school).
    public var byStaff = false
    /// What the rules concluded, before the model was asked.
    public var rules = RulesVerdict()

    public init(
        mentions: [Mention], categories: [CategoryFinding], track: ProtocolTrack, alert: Bool, tier: Tier? = nil,
        model: LinearModel.Scores? = nil, modelStrength: Double? = nil, linked: Bool = false
    ) {
        self.mentions = mentions
        self.categories = categories
        self.track = track
        self.alert = alert
        self.tier = tier ?? (alert ? .alert : .none)
        self.model = model
        self.modelStrength = modelStrength
        self.linked = linked
    }

    public var severity: Severity? { categories.map(\.severity).max() }
}

/// Finds the names in a post, the protocol categories and whom they are aimed at, and decides on an alert.
public struct Classifier: Sendable {
    public let matcher: Matcher
    public let lexicon: Lexicon
    public let minSeverity: Severity
    /// The learned model (docs/model.md); nil judges by the rules alone (tests of the rules, `--rules-only`).
    public let model: LinearModel?
    public let thresholds: ModelThresholds
    public let mode: DecisionMode
    /// Reads obfuscated words back as lexicon words, where dictionaries were loaded (`SpellingRepair`).
    public let spelling: SpellingRepair?
    /// The lexicon compiled for `PhraseSearch`, once per classifier rather than once per post.
    let phraseTables: PhraseTables
    let protectedGround: ProtectedGround

    /// MentionConfig adds `init(config:model:)`, which takes these from feeds.yaml.
    public init(
        matcher: Matcher, lexicon: Lexicon, minSeverity: Severity, model: LinearModel? = nil,
        thresholds: ModelThresholds? = nil, mode: DecisionMode = .combined, spelling: SpellingRepair? = nil
    ) {
        self.spelling = spelling
        self.matcher = matcher
        self.lexicon = lexicon
        phraseTables = PhraseTables(lexicon)
        protectedGround = ProtectedGround(lexicon)
        self.minSeverity = minSeverity
        self.model = model
        self.thresholds =
            thresholds
            ?? model.map { ModelThresholds($0.header) } ?? ModelThresholds(alert: 1, review: 1)
        self.mode = model == nil ? .rules : mode
    }

    /// Judges a post; `forwarding` holds earlier flagged posts, to recognise their content again.
    public func assess(_ post: Post, forwarding: ForwardingMemory? = nil) -> Assessment {
        assess(post, forwarding: forwarding, possible: nil)
    }

    /// `possible`: the post's `Matcher.possibleMentions` when the caller has them already (`screen`).
    func assess(_ post: Post, forwarding: ForwardingMemory?, possible: [Mention]?) -> Assessment {
        let found = self.hits(in: post, forwarding: forwarding)
        let (hits, words, byStaff) = (found.hits, found.words, found.namable.byStaff)
        var mentions = found.mentions
        // The thread's names stay only where the reply refers to someone (and then only if it is judged).
        let threadAimed = hits.contains { $0.aimedAt.contains { mentions[$0].rule == .thread } }
        if !threadAimed, !found.refersToSomeone { mentions.removeAll { $0.rule == .thread } }
        var findings = summarise(hits, words: words, mentions: mentions, author: post.author)
        var counted = hits.filter { $0.effectiveSeverity >= minSeverity && (!$0.aimedAt.isEmpty || $0.aimedAtAuthor) }
        let rules = RulesVerdict(
            alert: !counted.isEmpty, critical: counted.contains { $0.effectiveSeverity == .critical },
            cleared: counted.isEmpty && Self.isCleared(hits),
            brief: !counted.isEmpty
                && TextFeatures.words(in: found.text, mentions: mentions).count <= ModelDecision.briefWords,
            found: Set(findings.map(\.category)), counted: Set(findings.filter { $0.severity > .low }.map(\.category)),
            namable: found.namable)
        let namable = found.namable
        var judged = judgeWithModel(
            text: found.text, mentions: mentions, namable: namable, rules: rules, findings: &findings)
        if judged.tier == .none, !judged.linked,
            let possible = possibleTarget(
                of: post, possible: possible, mentions: mentions, hits: hits, rules: rules, strength: judged.strength)
        {
            let decided = judge(
                post, atPossible: possible, findings: findings, scores: judged.scores, strength: judged.strength,
                rules: rules, namable: namable)
            (judged.tier, findings) = (decided.tier, decided.findings)
            if decided.alert { mentions.append(possible) }
        }
        if judged.tier == .none, !judged.linked, !rules.cleared, let scores = judged.scores, mode == .combined,
            (judged.strength ?? 0) >= ModelDecision.untargetedBelief
        {
            findings = untargetedFindings(findings, scores: scores, namable: namable)
        }
        if mode == .model { counted = [] }
        let track: ProtocolTrack
        if counted.isEmpty && judged.tier != .alert {
            track = .none
        } else if byStaff {
            track = .staff
        } else if counted.isEmpty {  // the model alone: aimed at the staff named, else at the school
            track = mentions.contains { $0.entity != "school" && ($0.start < $0.end || $0.rule == .thread) } ? .b : .a
        } else if counted.contains(where: { $0.aimedAt.contains { mentions[$0].entity != "school" } }) {
            track = .b
        } else {
            track = .a
        }
        if !threadAimed, judged.tier == .none { mentions.removeAll { $0.rule == .thread } }
        var assessment = Assessment(
            mentions: mentions, categories: findings, track: track, alert: judged.tier == .alert, tier: judged.tier,
            model: judged.scores, modelStrength: judged.strength, linked: judged.linked)
        assessment.rules = rules
        assessment.byStaff = byStaff
        return assessment
    }

    /// Categories that expose someone (a picture, a whereabouts, a post passed on). Not impersonation:
    /// a fake account's own words may say "schaam je"; only a warning clears it (`HitContext`).
    static let exposure: Set<ProtocolCategory> = [.unconsentedMedia, .stalking, .forwarding]

    /// Abuse the rules read as negated, condemned or reported, and nothing they count. Mild words too:
    /// "zijn niet stom" denies what the model, reading words, takes for an insult.
    static func isCleared(_ hits: [Hit]) -> Bool {
        let readings: Set<Hit.LowReason> = [.negated, .counterSpeech, .reported, .game, .festive, .conduct]
        // A word low on its own and read as nothing else (a weapon emoji beside a game) clears nothing and
        // alarms nothing; a mild word read as negated ("zijn niet stom") still clears.
        let abusive = hits.filter { $0.category != .forwarding && ($0.severity > .low || $0.lowered != nil) }
        return !abusive.isEmpty && abusive.allSatisfy { $0.lowered.map(readings.contains) ?? false }
    }

    /// Every hit in a post (lexicon entries, rules, details, forwarding), judged and aimed; `assess`
    /// sums them up. The lexicon's own tests read the entry of each hit here.
    func hits(in post: Post, forwarding: ForwardingMemory? = nil) -> PostHits {
        let text = post.matchText
        var mentions = matcher.mentions(in: post, text: text, tokens: MatchText.tokens(text))
        var words = ClassifyText(text, mentions: mentions, abbreviations: lexicon.cueWords("abbreviation"))
        if let spelling { words.repairSpelling(spelling) }
        let search = PhraseSearch(tables: phraseTables, text: words, mentions: mentions)
        let authorEntity = matcher.owner(ofAuthor: post.author)
        let byStaff = authorEntity.map { $0 != "school" } ?? false
        let rules = CategoryRules(
            post: post, lexicon: lexicon, text: words, search: search, mentions: mentions, authorEntity: authorEntity)

        let isNews = post.source == FeedKind.news.rawValue
        var hits = lexiconHits(search, text: words, authorEntity: authorEntity, isNews: isNews)
        hits +=
            rules.unconsentedMedia() + rules.personalDetails() + rules.claimedName(matcher: matcher)
            + rules.confidentialInfo()
        if let found = rules.impersonation(matcher: matcher) {
            var hit = found.hit
            if hit.aimedAt.isEmpty {  // the account name is the only mention of the person
                mentions.append(found.mention)
                hit.aimedAt = [mentions.count - 1]
            }
            hits.append(hit)
        }
        // Names of the post this one replies to, last: no index of a name in the text moves.
        mentions += post.thread.map { Mention(entity: $0.entity, surface: $0.surface, start: 0, end: 0, rule: .thread) }
        let context = HitContext(text: words, search: search, lexicon: lexicon, mentions: mentions, isNews: isNews)
        for index in hits.indices {
            context.judge(&hits[index])
            if hits[index].aimedAt.isEmpty { context.aim(&hits[index]) }
        }
        if byStaff { hits += staffHarmingTheSchool(hits, mentions: mentions) }
        if !search.occurrences(of: "consent").isEmpty {
            for index in hits.indices where hits[index].category == .unconsentedMedia { hits[index].lower(.consent) }
        }
        if !search.occurrences(of: "disclaimer").isEmpty {
            for index in hits.indices where hits[index].category == .unauthorisedStatement {
                hits[index].lower(.disclaimer)
            }
        }
        escalateThreatsWithDetails(&hits)
        if authorEntity == nil { hits += PassingOn.hits(hits, search: search, words: words.words) }
        // Speaking against exposure anywhere in the post ("heb het gemeld", "niet doorsturen", "stop
        // sending that clip around"): the poster reports the picture or the address, and does not
        // pass it on. Insults and threats keep the narrower reading of `HitContext`.
        if !search.occurrences(of: "counter").isEmpty || !search.occurrences(of: "warning").isEmpty {
            for index in hits.indices where Self.exposure.contains(hits[index].category) {
                hits[index].lower(.counterSpeech)
            }
        }
        // A configured account (the school's own repost of its newsletter) does not forward abuse.
        if let forwarding, authorEntity == nil, let original = forwarding.original(of: post, words: words.words) {
            var hit = Hit(
                .forwarding, original.earlier.severity, words: original.repeated, kind: .forwarded(original.earlier.id))
            context.judge(&hit)  // quoting it to speak against it, or reporting it, is no forwarding
            hit.aimedAt = Array(mentions.indices.filter { mentions[$0].start < mentions[$0].end })
            hits.append(hit)
        }
        hits.removeAll { !$0.words.isEmpty && search.isSilenced($0.words) }
        for index in hits.indices {
            order(&hits[index].aimedAt, near: hits[index].words, words: words, mentions: mentions)
        }
        let refers = ["pronoun", "person", "role", "institution"].contains { !search.occurrences(of: $0).isEmpty }
        return PostHits(
            hits: hits, mentions: mentions, words: words, text: text,
            namable: NamableCategories(
                byStaff: byStaff, passesOn: PassingOn.isShown(search: search, words: words.words),
                namesAGround: protectedGround.isNamed(words: words.words, hits: hits)),
            refersToSomeone: refers)
    }

    /// Remembers a post for `forwarding` when it raised an alert (flagged content), with its severity.
    public func remember(_ post: Post, _ assessment: Assessment, in memory: inout ForwardingMemory) {
        guard assessment.alert, let severity = assessment.severity else { return }
        memory.remember(post, severity: severity)
    }

    /// The categories found by lexicon entries only, for the lexicon's own tests.
    func findCategories(in text: String) -> [CategoryFinding] {
        let words = ClassifyText(text, abbreviations: lexicon.cueWords("abbreviation"))
        let search = PhraseSearch(tables: phraseTables, text: words, mentions: [])
        return summarise(lexiconHits(search, text: words, authorEntity: nil), words: words, mentions: [], author: "")
    }

    // MARK: - Steps

    /// Lexicon hits; what staff must not post counts only in posts by configured accounts.
    private func lexiconHits(_ search: PhraseSearch, text: ClassifyText, authorEntity: String?, isNews: Bool = false)
        -> [Hit]
    {
        let people = lexicon.cueWords("person")
        return search.hits().compactMap { found in
            let entry = lexicon.entries[found.entry]
            guard entry.standsInItsWordOrder(at: found.words.lowerBound, in: text),
                !entry.isSaidOfAnOwnedThing(at: found.words.lowerBound, in: text, people: people),
                !entry.endsInAClauseFinalWordWithinItsClause(at: found.words, in: text)
            else { return nil }
            var hit = Hit(entry.category, entry.severity, words: found.words, kind: .lexicon(found.entry))
            switch entry.category {
            case .confidentialInfo:
                guard authorEntity != nil else { return nil }
                hit.aimedAtAuthor = true
            case .unauthorisedStatement:
                if authorEntity == nil, !isNews, speaksAsTheSchool(entry.phrase) {
                    // Someone who is not the school's account writing "namens De Zeehoek" poses as the school.
                    return Hit(.impersonation, .medium, words: found.words, kind: .rule("speaks as the school"))
                }
                guard let authorEntity, authorEntity != "school" else { return nil }
                hit.aimedAtAuthor = true
            default: break
            }
            return hit
        }
    }

    /// An official voice of the school ("officieel bericht van De Zeehoek": a word of the `official` list).
    /// A plain "namens De Zeehoek" is often the parents' council or a journalist quoting, so it is not enough.
    private func speaksAsTheSchool(_ phrase: Phrase) -> Bool {
        let official = lexicon.cueWords("official")
        return phrase.items.contains { item in
            if case .word(let pattern) = item { return official.contains(where: pattern.matches) }
            return false
        }
    }

    /// A staff account abusing or accusing its own school harms the school's name (the staff code).
    private func staffHarmingTheSchool(_ hits: [Hit], mentions: [Mention]) -> [Hit] {
        hits.filter { hit in
            [.insult, .gossipAccusation, .discrimination].contains(hit.category) && hit.effectiveSeverity >= .medium
                && hit.aimedAt.contains { mentions[$0].entity == "school" }
        }.map { hit in
            var statement = Hit(.unauthorisedStatement, .medium, words: hit.words, kind: .rule("staff about school"))
            statement.aimedAtAuthor = true
            return statement
        }
    }

    /// Pieces of evidence shown per category: enough to judge, and a hostile post cannot grow the alert mail without end.
    static let evidenceLimit = 8

    /// Staff before the school, then the name nearest the hit: the explanation names the first.
    private func order(_ aimed: inout [Int], near range: Range<Int>, words: ClassifyText, mentions: [Mention]) {
        let at = range.isEmpty ? 0 : words.words[range.lowerBound].start
        aimed.sort {
            (mentions[$0].entity == "school" ? 1 : 0, abs(mentions[$0].start - at)) < (
                mentions[$1].entity == "school" ? 1 : 0, abs(mentions[$1].start - at)
            )
        }
    }

    /// Design §7: a home address (or phone, plate, whereabouts) together with a threat is critical.
    private func escalateThreatsWithDetails(_ hits: inout [Hit]) {
        let threat = hits.contains { $0.category == .threat && $0.effectiveSeverity > .low }
        // The detail must be more than the threat's own words ("ik weet waar je woont" is both).
        let threatWords = Set(hits.filter { $0.category == .threat }.flatMap { Array($0.words) })
        let stalking = hits.contains { hit in
            guard hit.category == .stalking, hit.effectiveSeverity > .low else { return false }
            if case .detail = hit.kind { return true }
            return !hit.words.contains(where: threatWords.contains)
        }
        guard threat, stalking else { return }
        for index in hits.indices
        where [.threat, .stalking].contains(hits[index].category) && hits[index].effectiveSeverity > .low {
            hits[index].severity = .critical
        }
    }

    /// One finding per category: its highest severity, the evidence of the hits at that severity,
    /// and the explanation of the strongest hit (an aimed one first).
    private func summarise(_ hits: [Hit], words: ClassifyText, mentions: [Mention], author: String) -> [CategoryFinding]
    {
        ProtocolCategory.allCases.compactMap { category in
            let inCategory = hits.filter { $0.category == category }
            guard let severity = inCategory.map(\.effectiveSeverity).max() else { return nil }
            let strongest = inCategory.filter { $0.effectiveSeverity == severity }
            var finding = CategoryFinding(category: category, severity: severity, evidence: [])
            var seen: Set<String> = []
            var ranges: [Range<Int>] = []
            for hit in strongest where finding.evidence.count < Self.evidenceLimit {
                if let text = hit.evidence, seen.insert(text).inserted {
                    finding.evidence.append(text)
                    finding.spans.append(nil)
                }
                for range in [hit.extraWords, hit.evidence == nil ? hit.words : nil].compactMap({ $0 })
                where !range.isEmpty {
                    // Words already shown inside a longer piece of evidence are not repeated.
                    guard
                        !ranges.contains(where: {
                            $0.lowerBound <= range.lowerBound && range.upperBound <= $0.upperBound
                        })
                    else { continue }
                    let text = words.surface(range)
                    guard seen.insert(text).inserted else { continue }
                    ranges.append(range)
                    finding.evidence.append(text)
                    finding.spans.append(
                        EvidenceSpan(
                            start: words.words[range.lowerBound].start, end: words.words[range.upperBound - 1].end))
                }
            }
            let best = strongest.first { !$0.aimedAt.isEmpty || $0.aimedAtAuthor } ?? strongest[0]
            let evidence = best.evidence ?? (best.words.isEmpty ? "" : words.surface(best.words))
            finding.explanation = Explanation.text(for: best, evidence: evidence, mentions: mentions, author: author)
            return finding
        }
    }
}
