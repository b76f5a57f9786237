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
        var state: UInt64 = 0xC0FFEE
        func next(_ bound: Int) -> Int {  // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        var found = 0
        for round in 0..<3_000 {
            let text = (0..<next(14)).map { _ in Self.pieces[next(Self.pieces.count)] }.joined()
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
