import Foundation
import Testing

@testable import MentionConfig

/// Values are trimmed of white space at their ends; most need none, and skip Foundation's trimming
/// (`YAMLReader.trimmed`). These hold the short way to Foundation's.
struct TrimmedValueTests {
    @Test(arguments: [
        "", " ", "a", "ab", " a", "a ", "\ta\t", "a b", "https://a.example/rss", "\u{00A0}x\u{00A0}", "\u{3000}x",
        "x\u{2028}", "é", "é ", " é", "x\n", "\ny", "~", "07:30", "!", "a\u{0301}",
    ])
    func trimmingIsFoundations(text: String) {
        #expect(YAMLReader.trimmed(text) == text.trimmingCharacters(in: .whitespaces))
    }

}
