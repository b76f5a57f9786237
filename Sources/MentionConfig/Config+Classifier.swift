import MentionClassify
import MentionMatch

extension Classifier {
    /// The classifier that feeds.yaml describes: its names, its lexicon (with `classification.add` and
    /// `silence`) and `alerts.min_severity`; `lexicon` replaces the configured one (tests). The matcher
    /// takes the lexicon's curses and roles that make "kankerjuf Marieke" address juf Marieke.
    /// The model is `classification.model` as the adapter that read the config loaded it; without one
    /// (a config parsed from text alone, or `model: off`) the rules judge alone.
    public init(config: Config, lexicon: Lexicon? = nil, mode: DecisionMode = .combined) {
        let lexicon = lexicon ?? config.classification.lexicon
        let settings = config.classification
        let model = settings.model
        let thresholds = model.map {
            var thresholds = ModelThresholds($0.header)
            thresholds.alert = settings.alertThreshold ?? thresholds.alert
            thresholds.review = settings.reviewThreshold ?? thresholds.review
            thresholds.veto = settings.vetoThreshold ?? thresholds.veto
            thresholds.possibleAlert = settings.possibleAlertThreshold ?? thresholds.possibleAlert
            if settings.alertThreshold != nil || settings.vetoThreshold != nil {
                thresholds.alertScore = nil
            } else if let threshold = settings.alertScore {
                thresholds.alertScore?.threshold = threshold
            }
            return thresholds
        }
        self.init(
            matcher: Matcher(
                school: config.school, staff: config.staff, matching: config.matching,
                compoundHeads: lexicon.compoundHeads),
            lexicon: lexicon,
            minSeverity: config.alerts.minSeverity,
            model: model, thresholds: thresholds, mode: mode, spelling: settings.spelling
        )
    }
}
