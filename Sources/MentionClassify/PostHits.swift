import MentionMatch

extension Classifier {
    /// A post's hits, each judged (negation, counter-speech, ...) and aimed, with what the verdict needs.
    struct PostHits {
        var hits: [Hit]
        var mentions: [Mention]
        var words: ClassifyText
        var text: String
        /// What the model may name here: a staff account's own categories, forwarding where the post
        /// passes something on (`PassingOn.isShown`), discrimination where it names a ground (`ProtectedGround`).
        var namable: NamableCategories
        /// A pronoun, a role or a word for a person: in a reply, it may mean someone of the thread.
        var refersToSomeone: Bool
    }
}
