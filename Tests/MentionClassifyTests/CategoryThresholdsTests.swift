import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Which categories the model names, from a bar per category (docs/model.md, "Naming the breach").
struct CategoryThresholdsTests {
    static let scores = LinearModel.Scores(
        categories: [.insult: 0.52, .threat: 0.58, .discrimination: 0.3, .forwarding: 0.45, .confidentialInfo: 0.9],
        any: 0.97, words: [])

    @Test func theStandardBarsNameWhatIsMoreLikelyThanNot() {
        #expect(ModelDecision.categories(Self.scores, byStaff: false).map(\.0) == [.threat, .insult])
        // Beside a rule's alert only forwarding joins, from 0.5.
        #expect(ModelDecision.joining(Self.scores, byStaff: false, found: [], thresholds: .standard).isEmpty)
        let forwarded = LinearModel.Scores(categories: [.forwarding: 0.6, .insult: 0.99], any: 0.9, words: [])
        #expect(
            ModelDecision.joining(forwarded, byStaff: false, found: [.threat], thresholds: .standard).map(\.0)
                == [.forwarding])
    }

    @Test func eachCategoryIsNamedFromItsOwnBar() {
        let bars = CategoryThresholds(naming: ["threat": 0.6, "forwarding": 0.4], joining: [:])
        #expect(
            ModelDecision.categories(Self.scores, byStaff: false, thresholds: bars).map(\.0) == [.insult, .forwarding])
        // Nothing at its bar: the category nearest its bar, so a finding always names one.
        let high = CategoryThresholds(naming: ["insult": 0.9, "threat": 0.6, "forwarding": 0.9], joining: [:])
        #expect(ModelDecision.categories(Self.scores, byStaff: false, thresholds: high).map(\.0) == [.threat])
        // Only a staff account can leak: its bar does not matter in anyone else's post.
        let staff = CategoryThresholds(naming: ["confidential_info": 0.1], joining: [:])
        #expect(
            !ModelDecision.categories(Self.scores, byStaff: false, thresholds: staff).map(\.0).contains(
                .confidentialInfo))
        #expect(
            ModelDecision.categories(Self.scores, byStaff: true, thresholds: staff).map(\.0).first == .confidentialInfo)
    }

    @Test func aCategoryJoinsARuleAlertFromItsBarUnlessTheRulesFoundIt() {
        let bars = CategoryThresholds(naming: [:], joining: ["insult": 0.5, "threat": 0.6, "confidential_info": 0.5])
        #expect(ModelDecision.joining(Self.scores, byStaff: false, found: [], thresholds: bars).map(\.0) == [.insult])
        #expect(ModelDecision.joining(Self.scores, byStaff: false, found: [.insult], thresholds: bars).isEmpty)
        #expect(
            ModelDecision.joining(Self.scores, byStaff: true, found: [], thresholds: bars).map(\.0)
                == [.confidentialInfo, .insult])
    }

    @Test func theBarsTravelInTheModelFileAndAnOlderFileHasTheStandardOnes() throws {
        let model = LearnedModelTests.smallModel()
        #expect(model.header.categoryThresholds == nil)
        var header = model.header
        header.categoryThresholds = CategoryThresholds(naming: ["insult": 0.45], joining: ["threat": 0.85])
        let file = LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
        let read = try LinearModel(fileBytes: file.fileBytes())
        #expect(read.header.categoryThresholds == header.categoryThresholds)
        let classifier = Classifier(
            matcher: Matcher(school: WorldFixture.config.school, staff: []),
            lexicon: WorldFixture.config.classification.lexicon, minSeverity: .medium,
            model: read)
        #expect(classifier.thresholds.categories.naming(.insult) == 0.45)
        let older = Classifier(
            matcher: Matcher(school: WorldFixture.config.school, staff: []),
            lexicon: WorldFixture.config.classification.lexicon, minSeverity: .medium,
            model: model)
        #expect(older.thresholds.categories == .standard)
    }

    /// The choice scores the bars by replaying what the classifier would name: that replay must agree
    /// with the classifier itself, or the bars are chosen for a decision that is not the one made.
    @Test(.enabled(if: Paths.sharedIsPresent, "../shared is absent: world.yaml (the fictional school) is not there"))
    func theChoiceAgreesWithTheClassifierAndNeverNamesWorse() throws {
        let posts = try Paths.labelledLines(corpusEvery: 12, supportEvery: 2).map {
            try JSONDecoder().decode(LabelledPost.self, from: Data($0.utf8))
        }
        var training = ModelTraining()
        training.buckets = 1 << 15
        training.epochs = 4
        var validation = CrossValidation(
            posts: posts, rules: Classifier(config: WorldFixture.config, mode: .rules), training: training, folds: 3)
        validation.run()
        var thresholds = validation.chooseThresholds(maxFalseAlertRate: 0.02, reviewRecall: 0.97, reviewFloor: 0.2)
        let standard = validation.scoring(thresholds: thresholds, mode: .combined).macroF1
        #expect(abs(CrossValidation.macroF1(validation.namings(thresholds), .standard) - standard) < 1e-9)
        thresholds.categories = validation.chooseCategoryThresholds(thresholds)
        let chosen = validation.scoring(thresholds: thresholds, mode: .combined).macroF1
        #expect(abs(CrossValidation.macroF1(validation.namings(thresholds), thresholds.categories) - chosen) < 1e-9)
        #expect(chosen >= standard)
        print("category macro-F1 on \(posts.count) posts: standard bars \(standard), chosen \(chosen)")
    }
}
