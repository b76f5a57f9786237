import MentionClassify
import MentionMatch

extension Classifier {
    /// The classifier that feeds.yaml describes: its names, its lexicon (with `classification.add` and
    /// `silence`) and `alerts.min_severity`; `lexicon` replaces the configured one (tests).
    public init(config: Config, lexicon: Lexicon? = nil) {
        self.init(
            matcher: Matcher(school: config.school, staff: config.staff, matching: config.matching),
            lexicon: lexicon ?? config.classification.lexicon,
            minSeverity: config.alerts.minSeverity
        )
    }
}
