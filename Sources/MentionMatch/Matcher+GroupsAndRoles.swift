extension Matcher {
    /// The mentions of groups and roles among words (`TargetForms`), as `fullPass` adds them after
    /// the names: `school` marks the words of a found mention of the school, `taken` those of any.
    func targetMentions(
        _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar], school: [Bool], taken: [Bool],
        assumeSchool: Bool
    ) -> [Mention] {
        targets.find(
            in: words, tokens: tokens, scalars: scalars, school: school, taken: taken, assumeSchool: assumeSchool
        )
        .map { target in
            let (start, end) = (tokens[target.from].start, tokens[target.to - 1].end)
            let (entity, rule): (String, MentionRule) =
                switch target.kind {
                case .role(let id): (id, .role)
                case .group, .people, .institution: ("school", .group)
                }
            return Mention(
                entity: entity, surface: String(scalars: scalars[start..<end]), start: start,
                end: end, rule: rule)
        }
    }

    /// `fullPass` with the school assumed, for a post where `MentionFilter` found no word that could
    /// start a name, only words that may start a group or a role: then no name is found and nothing
    /// is taken, so the groups and roles (and the author) are all there is. Most such posts are news
    /// ("de docenten", "de directeur"), and this skips the name search, which costs them the most.
    func groupsAndRoles(_ post: Post, text: String, tokens: [TextToken]) -> [Mention] {
        let words = tokens.map(\.folded)
        let none = [Bool](repeating: false, count: words.count)
        let excluded = excludePhrases.contains { Self.contains($0, in: words) }
        var mentions = targetMentions(
            words, tokens, Array(text.unicodeScalars), school: none, taken: none, assumeSchool: !excluded)
        mentions += authorMention(post)
        return Self.inTextOrder(mentions)
    }
}
