/// The protocol's "forwarding such posts" when the original was never seen: a post that passes on
/// someone else's words ("RT @…:", "kijk wat iemand in de groepsapp zei: …", a quote with "deel dit")
/// forwards the abuse in them. The passed-on words are judged on their own first: abuse that is
/// negated, condemned or reported there (counter-speech, news) is not forwarded.
/// Content seen before is found by `ForwardingMemory` instead.
enum PassingOn {
    /// The categories a re-share can pass on; a staff account's own breaches cannot be forwarded.
    static let passable: Set<ProtocolCategory> = [
        .insult, .gossipAccusation, .threat, .stalking, .unconsentedMedia, .discrimination,
    ]

    /// One forwarding hit per abusive hit that is quoted or comes after a pass-on word, with its
    /// severity and its aim.
    static func hits(_ hits: [Hit], search: PhraseSearch, words: [ClassWord]) -> [Hit] {
        let cues = search.occurrences(of: "passon")
        guard let firstCue = cues.map(\.lowerBound).min() else { return [] }
        return hits.filter { hit in
            passable.contains(hit.category) && hit.effectiveSeverity >= .medium && !hit.words.isEmpty
                && (hit.words.lowerBound >= firstCue || hit.words.allSatisfy { words[$0].quoted })
                && !cues.contains { $0.overlaps(hit.words) }
        }.map { hit in
            var forwarded = Hit(.forwarding, hit.severity, words: hit.words, kind: .rule("passes on"))
            forwarded.aimedAt = hit.aimedAt
            return forwarded
        }
    }

    /// Whether a post shows that it carries someone else's words or pictures: a quotation, or a word of
    /// the `passon`, `share` or `relay` cue lists (who said, wrote or posted it; sent, got or put it
    /// somewhere; "hieronder", 👇). Broad on purpose: it only decides whether the model may name
    /// `forwarding` (`NamableCategories.passesOn`), never that a post forwards anything.
    static func isShown(search: PhraseSearch, words: [ClassWord]) -> Bool {
        words.contains(where: \.quoted)
            || ["passon", "share", "relay"].contains { !search.occurrences(of: $0).isEmpty }
    }
}
