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
        #expect(ModelDecision.categories(Self.scores, namable: .init(byStaff: false)).map(\.0) == [.threat, .insult])
        // Beside a rule's alert only forwarding joins, from 0.5.
        #expect(
            ModelDecision.joining(Self.scores, namable: .init(byStaff: false), found: [], thresholds: .standard).isEmpty
        )
        let forwarded = LinearModel.Scores(categories: [.forwarding: 0.6, .insult: 0.99], any: 0.9, words: [])
        #expect(
            ModelDecision.joining(forwarded, namable: .init(byStaff: false), found: [.threat], thresholds: .standard)
                .map(\.0)
                == [.forwarding])
    }

    @Test func eachCategoryIsNamedFromItsOwnBar() {
        let bars = CategoryThresholds(naming: ["threat": 0.6, "forwarding": 0.4], joining: [:])
        #expect(
            ModelDecision.categories(Self.scores, namable: .init(byStaff: false), thresholds: bars).map(\.0) == [
                .insult, .forwarding,
            ])
        // Nothing at its bar: the category nearest its bar, so a finding always names one.
        let high = CategoryThresholds(naming: ["insult": 0.9, "threat": 0.6, "forwarding": 0.9], joining: [:])
        #expect(
            ModelDecision.categories(Self.scores, namable: .init(byStaff: false), thresholds: high).map(\.0) == [
                .threat
            ])
        // Only a staff account can leak: its bar does not matter in anyone else's post.
        let staff = CategoryThresholds(naming: ["confidential_info": 0.1], joining: [:])
        #expect(
            !ModelDecision.categories(Self.scores, namable: .init(byStaff: false), thresholds: staff).map(\.0).contains(
                .confidentialInfo))
        #expect(
            ModelDecision.categories(Self.scores, namable: .init(byStaff: true), thresholds: staff).map(\.0).first
                == .confidentialInfo)
    }

    @Test func forwardingIsNamedOnlyInAPostThatShowsItPassesSomethingOn() {
        let bars = CategoryThresholds(naming: ["forwarding": 0.4], joining: ["forwarding": 0.25])
        let shown = NamableCategories(byStaff: false, passesOn: true)
        let notShown = NamableCategories(byStaff: false, passesOn: false)
        #expect(ModelDecision.categories(Self.scores, namable: shown, thresholds: bars).map(\.0).contains(.forwarding))
        #expect(
            !ModelDecision.categories(Self.scores, namable: notShown, thresholds: bars).map(\.0).contains(.forwarding))
        #expect(
            ModelDecision.joining(Self.scores, namable: shown, found: [], thresholds: bars).map(\.0) == [.forwarding])
        #expect(ModelDecision.joining(Self.scores, namable: notShown, found: [], thresholds: bars).isEmpty)
    }

    @Test(arguments: [
        ("kijk wat iemand over juf Marieke zegt: ze is een heks", true),
        ("'die zeehoek leerlingen zijn beesten' dit gaat echt rond", true),
        ("voor wie het gemist heeft 👇 het kenteken van de directrice", true),
        ("ze hebben een filmpje van meneer Mulder in de groep gezet", true),
        ("Mr Mulder is a creep, my brother said", true),
        ("What a st8pid b1tch the head of De Zeehoek is.", false),
        ("De techniekleraar van PrO Zeehoek dealt wiet vanuit de werkplaats.", false),
    ])
    func aPostShowsWhetherItPassesSomethingOn(text: String, shown: Bool) {
        let classifier = Classifier(config: WorldFixture.config, mode: .rules)
        #expect(classifier.hits(in: Post(id: "p", source: "forum", author: "x", text: text)).namable.passesOn == shown)
    }

    @Test func discriminationWithoutAGroundWordNeedsTheModelNearlySure() {
        let bars = CategoryThresholds(naming: ["discrimination": 0.5], joining: ["discrimination": 0.4])
        let grounded = NamableCategories(byStaff: false, namesAGround: true)
        let ungrounded = NamableCategories(byStaff: false, namesAGround: false)
        let likely = LinearModel.Scores(categories: [.discrimination: 0.8, .insult: 0.3], any: 0.9, words: [])
        let sure = LinearModel.Scores(categories: [.discrimination: 0.95, .insult: 0.3], any: 0.9, words: [])
        #expect(ModelDecision.categories(likely, namable: grounded, thresholds: bars).map(\.0) == [.discrimination])
        // Nothing at its bar: the nearest namable category is named instead.
        #expect(ModelDecision.categories(likely, namable: ungrounded, thresholds: bars).map(\.0) == [.insult])
        #expect(ModelDecision.categories(sure, namable: ungrounded, thresholds: bars).map(\.0) == [.discrimination])
        #expect(ModelDecision.joining(likely, namable: ungrounded, found: [.insult], thresholds: bars).isEmpty)
        #expect(
            ModelDecision.joining(likely, namable: grounded, found: [.insult], thresholds: bars).map(\.0)
                == [.discrimination])
    }

    @Test(arguments: [
        ("Die hoofddoek van juf Yılmaz hoort hier niet", true),
        ("Meester Youssef moet terug naar zijn eigen land", true),
        ("Mr El Amrani can't even speak proper Dutch with that accent", true),
        ("Sanne Hoekstra in haar rolstoel kan toch geen veiligheid regelen", true),
        ("die kankermarokkaan van De Zeehoek", true),  // no ground word, but a discrimination hit
        ("Zo'n luie vent als Oosterhuis hoort niet voor de klas", false),
        ("People like Mr Mulder shouldn't be allowed to teach", false),
    ])
    func aPostShowsWhetherItNamesAProtectedGround(text: String, named: Bool) {
        let classifier = Classifier(config: WorldFixture.config, mode: .rules)
        #expect(
            classifier.hits(in: Post(id: "p", source: "forum", author: "x", text: text)).namable.namesAGround == named)
    }

    /// `ProtectedGround` looks its lists up word by word: a phrase of more words ("zwarte mensen") counts
    /// through a word of it that is a one-word phrase too, or it would be passed over.
    @Test func everyGroundPhraseHasAWordTheLookUpFinds() {
        let ground = ProtectedGround(.builtIn)
        for list in ProtectedGround.lists {
            let phrases = Lexicon.builtIn.cues[list] ?? []
            #expect(!phrases.isEmpty, "\(list)")
            for phrase in phrases where phrase.items.count > 1 {
                let words = phrase.items.flatMap { item -> [String] in
                    switch item {
                    case .word(.exact(let word)): [word]
                    case .word(.oneOf(let words)): Array(words)
                    default: []
                    }
                }
                #expect(words.contains(where: ground.covers), "\(list): \(words)")
            }
        }
        #expect(ground.covers("hoofddoek") && ground.covers("hoofddoeken") && !ground.covers("hoofd"))
    }

    @Test func aCategoryJoinsARuleAlertFromItsBarUnlessTheRulesFoundIt() {
        let bars = CategoryThresholds(naming: [:], joining: ["insult": 0.5, "threat": 0.6, "confidential_info": 0.5])
        #expect(
            ModelDecision.joining(Self.scores, namable: .init(byStaff: false), found: [], thresholds: bars).map(\.0)
                == [.insult])
        #expect(
            ModelDecision.joining(Self.scores, namable: .init(byStaff: false), found: [.insult], thresholds: bars)
                .isEmpty)
        #expect(
            ModelDecision.joining(Self.scores, namable: .init(byStaff: true), found: [], thresholds: bars).map(\.0)
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
