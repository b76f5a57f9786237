import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// The model names discrimination only in a post with a sign of a protected trait, and forwarding
/// only in a post that passes something on (`CategorySigns`, docs/model.md "Signs"). Each row is a
/// general shape with a post that shows the sign and one that does not.
struct CategorySignsTests {
    static let classifier = Classifier(config: WorldFixture.config)

    static func unsigned(_ text: String) -> Set<ProtocolCategory> {
        classifier.hits(in: Post(id: "t", source: "forum", author: "x", text: text)).unsigned
    }

    @Test(arguments: [
        // a group named, an identity word, a slur the rules know, "go back to"
        ("die moslims van De Zeehoek moeten weg", true),
        ("Die allochtone kinderen van De Zeehoek horen hier niet", true),
        ("meneer El Amrani is een zandneger", true),
        ("Mr Mulder should go back to his own country", true),
        ("the headmistress at De Zeehoek should be home raising kids, not bossing men around", true),
        // threats, insults and exclusion with no trait named
        ("Mr De Vries from De Zeehoek should watch his back", false),
        ("Iemand als juf Marieke hoort niet voor de klas", false),
        ("Die leraren van De Zeehoek zijn luie zakken", false),
    ])
    func discriminationNeedsASignOfATrait(_ text: String, _ signed: Bool) {
        #expect(Self.unsigned(text).contains(.discrimination) == !signed, "\(text)")
    }

    @Test(arguments: [
        ("kijk wat iemand over juf Marieke zei: ze is een heks", true),
        ("RT @troll: meneer Mulder is een loser", true),
        ("stuur dit door naar iedereen: meneer Mulder is ontslagen", true),
        ("mijn broer zegt dat juf Marieke dronken was", true),
        ("> juf Marieke is een heks\n\nhaha precies dit", true),
        ("[Anja] wie is die juf?\n[Peter] juf Marieke, die trut", true),
        ("dit gaat rond op snap: een filmpje van meester Youssef 🔁", true),
        ("Juf Marieke is een heks, weg ermee", false),
        ("What a stupid witch the head of De Zeehoek is", false),
        ("Meneer Mulder heeft weer niks nagekeken", false),
    ])
    func forwardingNeedsSomethingPassedOn(_ text: String, _ signed: Bool) {
        #expect(Self.unsigned(text).contains(.forwarding) == !signed, "\(text)")
    }

    /// The model's naming and joining leave out what the post shows no sign of, however sure the head.
    @Test func theModelNamesNoCategoryWithoutItsSign() {
        let scores = LinearModel.Scores(
            categories: [.insult: 0.4, .threat: 0.9, .discrimination: 0.95, .forwarding: 0.8], any: 0.99, words: [])
        let bars = CategoryThresholds(naming: [:], joining: ["discrimination": 0.5, "forwarding": 0.5])
        #expect(
            ModelDecision.categories(scores, byStaff: false, thresholds: bars).map(\.0)
                == [.discrimination, .threat, .forwarding])
        #expect(
            ModelDecision.categories(
                scores, byStaff: false, thresholds: bars, unsigned: [.discrimination, .forwarding]
            ).map(\.0) == [.threat])
        #expect(
            ModelDecision.joining(scores, byStaff: false, found: [.threat], thresholds: bars).map(\.0)
                == [.discrimination, .forwarding])
        #expect(
            ModelDecision.joining(
                scores, byStaff: false, found: [.threat], thresholds: bars, unsigned: [.discrimination]
            ).map(\.0) == [.forwarding])
        // Nothing signed at its bar: the nearest of the rest, never an unsigned one.
        let unsure = LinearModel.Scores(categories: [.insult: 0.3, .discrimination: 0.49], any: 0.99, words: [])
        #expect(
            ModelDecision.categories(unsure, byStaff: false, thresholds: bars, unsigned: [.discrimination]).map(\.0)
                == [.insult])
    }

    /// With the shipped model: a threat with no trait named is no discrimination, a slur is.
    @Test func theShippedModelNamesDiscriminationOnlyWithASign() {
        let threat = ShippedModelTests.assess("Mr De Vries from De Zeehoek should watch his back on the way home")
        #expect(threat.tier != .none)
        #expect(!threat.categories.contains { $0.category == .discrimination })
        let slur = ShippedModelTests.assess("All those Muslim teachers at De Zeehoek are ruining the place")
        #expect(slur.categories.contains { $0.category == .discrimination && $0.severity > .low })
    }
}
