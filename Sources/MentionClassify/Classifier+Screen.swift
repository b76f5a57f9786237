import MentionMatch

extension Classifier {
    /// The daemon's way in: `assess` for a post that may concern the school, and for any other an
    /// empty judgement without asking the rules or the model (docs/classification.md, "Posts that
    /// concern no one"). Most posts a feed brings name no one of the school; the rules and the model
    /// cost about 0.3 ms a post, nine tenths of a poll's CPU, and on such a post they cannot reach
    /// the MT or the review list: an alert needs a target, and review needs a target or a possible one.
    public func screen(_ post: Post, forwarding: ForwardingMemory? = nil) -> Assessment {
        let (concerns, possible) = links(post)
        guard concerns else {
            return Assessment(mentions: [], categories: [], track: .none, alert: false, tier: Tier.none)
        }
        return assess(post, forwarding: forwarding, possible: possible)
    }

    /// Whether anything in the post could link it to the school or its people: a mention in its
    /// words, one that only school context would confirm (a role, a bare surname: the possible
    /// targets), its author (a watched account, or a handle named like staff: impersonation), the
    /// post it replies to, or a feed about the school. A forwarded copy of a flagged post is aimed
    /// only at the names in it, so the forwarding memory adds nothing here.
    public func mayConcernTheSchool(_ post: Post) -> Bool { links(post).concerns }

    /// Whether the post may concern the school, and its possible mentions when they were what told
    /// (kept for `assess`, which needs them for a possible target).
    private func links(_ post: Post) -> (concerns: Bool, possible: [Mention]?) {
        if post.schoolSpecific || !post.thread.isEmpty { return (true, nil) }
        if !post.author.isEmpty,
            matcher.owner(ofAuthor: post.author) != nil
                || !matcher.mentions(in: Post(id: post.id, text: post.author)).isEmpty
        {
            return (true, nil)
        }
        // The possible mentions hold the mentions: school context assumed only lets more forms count
        // (ScreenTests checks it on the corpus), so one pass of the matcher answers for both.
        let possible = matcher.possibleMentions(in: post)
        return (!possible.isEmpty, possible)
    }
}
