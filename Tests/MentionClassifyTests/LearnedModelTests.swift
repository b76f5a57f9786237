import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// The learned model's parts (docs/model.md): features, training, the file, the decision.
struct LearnedModelTests {
    // MARK: Features

    @Test func namesAreMaskedSoTheModelJudgesWhatIsSaid() {
        let text = "\njuf Marieke en De Zeehoek, @iemand"
        let mentions = [
            Mention(entity: "staff-01", surface: "juf Marieke", start: 1, end: 12, rule: .honorific),
            Mention(entity: "school", surface: "De Zeehoek", start: 16, end: 26, rule: .alias),
        ]
        #expect(TextFeatures.words(in: text, mentions: mentions) == ["⟨p⟩", "en", "⟨s⟩", "⟨h⟩"])
    }

    @Test func aSentenceGluedAroundANameKeepsItsWord() {
        let glued = "\nallelerarenvandezeehoekmoetendood!"
        let school = Mention(entity: "school", surface: "", start: 1, end: 34, rule: .alias, glued: true)
        #expect(TextFeatures.words(in: glued, mentions: [school]) == ["⟨s⟩", "allelerarenvandezeehoekmoetendood"])
        // A long name of one word that is not glued stays masked ("zeehoekleerlingen", a hashtag).
        let long = "\nzeehoekleerlingen in de bus"
        let people = Mention(entity: "school", surface: "", start: 1, end: 18, rule: .alias)
        #expect(TextFeatures.words(in: long, mentions: [people]) == ["⟨s⟩", "in", "de", "bus"])
    }

    @Test(arguments: [
        ("kаnker", "kanker"),  // a Cyrillic а
        ("H0ER", "hoer"),
        ("kankerrrrr", "kankerr"),
        ("Ölçü", "olcu"),
        ("06-12345678", "00 00000000"),
    ])
    func spellingIsFolded(written: String, folded: String) {
        #expect(TextFeatures.words(in: written, mentions: []).joined(separator: " ") == folded)
    }

