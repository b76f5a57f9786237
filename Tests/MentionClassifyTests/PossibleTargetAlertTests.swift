import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// A possible target that points at one person or at the school (a role only one staff member has, a
/// misspelt name alone, the school's bare name) alerts where the model is sure of abuse; groups,
/// first names alone and common names stay in review (docs/model.md, "Possible targets").
struct PossibleTargetAlertTests {
    static func mention(_ rule: MentionRule, _ entity: String, glued: Bool = false) -> Mention {
        Mention(entity: entity, surface: "x", start: 0, end: 1, rule: rule, glued: glued)
    }

    @Test(arguments: [
        (mention(.role, "staff-04"), true),  // "die directrice"
        // The writer's own.
        (Mention(entity: "staff-04", surface: "mijn directrice", start: 0, end: 15, rule: .role), false),
        (Mention(entity: "staff-03", surface: "My gym teacher", start: 0, end: 14, rule: .role), false),
        (mention(.misspelling, "staff-08"), true),  // "Oosterhuys"
        (mention(.alias, "school"), true),  // "zeehoek"
        (mention(.name, "school"), true),
        (mention(.group, "school"), false),  // "die juf", "de leraren": any school has them
        (mention(.firstName, "staff-05"), false),  // "Sanne"
        (mention(.surname, "staff-02"), false),  // "De Vries": a common name
        (mention(.honorific, "staff-02"), false),
        (mention(.accountName, "school"), false),  // an account named after the school
        (mention(.role, "staff-04", glued: true), false),  // inside a word: too unsure where it is
        (Mention(entity: "school", surface: "x", start: 0, end: 0, rule: .author), false),
    ])
    func whichPossibleTargetsPointAtOne(_ possible: Mention, _ expected: Bool) {
        #expect(Classifier.pointsAtOne(possible, in: "x is een vieze hoer") == expected)
    }

    @Test func theBarNeedsASureModelAndNothingReadAsNegated() {
        var thresholds = ModelThresholds(alert: 0.95, review: 0.2)
        #expect(!ModelDecision.alertsAtPossibleTarget(rules: RulesVerdict(), strength: 0.999, thresholds))  // never
        thresholds.possibleAlert = 0.9
        #expect(ModelDecision.alertsAtPossibleTarget(rules: RulesVerdict(), strength: 0.9, thresholds))
        #expect(!ModelDecision.alertsAtPossibleTarget(rules: RulesVerdict(), strength: 0.89, thresholds))
        #expect(!ModelDecision.alertsAtPossibleTarget(rules: RulesVerdict(cleared: true), strength: 0.99, thresholds))
        // The tier: only for a post not linked whose possible target points at one.
        let score = AlertScore(weights: Array(repeating: 0, count: AlertScore.featureCount), threshold: 0.9)
        for alertScore in [nil, score] {
            thresholds.alertScore = alertScore
            func tier(linked: Bool, pointsAtOne: Bool) -> Tier {
                ModelDecision.tier(
                    mode: .combined, rules: RulesVerdict(), linked: linked, strength: 0.95, thresholds: thresholds,
                    pointsAtOne: pointsAtOne)
            }
            #expect(tier(linked: false, pointsAtOne: true) == .alert)
            #expect(tier(linked: false, pointsAtOne: false) == Tier.none)
        }
    }

