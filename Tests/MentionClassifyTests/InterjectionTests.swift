import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// A curse that opens its sentence alone, or with "zeg", "joh", before a comma or the sentence's end,
/// is swearing, aimed at nobody (cues.txt `interjection` and `exclaim`); a post whose only abuse is
/// such a curse is cleared, so the model alone cannot alarm the MT on it.
struct InterjectionTests {
    static let classifier = Classifier(config: WorldFixture.config)

    @Test(arguments: [
        ("Tering, ik ben mijn sleutels kwijt en juf Marieke wacht al.", true, true),
        ("Kanker zeg, het regent weer en meneer El Amrani wil buiten gym geven.", true, true),
        ("Fuck, I forgot my PE kit and meneer El Amrani will be mad.", true, true),
        ("Weer regen vandaag. Kanker. Juf Marieke heeft gelijk hoor.", true, true),  // a sentence of its own
        ("Kanker juf Marieke, je bent te laat", false, false),  // the clause goes on: at her
        ("Juf Marieke, kanker, ga weg", false, false),  // not where the sentence opens
        ("Kanker, die juf Marieke is een heks", true, false),  // swearing, and a witch besides
    ])
    func aCurseThatOpensItsSentenceAloneIsSwearing(_ text: String, _ interjection: Bool, _ cleared: Bool) {
        let hits = Self.classifier.hits(in: Post(id: "t", source: "forum", text: text)).hits
        let curses = hits.filter { $0.category == .insult && $0.lowered == .interjection }
        #expect(
            !curses.isEmpty == interjection,
            "\(text): \(hits.map { "\($0.category) \(String(describing: $0.lowered))" })")
        #expect(Classifier.isCleared(hits) == cleared, "\(text)")
    }
}
