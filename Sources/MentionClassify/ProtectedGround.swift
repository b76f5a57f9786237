/// Whether a post names a protected ground at all. The model's discrimination head learned the shape
/// of exclusion ("zulke mensen horen niet voor de klas", "people like him shouldn't teach") as much as
/// the ground, and named discrimination in insults that give none. LABELS.md names discrimination only
/// for origin, religion, skin colour, gender, sexuality and disability, and slurs.
struct ProtectedGround: Sendable {
    /// The one-word phrases of the `group` and `ground` cue lists: whole words and stems (`moslim*`).
    /// A longer phrase of `group` ("zwarte mensen") has such a word in it (tested).
    private var words: Set<String> = []
    private var stems: Set<String> = []
    private var stemLengths: [Int] = []

    init(_ lexicon: Lexicon) {
        for list in Self.lists {
            for phrase in lexicon.cues[list] ?? [] where phrase.items.count == 1 {
                guard case .word(let pattern) = phrase.items[0] else { continue }
                switch pattern {
                case .exact(let word): words.insert(word)
                case .oneOf(let alternatives): words.formUnion(alternatives)
                case .prefix(let stem): stems.insert(stem)
                default: break
                }
            }
        }
        stemLengths = Set(stems.map(\.count)).sorted()
    }

    static let lists = ["group", "ground"]

    /// A word of the `group` or `ground` lists ("moslims", "hoofddoek", "accent", "rolstoel"), or a
    /// rule's discrimination hit at any severity (a slur, "🐒🍌", "terug naar je land"). Broad on purpose:
    /// it only decides whether the model may name `discrimination` below `NamableCategories.ungroundedBar`,
    /// never that a post discriminates. Looked up word by word, not as a cue search: the stems are
    /// prefixes, which a cue search tries at every word one by one (rules alone took twice as long).
    func isNamed(words text: [ClassWord], hits: [Hit]) -> Bool {
        hits.contains { $0.category == .discrimination }
            // Inside a found name too: "die marokkaanse gymleraar" is one mention of a role.
            || text.contains { covers($0.key) }
    }

    func covers(_ key: String) -> Bool {
        // `word*` is a longer word with that start (docs/classification.md).
        words.contains(key)
            || stemLengths.contains { length in length < key.count && stems.contains(String(key.prefix(length))) }
    }
}
