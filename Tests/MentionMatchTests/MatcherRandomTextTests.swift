import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// Texts strung together at random (a fixed seed) from name words, honorifics, context words and
/// characters that sit on the normaliser's edges: the matcher must not trap, every mention must
/// point at the text it names, and both ways into the matcher must find the same.
struct MatcherRandomTextTests {
    let matcher = Matcher(
        school: WorldFixture.config.school, staff: WorldFixture.config.staff, compoundHeads: ["kanker", "inval"])

    static let pieces = [
        "Marieke", "Verbeek", "Verbeeck", "Smit", "Jan", "de", "Vries", "El", "Amrani", "Hoekstra", "Hoekstar",
        "Mulder", "mldr", "Dirk-Jan", "Yılmaz", "Oosterhuis", "Zeehoek", "De Zeehoek", "#DeZeehoek", "@prozeehoek",
        "juf", "meneer", "mevr.", "kankerjuf", "de docenten", "het MT", "de gymleraar", "school", "klas", "14",
        "2B", "basisschool De Regenboog", "Transport", "wethouder", "M.", "Z e e h o e k", "is", "een", "sukkel",
        " ", " ", " ", ". ", ", ", "\n", "-", "@", "$", "😂", "½", "ﬃ", "é", "Ö", "\u{200B}", "\u{0301}", "а",
    ]

    @Test func randomTextsGiveMentionsThatPointAtTheirText() {
        var found = 0
        let texts = randomTexts(from: Self.pieces, count: 3_000, longest: 14, seed: 0xC0FFEE)
        for (round, text) in texts.enumerated() {
            let post = Post(id: "r", title: round % 5 == 0 ? "juf" : "", text: text, schoolSpecific: round % 3 == 0)
            let scalars = Array(post.matchText.unicodeScalars)
            let mentions = matcher.mentions(in: post)
            let possible = matcher.possibleMentions(in: post)
            for mention in mentions + possible {
                #expect(0 <= mention.start && mention.start <= mention.end && mention.end <= scalars.count, "\(text)")
                guard mention.end <= scalars.count, mention.start <= mention.end else { continue }
                #expect(String(scalars: scalars[mention.start..<mention.end]) == mention.surface, "\(text)")
            }
            #expect(mentions == Matcher.inTextOrder(mentions), "\(text)")
            // The classifier's way in, with the tokens already split, finds the same.
            let tokens = MatchText.tokens(post.matchText)
            #expect(matcher.mentions(in: post, text: post.matchText, tokens: tokens) == mentions, "\(text)")
            found += mentions.count
        }
        #expect(found > 1_000, "\(found) mentions in 3,000 texts")
    }
}