    @Test(arguments: [
        ("die directrice is een vieze vuile kankerhoer", "die directrice", "staff-04"),  // a role
        ("de gymleraar is een vieze pedo die aan kinderen zit", "de gymleraar", "staff-03"),
        ("zeehoek gaat morgen in de fik, blijf maar thuis", "zeehoek", "school"),  // the bare name
        ("Oosterhuys is een vieze vuile pedo", "Oosterhuys", "staff-08"),  // a misspelt name alone
        ("die juf van zorg is een vuile trut", "die juf van zorg", "staff-07"),  // a title and a subject
        ("meester van gym is een vuile sukkel", "meester van gym", "staff-03"),  // a title needs no article
        ("zeg tegen die gymleraar van jullie dat hij een vuile sukkel is", "die gymleraar van jullie", "staff-03"),
    ])
    func sureAbuseAtOneAlerts(_ text: String, _ surface: String, _ entity: String) {
        let assessment = ShippedModelTests.assess(text)
        #expect(assessment.tier == .alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.mentions.contains { $0.entity == entity && $0.surface == surface })
        #expect(
            assessment.categories.contains {
                $0.explanation.contains(
                    entity == "school"
                        ? "over de school ('\(surface)')"
                        : "gericht aan '\(surface)': de school wordt niet genoemd, maar")
            }, "\(assessment.categories.map(\.explanation))")
        #expect(!assessment.categories.contains { $0.explanation.contains(Explanation.aimedAtNoOne) })
    }

    /// A possible target that points at one comes first, whatever the order of the words; what the rules
    /// set aside keeps its own explanation.
    @Test(arguments: [
        "die juf en de directrice zijn allebei vieze hoeren", "de directrice en die juf zijn allebei vieze hoeren",
    ])
    func theOneThatPointsAtOneDecides(_ text: String) {
        let assessment = ShippedModelTests.assess(text)
        #expect(assessment.tier == .alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.mentions.contains { $0.surface == "de directrice" && $0.rule == .role })
    }

    @Test func aFindingTheRulesSetAsideGetsNoTarget() {
        let assessment = ShippedModelTests.assess("de gymleraar is geen pedo maar wel een vieze kankerlijer")
        #expect(assessment.tier == .alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.categories.contains { $0.explanation.contains("geen melding: ontkenning") })
        for finding in assessment.categories where finding.explanation.contains("geen melding") {
            #expect(!finding.explanation.contains("gericht aan 'de gymleraar'"), "\(finding.explanation)")
        }
    }

    @Test(arguments: [
        "die juf is een vieze vuile kankerhoer",  // a group word: any school's
        "op mijn vorige school was de gymleraar een vieze pedo",  // placed elsewhere (PlacedElsewhereTests)
        "De Vries van de techniekles is een vieze vuile kankerlijer",  // a common surname alone
        "sanne is een vieze vuile kankerhoer",  // a first name alone
    ])
    func sureAbuseAtAGroupOrAFirstNameIsReviewed(_ text: String) {
        let assessment = ShippedModelTests.assess(text)
        #expect(assessment.tier == .review, "\(assessment.categories.map(\.explanation))")
    }

    /// `classification.possible_alert_threshold: 1` keeps every possible target in review.
    @Test func theConfigCanKeepThemInReview() {
        var config = WorldFixture.config
        config.classification.model = ShippedModelTests.classifier.model
        config.classification.possibleAlertThreshold = 1
        let assessment = Classifier(config: config).assess(
            Post(id: "t", text: "die directrice is een vieze vuile kankerhoer"))
        #expect(assessment.tier == .review, "\(assessment.categories.map(\.explanation))")
        #expect(!assessment.mentions.contains { $0.rule == .role })
    }

    /// The bar travels in the model file's header; a file without one (before 2026.12.66) never alerts.
    @Test func theBarTravelsInTheModelFile() throws {
        let model = LearnedModelTests.smallModel()
        var header = model.header
        header.possibleAlertThreshold = 0.85
        let read = try LinearModel(
            fileBytes: LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
                .fileBytes())
        #expect(ModelThresholds(read.header).possibleAlert == 0.85)
        header.possibleAlertThreshold = nil
        #expect(ModelThresholds(header).possibleAlert == 1)
    }

    /// Training chooses the bar with the alert score's threshold, under the same budget: here the bar that
    /// alerts the 20 sure breaches at a role and none of the 3 harmless posts at one (1 false alert allowed).
    @Test func trainingChoosesTheBarWithinTheBudget() throws {
        var cases: [(alert: Bool, strength: Double, linked: Bool, pointsAtOne: Bool)] = []
        cases += Array(repeating: (true, 0.97, true, false), count: 30)
        cases += Array(repeating: (false, 0.05, true, false), count: 95)
        cases += Array(repeating: (true, 0.95, false, true), count: 20)
        cases += Array(repeating: (false, 0.6, false, true), count: 3)
        cases += Array(repeating: (false, 0.99, false, false), count: 5)  // a group: never
        let validation = try AlertScoreTests.crossValidation(cases)
        let choice = validation.chooseAlertScore(maxFalseAlertRate: 0.01, veto: 0.2, review: 0.2)
        #expect(choice.possibleAlert == 0.95)
        #expect(choice.alerts == 50)
        #expect(choice.falseAlerts == 0)
        #expect(choice.withoutPossibleAlert.alerts == 30)
    }
}
