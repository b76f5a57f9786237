/// Whether a post names a protected ground at all. The model's discrimination head learned the shape
/// of exclusion ("zulke mensen horen niet voor de klas", "people like him shouldn't teach") as much as
/// the ground, and named discrimination in insults that give none. LABELS.md names discrimination only
/// for origin, religion, skin colour, gender, sexuality and disability, and slurs.
enum ProtectedGround {
    /// A word of the `group` or `ground` cue lists ("moslims", "hoofddoek", "accent", "rolstoel"), or a
    /// rule's discrimination hit at any severity (a slur, "🐒🍌"). Broad on purpose: it only decides
    /// whether the model may name `discrimination` (`NamableCategories.namesAGround`), never that a post
    /// discriminates.
    static func isNamed(search: PhraseSearch, hits: [Hit]) -> Bool {
        hits.contains { $0.category == .discrimination }
            || ["group", "ground"].contains { !search.occurrences(of: $0).isEmpty }
    }
}
