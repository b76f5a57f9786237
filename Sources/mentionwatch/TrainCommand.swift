import ArgumentParser
import FeedKit
import Foundation
import MentionClassify
import MentionConfig

/// `mentionwatch train` (`make train`): cross-validates the learned model on the corpus, chooses its
/// thresholds there, prints rules, model and both side by side, and writes the model trained on
/// the whole corpus (docs/model.md).
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the learned classifier on labelled posts and write the model file.")
    @OptionGroup var options: ConfigOption
    @Argument(help: "Labelled training posts (JSON Lines, like posts-dev.jsonl).")
    var files: [String]
    @Option(help: "Where to write the model.")
    var output = "model/classifier.mwm"
    @Option(help: "The model's release name, shown by `check` and in the docs.")
    var version: String
    @Option(help: "Folds of the cross-validation.")
    var folds = 5
    @Option(help: "The highest false-alert rate the alert threshold may give in cross-validation.")
    var maxFalseAlertRate = 0.02
    @Option(help: "The alert-or-review recall the review threshold aims for in cross-validation.")
    var reviewRecall = 0.97
    @Option(help: "The lowest review threshold, however low recall is.")
    var reviewFloor = 0.2
    @Option(help: "Hash buckets of the model (a power of two).")
    var buckets = 1 << 18
    @Option(help: "Passes over the corpus.")
    var epochs = ModelTraining().epochs
    @Option(help: "AdaGrad's learning rate.")
    var learningRate = Double(ModelTraining().learningRate)
    @Option(help: "L2 penalty on the weights a post touches.")
    var l2 = Double(ModelTraining().l2)
    @Option(help: "Units of the hidden layer beside the linear heads (0: none).")
    var hiddenUnits = ModelTraining().hiddenUnits
    @Option(help: "AdaGrad's learning rate for the hidden layer.")
    var hiddenRate = Double(ModelTraining().hiddenRate)
    @Option(help: "Write each post's held-out judgement as tab-separated values (for comparing models).")
    var outcomes: String?
    @Option(
        help:
            "Write each post's fold and masked words as tab-separated values (to train another model on the same folds)."
    )
    var foldsExport: String?
    @Flag(help: "Cross-validate with folds by writer (the letters an id starts with), not by post.")
    var foldsByWriter = false
    @Flag(help: "Name categories from 0.5 and let forwarding alone join, as before 2026.12.26 (for comparing).")
    var standardBars = false
    @Flag(help: "Decide by the thresholds alone, without the alert score, as before 2026.12.59 (for comparing).")
    var noAlertScore = false

    func validate() throws {
        // The model file's reader takes 1 to 256 units (docs/model.md, "The file"): refuse here what it would refuse.
        guard (0...256).contains(hiddenUnits) else { throw ValidationError("--hidden-units must be 0 to 256") }
        guard hiddenRate > 0 else { throw ValidationError("--hidden-rate must be above 0") }
    }

    func run() throws {
        let config = try options.load(loadingModel: false)
        var posts: [LabelledPost] = []
        var digestInput: [UInt8] = []
        for file in files.sorted() {
            posts += try readLabelledPosts(file)
            digestInput += Array((FileManager.default.contents(atPath: file) ?? Data()))
        }
        var training = ModelTraining()
        training.buckets = buckets
        training.epochs = epochs
        training.learningRate = Float(learningRate)
        training.l2 = Float(l2)
        training.hiddenUnits = hiddenUnits
        training.hiddenRate = Float(hiddenRate)
        let rules = Classifier(config: config, mode: .rules)
        let clock = ContinuousClock()
        let started = clock.now
        var validation = CrossValidation(posts: posts, rules: rules, training: training, folds: folds)
        validation.byWriter = foldsByWriter
        validation.run { print($0) }
        if let outcomes {
            var lines = [
                [
                    "id", "fold", "rules_alert", "linked", "strength", "expected_alert", "categories", "threat",
                    "critical", "cleared", "brief", "rule_findings", "rule_counted", "possible", "heads",
                    "points_at_one",
                ].joined(separator: "\t")
            ]
            for (index, outcome) in validation.outcomes.enumerated() {
                lines.append(
                    [
                        posts[index].id, "\(validation.foldOf[index])", "\(outcome.rules.alert)", "\(outcome.linked)",
                        String(format: "%.4f", outcome.strength), "\(outcome.expectedAlert)",
                        posts[index].expect.categories.joined(separator: ","),
                        String(format: "%.4f", outcome.heads[.threat] ?? 0),
                        "\(outcome.rules.critical)", "\(outcome.rules.cleared)", "\(outcome.rules.brief)",
                        outcome.ruleFindings.map(\.rawValue).sorted().joined(separator: ","),
                        outcome.ruleCounted.map(\.rawValue).sorted().joined(separator: ","),
                        "\(!outcome.linked && !rules.matcher.possibleMentions(in: posts[index].post).isEmpty)",
                        ProtocolCategory.allCases.map { String(format: "%.4f", outcome.heads[$0] ?? 0) }
                            .joined(separator: ","),
                        "\(outcome.pointsAtOne)",
                    ].joined(separator: "\t"))
            }
            try lines.joined(separator: "\n").write(toFile: outcomes, atomically: true, encoding: .utf8)
        }
        if let foldsExport {
            let lines = posts.indices.map { index in
                [
                    posts[index].id, "\(validation.foldOf[index])",
                    posts[index].expect.categories.joined(separator: ","),
                    validation.words[index].joined(separator: " "),
                ].joined(separator: "\t")
            }
            try lines.joined(separator: "\n").write(toFile: foldsExport, atomically: true, encoding: .utf8)
        }
        var thresholds = validation.chooseThresholds(
            maxFalseAlertRate: maxFalseAlertRate, reviewRecall: reviewRecall, reviewFloor: reviewFloor)
        print(
            String(
                format: "%d posts, %d-fold cross-validation: alert threshold %.3f, review %.3f, veto %.3f, threat %.3f",
                posts.count, folds, thresholds.alert, thresholds.review, thresholds.veto, thresholds.threat))
        let bars = ProtocolCategory.allCases.compactMap { category in
            thresholds.categoryAlert[category].map {
                category.rawValue + String(format: " %.2f (its head %.1f)", $0.belief, $0.likely)
            }
        }
        print("categories alerting from their own bar:", bars.isEmpty ? "none" : bars.joined(separator: ", "))
        if !noAlertScore {
            let choice = validation.chooseAlertScore(
                maxFalseAlertRate: maxFalseAlertRate, veto: thresholds.veto, review: thresholds.review)
            thresholds.alertScore = choice.score
            thresholds.possibleAlert = choice.possibleAlert
            let never = choice.withoutPossibleAlert
            print(
                String(
                    format:
                        "alert score from %.3f, a possible target that points at one from %@: %d breaches alerted (%d threats) at %d false alerts, each fold scored by weights fitted on the others (never at a possible target: %d (%d threats) at %d)",
                    choice.score.threshold,
                    choice.possibleAlert < 1 ? String(format: "%.2f", choice.possibleAlert) : "never",
                    choice.alerts, choice.threats, choice.falseAlerts, never.alerts, never.threats, never.falseAlerts))
        }
        thresholds.categories = standardBars ? .standard : validation.chooseCategoryThresholds(thresholds)
        let naming = ProtocolCategory.allCases.map { ($0.rawValue, thresholds.categories.naming($0)) }
        print("categories named from:", Self.describe(Dictionary(uniqueKeysWithValues: naming)))
        print("categories joining a rule's alert from:", Self.describe(thresholds.categories.joining))
        for mode in DecisionMode.allCases {
            print(validation.scoring(thresholds: thresholds, mode: mode).report(title: "cross-validation [\(mode)]"))
            print("")
        }
        var model = training.train(validation.examples(posts.indices))
        var header = model.header
        header.version = version
        header.alertThreshold = thresholds.alert
        header.reviewThreshold = thresholds.review
        header.vetoThreshold = thresholds.veto
        header.threatThreshold = thresholds.threat < 1 ? thresholds.threat : nil
        header.categoryAlertThresholds = Dictionary(
            uniqueKeysWithValues: thresholds.categoryAlert.map { ($0.key.rawValue, $0.value) })
        header.categoryThresholds = thresholds.categories
        header.alertScore = thresholds.alertScore
        header.possibleAlertThreshold = thresholds.possibleAlert < 1 ? thresholds.possibleAlert : nil
        header.trainedOn = posts.count
        header.corpusDigest = SHA256.hex(SHA256.digest(digestInput))
        model = LinearModel(
            header: header, scales: model.scales, bias: model.bias, weights: model.weights, hidden: model.hidden)
        let bytes = model.fileBytes()
        let temporary = output + ".tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw fail("cannot write \(temporary)", status: ExitStatus.ioError)
        }
        _ = try? FileManager.default.removeItem(atPath: output)
        try FileManager.default.moveItem(atPath: temporary, toPath: output)
        let seconds = Double((clock.now - started).components.seconds)
        print("wrote \(output): \(bytes.count) bytes, version \(version), \(Int(seconds)) s")
    }

    /// "insult 0.45, threat 0.6" in the order of the protocol's categories; "none" when empty.
    static func describe(_ bars: [String: Double]) -> String {
        let named = ProtocolCategory.allCases.compactMap { category in
            bars[category.rawValue].map { category.rawValue + String(format: " %.2f", $0) }
        }
        return named.isEmpty ? "none" : named.joined(separator: ", ")
    }
}
