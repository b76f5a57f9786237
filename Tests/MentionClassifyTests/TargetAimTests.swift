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
        // A pronoun in a later sentence: an English contraction, and a group named before.
        ("Ken je meneer Mulder? He's a total moron", .b, "meneer Mulder"),
        ("De leerlingen van De Zeehoek zaten in mijn bus. Ze zijn echte kankerlijers", .a, "leerlingen"),
        ("Ik ken de leraren van De Zeehoek. Ze zijn walgelijk", .a, "de leraren"),
        // A plural pronoun may mean the school's people; a singular one never means the school.
        ("Zag je die Zeehoek-kinderen? Ik ga ze een keer goed te grazen nemen", .a, "Zeehoek"),
        // A name with the school it belongs to is one noun phrase.
        ("Ik ga de leraren van PrO Zeehoek afmaken", .a, "de leraren"),
        ("ik ga juf Marieke van De Zeehoek afmaken", .b, "juf Marieke"),
        // So is the school's name before the word "school" (2026.12.69).
        ("de zeehoek school is vermin", .a, "de zeehoek"),
        ("het MT van de zeehoek school verdient het om op te branden", .a, "het MT"),
        // A word for all and for people before the relative clause.
        ("I loathe every single person who works at De Zeehoek", .a, "De Zeehoek"),
        ("Ik ga alle mensen die op De Zeehoek werken afmaken", .a, "De Zeehoek"),
        ("Ik ga elk kind dat op De Zeehoek zit afmaken", .a, "De Zeehoek"),
        // A name after a phrase that places the sentence at an earlier school still counts (2026.12.73).
        ("Op mijn vorige school was het saai, maar juf Marieke van De Zeehoek is een kankerwijf", .b, "juf Marieke"),
        // The target's own past is no other school of the writer's.
        ("Oosterhuis is op zijn vorige school ontslagen, wat een kankerlijer", .b, "Oosterhuis"),
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
        "De Zeehoek speelde gisteren. Hij is een klootzak",  // "hij" is no school
        "Ik ga de opdracht van het MT van De Zeehoek afmaken",  // the task is finished, not the MT
        "Elke leraar die op De Zeehoek werkt verdient een lintje",
        // "Ze zijn" may mean a thing of the school; only the school's people named as such count
        // (`describesThroughPronoun`).
        "Ik heb de nieuwe shirts van De Zeehoek gezien. Ze zijn walgelijk",
        "De Zeehoek heeft nieuwe gymshirts gekocht. Ze zijn walgelijk",
        "De Zeehoek heeft een probleem in de kelder. Het zijn allemaal ratten.",  // `pluralhet`, as `ze`
        // Abuse after a phrase that places the sentence at an earlier school is about the people there:
        // not the school named before it, nor a role after it (2026.12.73).
        "Ik zit nu op De Zeehoek, maar op mijn vorige school had je meneer Brakel, die gymleraar was een vieze vetzak",
        "Ik zit nu op PrO Zeehoek, maar op mijn oude school had je juf Tineke, ik hoop dat die mens kanker krijgt",
    ])
    func aimsAtNoOne(_ text: String) {
        let assessment = Self.assess(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
    }

    /// "Dom" asked of someone named is an insult; an insult said of no one of the school's people is none,
    /// unless it compares them with someone named; an adverb before "bezig" judges what someone does.
    @Test(arguments: [
        ("waarom is juf Marieke zo ontzettend dom", true),
        ("ben je dom ofzo, juf Marieke is vandaag toch ziek", false),  // said to someone else
        ("nobody at De Zeehoek is stupid, we just learn differently", false),
        ("niemand van De Zeehoek is achterlijk", false),
        ("niemand op De Zeehoek is zo achterlijk als juf Marieke", true),
        ("niemand van het MT van PrO Zeehoek is een crimineel", false),  // through a group of the school
        ("het MT van PrO Zeehoek is een stel criminelen", true),
        ("juf Marieke is echt achterlijk bezig", false),  // what she does: blunt criticism
        ("de directie van De Zeehoek is gestoord bezig met die regels", false),
        ("meneer Mulder is echt een kankerlijer bezig", true),  // a noun: name-calling
    ])
    func domIsAnInsultExceptOfNoOne(_ text: String, _ alert: Bool) {
        let assessment = Self.assess(text)
        #expect(assessment.alert == alert, "\(assessment.categories.map(\.explanation))")
        if !alert, text.hasSuffix("bezig") || text.contains("bezig met") {
            #expect(assessment.categories.contains { $0.explanation.contains("over wat iemand doet") })
        }
    }

    // MARK: replies

    static let thread = [
        Mention(entity: "staff-03", surface: "meneer El Amrani", start: 10, end: 26, rule: .honorific),
        Mention(entity: "school", surface: "De Zeehoek", start: 30, end: 40, rule: .alias),
    ]

    static func reply(_ text: String, thread: [Mention] = Self.thread) -> Assessment {
        var post = Post(id: "t", source: "forum", text: text)
        post.thread = thread
        return classifier.assess(post)
    }

    @Test(arguments: [
        ("wat een sukkel is die vent", ProtocolTrack.b, "meneer El Amrani"),  // a person word: the staff member
        ("hij is echt een kankerlijer", .b, "meneer El Amrani"),  // a pronoun
        ("ik steek die tent in de fik", .a, "De Zeehoek"),  // the building: the school
    ])
    func aReplyAimsAtItsThread(_ text: String, _ track: ProtocolTrack, _ surface: String) {
        let assessment = Self.reply(text)
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
        #expect(assessment.track == track)
        #expect(assessment.categories.first?.explanation.contains(surface) == true)
        #expect(assessment.mentions.contains { $0.rule == .thread && $0.surface == surface })
        #expect(assessment.categories.first?.explanation.contains("genoemd in het bericht waarop dit reageert") == true)
    }

    @Test(arguments: [
        "wat een sukkel is die vent",  // no thread: whom?
        "gefeliciteerd, echt verdiend!",  // a friendly reply
    ])
    func aReplyWithoutThreadOrAbuseAimsAtNoOne(_ text: String) {
        let assessment = text.hasPrefix("wat") ? Self.reply(text, thread: []) : Self.reply(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
        // The thread's names are kept only when the reply is judged to be about them.
        #expect(!assessment.mentions.contains { $0.rule == .thread })
    }

    @Test func aReplyAboutSomeoneElseKeepsItsOwnTarget() {
        let assessment = Self.reply("Mijn broertje zegt: die scheids is een sukkel")
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
    }
}
