import Foundation
import TestSupport
import Testing

/// A missing, corrupt or mismatched model file stops the start with the path and the reason (exit
/// 78), never a silent rules-only run; `check` names the model and its thresholds (docs/model.md).
struct ModelFileCommandTests {
    static let world = """
        school: { name: Praktijkschool De Zeehoek, aliases: [De Zeehoek] }
        feeds: [{ id: a, url: "https://a.example/rss" }]

        """

    @Test func aMissingModelFileStopsTheStart() throws {
        let config = try CommandLineTests.writeConfig(Self.world + "classification: { model: /nonexistent/m.mwm }\n")
        for command in [["check"], ["run"], ["poll", "--once"]] {
            let outcome = try CommandLineTests.mentionwatch(command + ["--config", config])
            #expect(outcome.status == 78, "\(command)")
            #expect(
                outcome.stderr.contains("/nonexistent/m.mwm: cannot use the model file: no such file"),
                "\(outcome.stderr)")
        }
    }

    @Test(arguments: [
        (Array("not a model".utf8), "not a mentionwatch model file"),
        (Array("MWLM".utf8) + [UInt8](repeating: 7, count: 100), "corrupt model file: checksum does not match"),
    ])
    func aCorruptModelFileStopsTheStart(bytes: [UInt8], reason: String) throws {
        let path = Paths.temporaryFolder("model") + "/broken.mwm"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let config = try CommandLineTests.writeConfig(Self.world + "classification: { model: \(path) }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("\(path): cannot use the model file: \(reason)"), "\(outcome.stderr)")
    }

    /// `check` names the model and how it decides: the shipped model by its alert score (docs/model.md),
    /// which `alert_score` moves; with `alert_threshold` set, by the thresholds.
    @Test(arguments: [
        ("alert_threshold: 0.97", "alert at 0.970"), ("alert_score: 0.9", "alert score at 0.900"),
        ("possible_alert_threshold: 0.8", "alert at a role, a misspelt name or the school's bare name from 0.800"),
    ])
    func checkNamesTheModelAndHowItDecides(setting: String, expected: String) throws {
        let shipped = Paths.repositoryRoot + "/model/classifier.mwm"
        let config = try CommandLineTests.writeConfig(
            Self.world + "classification: { model: \(shipped), \(setting) }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("model: \(shipped) version "))
        #expect(outcome.stdout.contains(expected), "\(outcome.stdout)")
    }

    @Test func theAlertScoreWithAThresholdIsAConfigError() throws {
        let config = try CommandLineTests.writeConfig(
            Self.world + "classification: { alert_score: 0.9, alert_threshold: 0.95 }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 78)
        #expect(
            outcome.stderr.contains("classification.alert_score: cannot be set with alert_threshold"),
            "\(outcome.stderr)")
    }

    @Test func theRulesAloneOnlyWhenTheConfigSaysSo() throws {
        let config = try CommandLineTests.writeConfig(Self.world + "classification: { model: \"off\" }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("model: off"))
    }

    /// `train` refuses a hidden layer the model file's reader would refuse, before it trains at all.
    @Test(arguments: [["--hidden-units", "300"], ["--hidden-units=-1"], ["--hidden-rate", "0"]])
    func trainRefusesAHiddenLayerNoModelFileCanHold(_ arguments: [String]) throws {
        let config = try CommandLineTests.writeConfig(Self.world)
        let outcome = try CommandLineTests.mentionwatch(
            ["train", "--config", config, "--version", "x", "--output", "/nonexistent/m.mwm"] + arguments
                + ["/nonexistent/posts.jsonl"])
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("must be"), "\(outcome.stderr)")
    }

    @Test func aThresholdOutsideZeroToOneIsAConfigError() throws {
        let config = try CommandLineTests.writeConfig(Self.world + "classification: { review_threshold: 1.5 }\n")
        let outcome = try CommandLineTests.mentionwatch(["check", "--config", config])
        #expect(outcome.status == 78)
        #expect(outcome.stderr.contains("classification.review_threshold: must be a number from 0 to 1, not '1.5'"))
    }
}
