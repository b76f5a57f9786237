/// The school's own lexicon lines and silenced terms (`classification:` in feeds.yaml), and the
/// lexicon they make together with the built-in one.
public struct ClassificationSettings: Sendable, Equatable {
    /// Lines in the lexicon format ("insult medium kneus"), as written.
    public var add: [String] = []
    /// Words or phrases that never count ("loser", "maak je af").
    public var silence: [String] = []
    public var lexicon: Lexicon = .builtIn
    /// The learned model's file (`classification.model`); nil: the installed one (docs/model.md).
    /// `off` judges by the rules alone, as a decision of the school, never silently.
    public var modelPath: String?
    /// Override the model file's thresholds (`classification.alert_threshold`, `review_threshold`).
    public var alertThreshold: Double?
    public var reviewThreshold: Double?
    public var vetoThreshold: Double?
    /// Override the alert score's threshold (`classification.alert_score`). Where `alert_threshold` or
    /// `veto_threshold` is set, the school asks for the thresholds on the belief: the score is not used.
    public var alertScore: Double?
    /// Override the model file's bar for a possible target that points at one person or at the school
    /// (`classification.possible_alert_threshold`; 1: never; `ModelThresholds.possibleAlert`).
    public var possibleAlertThreshold: Double?
    /// The model itself, read from `modelPath` by the adapter that reads the config (ConfigFile).
    public var model: LinearModel?
    /// Word lists that tell an ordinary word from a slip or a name (`classification.dictionaries`);
    /// nil: the Debian lists that are installed (`wdutch`, `wamerican`); empty: none.
    public var dictionaries: [String]?
    /// Built from the dictionaries by the adapter that reads the config (docs/classification.md).
    public var spelling: SpellingRepair?

    public init() {}

    public var rulesOnly: Bool { modelPath == "off" }

    public static func == (a: Self, b: Self) -> Bool {
        a.add == b.add && a.silence == b.silence && a.modelPath == b.modelPath
            && a.alertThreshold == b.alertThreshold && a.reviewThreshold == b.reviewThreshold
            && a.vetoThreshold == b.vetoThreshold && a.alertScore == b.alertScore && a.dictionaries == b.dictionaries
            && a.possibleAlertThreshold == b.possibleAlertThreshold
    }
}
