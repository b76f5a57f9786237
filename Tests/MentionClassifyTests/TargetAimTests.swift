import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Abuse aimed at more than one named person (issue 13 item 5): a group of the school's staff, a
/// role, and the school as a building named back ("die tent").
struct TargetAimTests {
    static let classifier = Classifier(config: WorldFixture.config)

    static func assess(_ text: String) -> Assessment {
        classifier.assess(Post(id: "t", source: "forum", text: text))
    }

    @Test(arguments: [
        ("Ik zat op De Zeehoek. De leraren daar zijn kankerlijers", ProtocolTrack.a, "De leraren daar"),
        ("Ik zat op De Zeehoek. Het MT is een stelletje kankerlijers", .a, "Het MT"),
        ("Ik zat op De Zeehoek. Ik steek die tent in de fik", .a, "De Zeehoek"),
        ("Praktijkschool De Zeehoek, jaja. Morgen zet ik het gebouw in brand", .a, "Praktijkschool De Zeehoek"),
        ("Ik zat op De Zeehoek. De gymleraar is een kankerlijer", .b, "De gymleraar"),
        ("De Zeehoek: de mentor van 2B is een kankerwijf", .b, "de mentor van 2B"),
    ])
    func aimsAtTheTarget(_ text: String, _ track: ProtocolTrack, _ surface: String) {
        let assessment = Self.assess(text)
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.track == track)
        #expect(assessment.categories.contains { $0.explanation.contains(surface) }, "\(assessment.categories)")
    }

    @Test(arguments: [
        "Het MT is een stelletje kankerlijers",  // whose MT? no school in the post
        "De gymleraar is een kankerlijer",
        "Ik steek die tent in de fik",  // no school named before
        "Het MT van het Baken-college is een stelletje kankerlijers. Gelukkig zit ik op De Zeehoek",
        "Ik zat op De Zeehoek. Mijn broertje zet die tent in de fik",  // about someone else
    ])
    func aimsAtNoOne(_ text: String) {
        let assessment = Self.assess(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
    }
}
