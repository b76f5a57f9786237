import Testing

@testable import MentionClassify

/// What a predicate is said of (issue 13: blunt criticism of a lesson is no insult; abuse of a group
/// is): the owner of a thing is no subject, an adjective said as a degree calls no one anything, a
/// word for a plan judges the plan, and a curse on "school" means the school named before. Each with
/// a positive and a negative case. The rules alone, as `TargetAimTests` judges.
struct PredicateSubjectTests {
    static func assess(_ text: String) -> Assessment { TargetAimTests.assess(text) }

    @Test(arguments: [
        "de toets van meneer Mulder is waardeloos",
        "het huiswerk van juf Marieke is echt achterlijk veel",
        "het eten van de leerlingen van De Zeehoek is walgelijk",
        "het beleid van het MT van De Zeehoek is walgelijk",
        "die kantine van de leraren van De Zeehoek stinkt naar frituurvet",
        "de lessen van De Zeehoek zijn waardeloos",
        "juf Marieke is achterlijk goed in wiskunde",  // a degree: very good
        "De leerlingen van De Zeehoek zijn gestoord snel met rekenen",
        "wat een idioot idee van meneer Mulder om de gymles te schrappen",
        "meneer Mulder, wat een debiele regel is dat",
        "Mijn broertje zit op een kutschool. De Zeehoek is beter",  // the curse is before the school is named
        // Found by helper-108's review of the first version:
        "de wc's op De Zeehoek zijn smerig",  // a thing at the school, not its people
        "Ik zit nu op De Zeehoek en het is top. Vorig jaar zat ik op een kutschool in Zwolle.",
        "Gelukkig zit ik nu op De Zeehoek. Mijn vorige school was een kloteschool.",
        "De Zeehoek won van het Baken-college. Het Baken blijft een kutschool haha",
        "de leraren van De Zeehoek zijn gestoord betrokken",  // praise
    ])
    func saidOfSomethingElse(_ text: String) {
        let assessment = Self.assess(text)
        #expect(!assessment.alert, "\(assessment.categories.map(\.explanation))")
    }

    @Test(arguments: [
        "het gezicht van juf Marieke is walgelijk",  // her face: her
        "een van de leraren van De Zeehoek is achterlijk",  // one of them
        "die anti-pestcoördinator van De Zeehoek is waardeloos",  // a person word in a compound
        "het huis van meneer Mulder is nergens meer veilig",  // a threat through his house
        "meneer Mulder is gestoord weer",  // "weer" is no degree: crazy again
        "meneer Mulder is gestoord eng",  // a negative word after it: no degree
        "de bek van meneer Mulder is walgelijk",  // his mouth: him
        "het zoontje van juf Marieke is achterlijk",  // a relative: no thing
        "wat een sukkel, regel jij dat maar met meneer Mulder",  // "regel" as a verb: no plan
        "wat een idioot is meneer Mulder",
        "de leraren van De Zeehoek zijn gewoon walgelijk",
        "Waarom zijn de leerlingen van De Zeehoek zo achterlijk?",
        "Zeehoek-kids zijn geen mensen, het zijn beesten",
        "Ben vandaag langs De Zeehoek gelopen. Wat een kutschool is dat zeg.",
    ])
    func saidOfTheTarget(_ text: String) {
        let assessment = Self.assess(text)
        #expect(assessment.alert, "\(assessment.categories.map(\.explanation))")
    }

    /// The lowered finding says why.
    @Test func theExplanationSaysWhy() {
        let degree = Self.assess("juf Marieke is achterlijk goed in wiskunde")
        #expect(degree.categories.contains { $0.explanation.contains("als versterking gebruikt") })
        let plan = Self.assess("wat een idioot idee van meneer Mulder om de gymles te schrappen")
        #expect(plan.categories.contains { $0.explanation.contains("over wat iemand doet") })
    }
}
