import MentionClassify
internal import Yams

extension ConfigBuilder {
    /// `classification: {add: [LEXICON LINE, ...], silence: [WORD OR PHRASE, ...]}`: each added line is
    /// checked with the lexicon's own parser and reported at its line in feeds.yaml.
    mutating func classificationSettings(_ node: Node) -> ClassificationSettings {
        var settings = ClassificationSettings()
        guard
            let map = reader.mapping(
                node, "classification",
                allowed: [
                    "add", "silence", "model", "alert_threshold", "review_threshold", "veto_threshold", "alert_score",
                    "possible_alert_threshold", "dictionaries",
                ])
        else { return settings }
        var lines: [(file: String, line: Int, text: String)] = []
        var nodesByLine: [Int: Node] = [:]
        if let node = map["add"], let items = reader.sequence(node, "classification.add") {
            for (number, item) in items.enumerated() {
                guard let text = reader.string(item, "classification.add[\(number)]") else { continue }
                lines.append((reader.file, item.mark?.line ?? 1, text))
                nodesByLine[item.mark?.line ?? 1] = item
                settings.add.append(text)
            }
        }
        if let node = map["silence"], let terms = reader.strings(node, "classification.silence") {
            settings.silence = terms
        }
        if let node = map["model"] { settings.modelPath = reader.string(node, "classification.model") }
        if let node = map["dictionaries"] {
            // `off`, or a list of word lists (one word a line), instead of the Debian ones.
            if case .scalar(let scalar) = node, scalar.string == "off" {
                settings.dictionaries = []
            } else if let paths = reader.strings(node, "classification.dictionaries") {
                settings.dictionaries = paths
            }
        }
        if let node = map["alert_threshold"] {
            settings.alertThreshold = reader.probability(node, "classification.alert_threshold")
        }
        if let node = map["review_threshold"] {
            settings.reviewThreshold = reader.probability(node, "classification.review_threshold")
        }
        if let node = map["alert_score"] {
            settings.alertScore = reader.probability(node, "classification.alert_score")
        }
        if let node = map["possible_alert_threshold"] {
            settings.possibleAlertThreshold = reader.probability(node, "classification.possible_alert_threshold")
        }
        if let node = map["veto_threshold"] {
            settings.vetoThreshold = reader.probability(node, "classification.veto_threshold")
        }
        // The alert score and the thresholds on the belief are two ways to decide: the score is left out
        // where either threshold is set, so asking for both is a mistake to name (helper-102's review).
        if settings.alertScore != nil, settings.alertThreshold != nil || settings.vetoThreshold != nil {
            reader.report(
                map["alert_score"] ?? node, "classification.alert_score",
                "cannot be set with alert_threshold or veto_threshold (they decide without the alert score)")
        }
        if let alert = settings.alertThreshold, let review = settings.reviewThreshold, review > alert {
            reader.report(
                map["review_threshold"] ?? node, "classification.review_threshold",
                "must not be above alert_threshold (\(alert))")
        }
        do {
            settings.lexicon = try Lexicon.builtIn.extended(adding: lines, silencing: settings.silence)
        } catch {
            let silenced = error.file == "silence"
            reader.report(
                (silenced ? map["silence"] : nodesByLine[error.line]) ?? node,
                silenced ? "classification.silence" : "classification.add", error.message)
        }
        return settings
    }
}
