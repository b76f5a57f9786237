import MentionClassify
import MentionMatch

extension Classifier {
    /// The classifier that feeds.yaml describes: its names, its lexicon (with `classification.add` and
    /// `silence`) and `alerts.min_severity`; `lexicon` replaces the configured one (tests). The matcher
    /// takes the lexicon's curses and roles that make "kankerjuf Marieke" address juf Marieke.
    public init(config: Config, lexicon: Lexicon? = nil) {
        let lexicon = lexicon ?? config.classification.lexicon
        self.init(
            matcher: Matcher(
                school: config.school, staff: config.staff, matching: config.matching,
                compoundHeads: lexicon.compoundHeads),
            lexicon: lexicon,
            minSeverity: config.alerts.minSeverity
        )
    }
}
