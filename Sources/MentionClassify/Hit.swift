/// One reason to suspect a category, before the hits of a post are summed up per category.
struct Hit: Sendable {
    var category: ProtocolCategory
    var severity: Severity
    /// The words that triggered it; empty when the evidence is not in the text (an author's name).
    var words: Range<Int>
    /// What triggered it, when not the words themselves (an account name, an earlier post).
    var evidence: String?
    /// A second piece of evidence in the text (the picture a share request is about).
    var extraWords: Range<Int>?
    var kind: Kind
    /// Set when the context makes the hit no alarm: it is then kept with severity low.
    var lowered: LowReason?
    /// The found names (indices into the post's mentions) the hit is aimed at.
    var aimedAt: [Int] = []
    /// Aimed at the post's author: a staff account's own post (confidential information, speaking for the school).
    var aimedAtAuthor = false

    enum Kind: Sendable, Equatable {
        /// A lexicon entry (its index in `Lexicon.entries`).
        case lexicon(Int)
        case detail(PersonalDetail.Kind)
        /// A rule in code: media without consent, an account in a staff member's name, a staff post.
        case rule(String)
        /// The same content as an earlier flagged post.
        case forwarded(String)
    }

    /// Why a hit is no alarm (docs/classification.md: negation, quotation in neutral news, reclaimed use, ...).
    enum LowReason: String, Sendable {
        case negated, counterSpeech, reported, intensifier, ownIdentity, noTarget, consent, disclaimer, game, festive
        case conduct
    }

    init(_ category: ProtocolCategory, _ severity: Severity, words: Range<Int>, kind: Kind, evidence: String? = nil) {
        self.category = category
        self.severity = severity
        self.words = words
        self.kind = kind
        self.evidence = evidence
    }

    /// The severity that counts: low when the context lowered it.
    var effectiveSeverity: Severity { lowered == nil ? severity : .low }

    mutating func lower(_ reason: LowReason) {
        if lowered == nil { lowered = reason }
    }
}