    @Test func spacedLettersAreOneWordAndTwoLettersAreNot() {
        #expect(TextFeatures.words(in: "je bent een k a n k e r lijer", mentions: []).contains("kanker"))
        #expect(
            TextFeatures.words(in: "ik en u a b", mentions: []) == ["ik", "en", "uab"])
        #expect(TextFeatures.words(in: "a b", mentions: []) == ["a", "b"])
    }

    @Test func bucketsAreStableAcrossRuns() {
        // FNV-1a, not Swift's per-process seeded Hasher: a model file means the same on every start.
        let features = TextFeatures(buckets: 1 << 18)
        #expect(features.bucket("w", "sukkel") == features.bucket("w", "sukkel"))
        #expect(features.bucket("w", "sukkel") == 23_308)  // computed independently with FNV-1a in Python
        #expect(features.bucket("w", "sukkel") != features.bucket("c", "sukkel"))
    }

    // MARK: Training and the decision

    static let examples: [ModelTraining.Example] = {
        let insults = ["jij bent een vieze sukkel", "wat een sukkel is die", "sukkel loser", "vieze loser ben jij"]
        let praise = ["jij bent een toppertje", "wat een fijne les was dat", "bedankt voor de les", "top gedaan"]
        return insults.map { .init(words: TextFeatures.words(in: $0, mentions: []), categories: [.insult]) }
            + praise.map { .init(words: TextFeatures.words(in: $0, mentions: []), categories: []) }
    }()

    static func smallModel() -> LinearModel {
        var training = ModelTraining()
        training.buckets = 1 << 12
        return training.train(examples)
    }

    @Test func aTrainedModelSeparatesWhatItLearned() {
        let model = Self.smallModel()
        let insult = model.scores(words: TextFeatures.words(in: "die sukkel", mentions: []))
        let praise = model.scores(words: TextFeatures.words(in: "fijne les", mentions: []))
        #expect(insult.categories[.insult]! > 0.7)
        #expect(praise.categories[.insult]! < 0.3)
        #expect(insult.any > praise.any)
        #expect(insult.words.first == "sukkel")
    }

    @Test func trainingIsReproducibleByteForByte() {
        #expect(Self.smallModel().fileBytes() == Self.smallModel().fileBytes())
    }

    @Test(arguments: [
        // (rules, linked, strength, expected tier), thresholds alert 0.9, review 0.5, veto 0.1
        (RulesVerdict(alert: true), true, 0.95, Tier.alert),
        (RulesVerdict(alert: true), false, 0.2, Tier.alert),
        (RulesVerdict(alert: true), true, 0.05, Tier.review),  // the model vouches against the rule
        (RulesVerdict(alert: true, critical: true), true, 0.05, Tier.alert),  // but not against a threat to kill
        (RulesVerdict(alert: true, brief: true), true, 0.05, Tier.alert),  // nor against a post of a few words
        (RulesVerdict(brief: true), true, 0.6, Tier.review),  // a short post the rules don't alert on: as before
        (RulesVerdict(), true, 0.95, Tier.alert),
        (RulesVerdict(cleared: true), true, 0.95, Tier.review),  // the rules read it as counter-speech
        (RulesVerdict(), true, 0.6, Tier.review),
        (RulesVerdict(), true, 0.4, Tier.none),
        (RulesVerdict(), false, 0.99, Tier.none),  // nobody of ours is named
    ])
    func tiers(rules: RulesVerdict, linked: Bool, strength: Double, tier: Tier) {
        let thresholds = ModelThresholds(alert: 0.9, review: 0.5, veto: 0.1)
        #expect(
            ModelDecision.tier(
                mode: .combined, rules: rules, linked: linked, strength: strength, thresholds: thresholds)
                == tier)
    }

    /// A post the model holds more likely than not a threat alerts from the threat threshold; any other
    /// post, or a threat the model doubts, needs the alert threshold; unlinked or cleared, never.
    @Test(arguments: [
        (0.8, 0.7, true, RulesVerdict(), Tier.alert),  // a likely threat at 0.8: over the threat threshold
        (0.8, 0.4, true, RulesVerdict(), .review),  // the same belief, not a likely threat
        (0.7, 0.9, true, RulesVerdict(), .review),  // a likely threat under the threat threshold
        (0.8, 0.9, false, RulesVerdict(), .none),  // no target
        (0.8, 0.9, true, RulesVerdict(cleared: true), .review),  // read as reported
    ])
    func aLikelyThreatAlertsFromTheThreatThreshold(
        strength: Double, threat: Double, linked: Bool, rules: RulesVerdict, tier: Tier
    ) {
        let thresholds = ModelThresholds(alert: 0.9, review: 0.5, veto: 0.1, threat: 0.75)
        #expect(
            ModelDecision.tier(
                mode: .combined, rules: rules, linked: linked, strength: strength, thresholds: thresholds,
                heads: [.threat: threat]) == tier)
        // Without a threat threshold (an older model file), a likely threat needs the alert threshold.
        let off = ModelThresholds(alert: 0.9, review: 0.5, veto: 0.1)
        #expect(
            ModelDecision.tier(
                mode: .combined, rules: rules, linked: linked, strength: strength, thresholds: off,
                heads: [.threat: threat]) == (tier == .alert ? .review : tier))
    }

    /// A category with a bar of its own alerts from it in a post whose head for the category is sure
    /// enough; not in one it doubts, and never for a category only a staff account can commit.
    @Test(arguments: [
        (0.8, [ProtocolCategory.stalking: 0.7], Tier.alert),  // likely stalking over its bar
        (0.8, [.stalking: 0.55], .review),  // the same belief, stalking not sure enough
        (0.7, [.stalking: 0.9], .review),  // likely stalking under its bar
        (0.8, [.insult: 0.9], .review),  // a category without a bar of its own
        (0.8, [.unauthorisedStatement: 0.9], .review),  // only a staff account commits it
    ])
    func aLikelyCategoryAlertsFromItsOwnBar(strength: Double, heads: [ProtocolCategory: Double], tier: Tier) {
        let thresholds = ModelThresholds(
            alert: 0.9, review: 0.5, veto: 0.1,
            categoryAlert: [
                .stalking: CategoryAlert(likely: 0.6, belief: 0.75),
                .unauthorisedStatement: CategoryAlert(likely: 0.6, belief: 0.75),
            ])
        #expect(
            ModelDecision.tier(
                mode: .combined, rules: RulesVerdict(), linked: true, strength: strength, thresholds: thresholds,
                heads: heads) == tier)
    }

    @Test(arguments: [
        ("Stop met juf Marieke een kankerwijf noemen, dat is gewoon pesten", true),
        ("Iemand schreef 'meneer El Amrani is een sukkel'. Walgelijk, ik heb het gemeld.", true),
        ("juf Marieke is een kankerwijf", false),  // counted: an alert, not cleared
        ("juf Marieke gaf vandaag een leuke les", false),  // no abuse read at all
        ("De leraren van De Zeehoek zijn niet stom, ze hebben gewoon te grote klassen", true),  // a mild word denied
        ("De leraren van De Zeehoek zijn stom", false),  // a mild word meant: not cleared (and no alert)
    ])
    func theRulesClearCounterSpeech(text: String, cleared: Bool) {
        let assessment = Classifier(config: WorldFixture.config, mode: .rules).assess(
            Post(id: "p", source: "forum", author: "x", text: text))
        #expect(assessment.rules.cleared == cleared, "\(assessment.categories.map(\.explanation))")
    }

    @Test func staffOnlyCategoriesCountOnlyInStaffPosts() {
        let scores = LinearModel.Scores(categories: [.confidentialInfo: 0.95, .insult: 0.1], any: 0.3, words: [])
        #expect(ModelDecision.strength(scores) == 0.3)  // "any" decides; categories only name the breach
        #expect(ModelDecision.categories(scores, namable: .init(byStaff: false)).map(\.0) == [.insult])
    }

    // MARK: The file

    @Test func theFileRoundTrips() throws {
        let model = Self.smallModel()
        let read = try LinearModel(fileBytes: model.fileBytes())
        #expect(read.header == model.header)
        #expect(read.weights == model.weights)
        let words = TextFeatures.words(in: "die sukkel", mentions: [])
        #expect(read.scores(words: words) == model.scores(words: words))
    }

    @Test func categoryBarsTravelInTheFileAndAnOlderFileHasNone() throws {
        var header = Self.smallModel().header
        #expect(ModelThresholds(header).categoryAlert.isEmpty)
        let bar = CategoryAlert(likely: 0.7, belief: 0.8)
        header.categoryAlertThresholds = ["stalking": bar, "no-such-category": bar]
        let model = Self.smallModel()
        let read = try LinearModel(
            fileBytes: LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
                .fileBytes())
        #expect(ModelThresholds(read.header).categoryAlert == [.stalking: bar])
    }

    /// The alert score travels in the header; one of another length is another build's and refused.
    @Test func theAlertScoreTravelsInTheFileAndAMismatchedOneIsRefused() throws {
        let model = Self.smallModel()
        func written(_ score: AlertScore) -> [UInt8] {
            var header = model.header
            header.alertScore = score
            return LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
                .fileBytes()
        }
        let score = AlertScore(weights: (0..<AlertScore.featureCount).map { Double($0) / 10 }, threshold: 0.93)
        #expect(ModelThresholds(try LinearModel(fileBytes: written(score)).header).alertScore == score)
        #expect(ModelThresholds(model.header).alertScore == nil)
        #expect(
            throws: ModelFileError.mismatched(
                "alert score of 3 weights, this build reads \(AlertScore.featureCount)")
        ) {
            try LinearModel(fileBytes: written(AlertScore(weights: [1, 2, 3], threshold: 0.9)))
        }
    }

    @Test func aDamagedFileIsRefusedWithTheReason() {
        var bytes = Self.smallModel().fileBytes()
        #expect(throws: ModelFileError.notAModel) { try LinearModel(fileBytes: Array("hello world!".utf8)) }
        #expect(throws: ModelFileError.corrupt("checksum does not match (truncated or damaged)")) {
            try LinearModel(fileBytes: Array(bytes.dropLast(100)))
        }
        bytes[200] ^= 0xff
        #expect(throws: ModelFileError.corrupt("checksum does not match (truncated or damaged)")) {
            try LinearModel(fileBytes: bytes)
        }
    }

    @Test func aModelOfAnotherSchemeIsRefused() throws {
        let model = Self.smallModel()
        var header = model.header
        header.scheme = TextFeatures.scheme + 1
        let other = LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
        #expect(
            throws: ModelFileError.mismatched(
                "feature scheme \(header.scheme), this build reads \(TextFeatures.scheme)")
        ) {
            try LinearModel(fileBytes: other.fileBytes())
        }
    }
}
