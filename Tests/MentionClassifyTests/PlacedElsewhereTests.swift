import Testing

@testable import MentionClassify
@testable import MentionMatch

/// A post that places its possible target at another school, a workplace, in a story, in the writer or
/// as the writer's own keeps it in review (`PlacedElsewhere`); one that only says where someone was or posted does not.
struct PlacedElsewhereTests {
    /// The possible target: the text's first "directrice", "gymleraar" or "Verbeeck", from its article.
    static func target(in text: String) -> Mention {
        let scalars = Array(text.unicodeScalars)
        for word in [
            "de directrice", "die directrice", "de gymleraar", "die gymleraar", "mijn directrice", "the principal",
            "Verbeeck",
        ] {
            let key = Array(word.unicodeScalars)
            guard key.count <= scalars.count else { continue }
            for start in 0...(scalars.count - key.count) where Array(scalars[start..<start + key.count]) == key {
                return Mention(entity: "staff-04", surface: word, start: start, end: start + key.count, rule: .role)
            }
        }
        Issue.record("no target in '\(text)'")
        return Mention(entity: "staff-04", surface: "", start: 0, end: 0, rule: .role)
    }

    @Test(arguments: [
        "bij De Wissel in Oostmeer is die gymleraar een vieze pedo",  // another school, by its name
        "op Sint Jozef is de gymleraar een vieze pedo",
        "Hopelijk krijgt die directrice uit Noordhaven een hartaanval.",  // from another town (2026.12.70)
        "the principal from Oakfield Academy is a fucking bitch",
        "Leraar op een vmbo in Brabant hier: de directrice is een kankerwijf",  // a kind of school
        "op mijn vorige school was de gymleraar een vieze pedo",
        "the principal in my sister's school is a fucking bitch",
        "bij mijn werk is de directrice een vieze hoer",  // a workplace
        "op kantoor is de directrice een vieze hoer",
        "in het bejaardentehuis is de directrice een kankerwijf",
        "in de serie is de directrice een vieze hoer, beste karakter",  // a story
        "net Matilda gekeken, die directrice is een vieze vette heks",
        "ik ben de gymleraar en ik word uitgescholden",  // the writer
        "mijn directrice is een vieze hoer",  // the writer's own
    ])
    func anotherPlaceStoryOrTheWriter(_ text: String) {
        #expect(PlacedElsewhere.says(text, possible: Self.target(in: text)))
    }

    @Test(arguments: [
        "de directrice is een vieze hoer",
        "die gymleraar op school is een vieze pedo",  // the school itself
        "wat doet die gymleraar op onze school, vieze aap",  // ours may be this one
        "ik zag de directrice in de winkel, ze kocht weer wijn",  // where she was seen
        "stuur de directrice een berichtje op Insta, laat haar maar weten wat je vindt",  // where one posts
        "wie filmt morgen bij Verbeeck als ze weer begint te janken",  // the target's own name
        "als de directrice niet oppast, staan we bij haar voor de deur",
    ])
    func notElsewhere(_ text: String) {
        #expect(!PlacedElsewhere.says(text, possible: Self.target(in: text)))
    }
}
