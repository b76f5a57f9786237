import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

struct MatcherTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    func entities(_ text: String, title: String = "", author: String = "", schoolSpecific: Bool = false) -> [String] {
        let post = Post(id: "t", author: author, title: title, text: text, schoolSpecific: schoolSpecific)
        return matcher.mentions(in: post).map(\.entity)
    }

    @Test func foldsCaseAndDiacritics() {
        #expect(entities("PRAKTIJKSCHOOL DE ZEEHOEK") == ["school"])
        #expect(entities("fatma yilmaz gaf les") == ["staff-07"])
        #expect(entities("Fatma Yılmaz gaf les") == ["staff-07"])
    }

    @Test(arguments: [
        ("juf Marieke was er niet", "staff-01"),
        ("mevrouw Verbeek-Smit", "staff-01"),
        ("mevr verbeek", "staff-01"),
        ("meneer El Amrani", "staff-03"),
        ("mevrouw Van den Berg", "staff-04"),
        ("Meester Pieter", "staff-08"),
        ("DJ Mulder", "staff-06"),
    ])
    func dutchNameForms(_ text: String, _ entity: String) {
        #expect(entities(text) == [entity])
    }

    @Test func handlesAndHashtagsAreWords() {
        #expect(entities("Open dag bij #DeZeehoek") == ["school"])
        #expect(entities("zie @prozeehoek") == ["school"])
        #expect(entities("mail naar info@zeehoek-pro.nl") == ["school"])
    }

    @Test func wholeWordsOnly() {
        #expect(entities("Zeehoekstraat 5").isEmpty)
        #expect(entities("de zeehoeken van Nederland").isEmpty)
    }

    @Test func theBareNameBeforeItsPeopleIsTheSchool() {
        #expect(entities("Die Zeehoek-kinderen in bus 12 zijn luidruchtig") == ["school"])
        #expect(entities("those Zeehoek kids again") == ["school"])
        #expect(entities("die Zeehoek-pubers bij de Spar") == ["school"])
        #expect(entities("Zeehoek, daar spelen kinderen in het water").isEmpty)  // the name alone, its people apart
        #expect(entities("Zeehoek-kinderen eten gratis bij het strandpaviljoen").isEmpty)  // excluded
    }

    @Test func aKindOfPlaceBeforeTheNameIsAnotherPlace() {
        #expect(entities("Die eigenaar van lunchroom De Zeehoek in Harlingen is chagrijnig").isEmpty)
        #expect(entities("camping De Zeehoek heeft nog plek").isEmpty)
        #expect(entities("de lunchroom van De Zeehoek is open voor ouders") == ["school"])
    }

    @Test func theNameInAnotherTownOrAsAStreetIsAnotherPlace() {
        // Positive: another town after "in", "te" or "uit"; a street word written apart.
        #expect(entities("Wegwerkzaamheden op de Zeehoek in Harlingen").isEmpty)
        #expect(entities("the Zeehoek in Almere needs a new playground").isEmpty)
        #expect(entities("de zeehoek straat zit vol tuig").isEmpty)
        // Negative: the school's own place, a month, an article, a lower-case word, "LAN" (its key is "laan").
        #expect(entities("De Zeehoek in Westerveen is een kutschool") == ["school"])
        #expect(entities("De Zeehoek in December is gezellig") == ["school"])
        #expect(entities("De Zeehoek in de krant vandaag") == ["school"])
        #expect(entities("Praktijkschool De Zeehoek in Harlingen") == ["school"])  // the full name is never vetoed
        #expect(entities("De Zeehoek LAN party met meneer El Amrani").sorted() == ["school", "staff-03"])
        #expect(entities("Ik ga morgen De Zeehoek in. Ik schiet iedereen dood") == ["school"])  // a sentence ends
        #expect(entities("ik blaas De Zeehoek weg") == ["school"])  // "weg" is no street here
        #expect(entities("#DeZeehoekInActie") == ["school"])  // one hashtag
        #expect(entities("Stagemarkt van #prozeehoek in Harlingen") == ["school"])  // the school's tag
        #expect(entities("De Zeehoek in NOS Jeugdjournaal") == ["school"])  // an abbreviation
        #expect(entities("op De Zeehoek in Mulder zijn klas").sorted() == ["school", "staff-06"])  // a name
    }

    @Test func aNameThatBelongsElsewhereIsSomeoneElse() {
        // Another school, club or shop after "van"/"from": another person of that name.
        #expect(entities("juf Marieke van De Meeuwenhof zingt in het koor").isEmpty)
        #expect(entities("meneer Mulder van de Lidl was vandaag chagrijnig").isEmpty)
        #expect(entities("Youssef El Amrani van Duinrand FC scoorde twee keer").isEmpty)
        #expect(entities("Jan de Vries van SV Westerveen floot de wedstrijd", schoolSpecific: true).isEmpty)
        #expect(entities("Pieter Oosterhuis van de fotoclub won een prijs").isEmpty)
        #expect(entities("juf Marieke van de dansschool was streng").isEmpty)
        #expect(entities("meester Pieter van het hoveniersbedrijf snoeide de heg").isEmpty)
        #expect(entities("Mr Mulder from Harbour Books sold me a novel").isEmpty)
        // A kind of school written small, a lesson out of school, the writer's own work, study or club.
        #expect(entities("meneer mulder van de mavo laat zich omkopen").isEmpty)
        #expect(entities("juf Marieke van de zwemles is streng").isEmpty)
        #expect(entities("Oosterhuis van m'n werk is een sukkel").isEmpty)
        #expect(entities("mr. Oosterhuis from my uni deserves a slap").isEmpty)
        #expect(entities("Mulder from work is an idiot").isEmpty)
        #expect(entities("juf Marieke van mijn oude school was streng").isEmpty)
        // The school's own: the school itself, a subject, a class, an abbreviation, a surname's particles.
        #expect(entities("juf Marieke van De Zeehoek zingt in het koor").sorted() == ["school", "staff-01"])
        #expect(entities("juf Marieke van Engels was ziek") == ["staff-01"])
        #expect(entities("juf Marieke van groep 2 was ziek") == ["staff-01"])
        // "de praktijkschool" is the school's kind, and with its teacher named, the school.
        #expect(entities("juf Marieke van de praktijkschool was ziek").sorted() == ["school", "staff-01"])
        #expect(entities("juf Marieke heeft vroeger op de praktijkschool in Almere gewerkt") == ["staff-01"])
        #expect(entities("meneer El Amrani van LO was ziek") == ["staff-03"])
        #expect(entities("mevrouw Ingrid van den Berg-Bos") == ["staff-04"])
        #expect(entities("de foto van juf Marieke van het Instagram van haar broer") == ["staff-01"])
        // The writer's child, class or school: the school's teacher may well be meant.
        #expect(entities("juf Marieke van mijn zoon was streng") == ["staff-01"])
        #expect(entities("meneer Mulder van m'n klas was streng") == ["staff-06"])
        #expect(entities("juf Marieke van mijn school was streng") == ["staff-01"])
        #expect(entities("meneer Mulder van m'n vorige klas was streng") == ["staff-06"])
        #expect(entities("juf Marieke van mijn oude school De Zeehoek").sorted() == ["school", "staff-01"])
        #expect(entities("meneer El Amrani van mijn gym was streng") == ["staff-03"])
    }

    @Test func aDemonstrativeOrASubjectSaysWhichOneIsMeant() {
        // "die Zeehoek" is as plainly the school as "de Zeehoek"; a teacher's subject says which de Vries.
        #expect(entities("die Zeehoek moet gewoon dicht") == ["school"])
        #expect(entities("that Zeehoek place again") == ["school"])
        #expect(entities("meneer de vries van techniek was er niet") == ["staff-02"])
        #expect(entities("De Vries from tech fixed my bike") == ["staff-02"])
        // Without them the bare name and the common name need other context.
        #expect(entities("Zeehoek moet gewoon dicht").isEmpty)
        #expect(entities("meneer de vries van de bakkerij was er niet").isEmpty)
        #expect(entities("die Zeehoek bij het strand heeft goede friet").isEmpty)  // excluded
    }

    @Test func theWholeOfItOrACurseBetweenChangesNothing() {
        #expect(entities("die hele Zeehoek moet in de fik") == ["school"])
        #expect(entities("that whole zeehoek is a joke") == ["school"])
        #expect(entities("alle scholen zijn prima behalve die k@nker Zeehoek") == ["school"])
        #expect(entities("die kut zeehoek weer") == ["school"])
        #expect(entities("this fucking zeehoek again") == ["school"])
        // Not any word between: an adjective may make it the beach pavilion, and "this stage" or "that
        // gym" (words that head a compound honorific, "stagejuf", "gymleraar") are ordinary words.
        #expect(entities("die gezellige Zeehoek met uitzicht op zee").isEmpty)
        #expect(entities("that lovely Zeehoek cafe by the dunes").isEmpty)
        #expect(entities("At this stage Zeehoek is the only option left").isEmpty)
        #expect(entities("that gym Zeehoek rents out is too small").isEmpty)
    }

    @Test func excludeWordsVetoTheSchool() {
        #expect(entities("Zomeravond bij Strandpaviljoen De Zeehoek in Zandvoort").isEmpty)
    }

    @Test func commonNamesNeedContext() {
        #expect(entities("Jan de Vries (54) uit Almere wint de loterij").isEmpty)
        #expect(entities("Jan de Vries van De Zeehoek").sorted() == ["school", "staff-02"])
        #expect(entities("meester Jan van techniek op school") == ["staff-02"])
        #expect(entities("Jan de Vries deed mee", schoolSpecific: true) == ["staff-02"])
    }

    @Test func surnameAloneNeedsContext() {
        #expect(entities("Oosterhuis Transport breidt uit").isEmpty)
        #expect(entities("Oosterhuis geeft les") == ["staff-08"])
    }

    @Test func postsByAStaffHandleMentionThatStaffMember() {
        let mentions = matcher.mentions(in: Post(id: "t", author: "@djmulder@social.example", text: "Mooie dag"))
        #expect(
            mentions == [
                Mention(entity: "staff-06", surface: "@djmulder@social.example", start: 0, end: 0, rule: .author)
            ])
    }

    /// An author named after the school or a staff member that is no configured account names them as
    /// a possible target; a configured account, or a name that is neither, names no one.
    @Test(arguments: [
        ("@prozeehoek_official", ["school"]),
        ("Sanne Hoekstra", ["staff-05"]),
        ("@djmulder", []),  // his own, configured: his own posts are staff posts (`.author`)
        ("@zeehoek_camping", []),  // a campsite of the same name
        ("Ouderraad", []),
        ("DJ Mulder", ["staff-06"]),  // a configured alias
        ("Kees Mulder", []),  // a surname alone: mostly someone else
        ("Hotel Oosterhuis", []),
        ("meester Jan", []),
        ("Dirk-Jan Mulder (@djmulder@social.example)", []),  // his configured handle beside the name
    ])
    func anAuthorNamedAfterTheSchoolIsAPossibleMention(_ author: String, _ entities: [String]) {
        let found = matcher.authorNameMentions(in: Post(id: "t", author: author, text: "Mooie dag"))
        #expect(found.map(\.entity) == entities, "\(author)")
        #expect(found.allSatisfy { $0.rule == .accountName && $0.surface == author && $0.start == $0.end })
    }

    @Test func aHandleWithItsServerIsNotMatchedOnAnotherServer() {
        var staff = WorldFixture.config.staff
        staff[5].handles = ["@DJMulder@social.example"]
        let strict = Matcher(school: WorldFixture.config.school, staff: staff)
        #expect(strict.owner(ofAuthor: "@djmulder@social.example") == "staff-06")
        #expect(strict.owner(ofAuthor: "@djmulder@evil.example") == nil)
        #expect(strict.owner(ofAuthor: "@djmulder") == "staff-06")  // the feed gave no server
        #expect(strict.owner(ofAuthor: "") == nil)
        // A handle configured without a server matches that name on any server.
        #expect(matcher.owner(ofAuthor: "@djmulder@other.example") == "staff-06")
    }

    @Test func offsetsAreUnicodeScalarsOfTitleNewlineText() {
        let post = Post(id: "t", title: "Sportdag 😂", text: "Dank juf Marieke!")
        let mention = matcher.mentions(in: post).first
        // "Sportdag 😂" is 10 scalars, then "\n" (1), then "Dank " (5): 16.
        #expect(mention?.start == 16)
        #expect(mention?.end == 27)
        #expect(mention?.surface == "juf Marieke")
        #expect(mention?.rule == .honorific)
    }

    @Test func theLongestMatchWins() {
        let mentions = matcher.mentions(in: Post(id: "t", text: "Praktijkschool De Zeehoek"))
        #expect(mentions.count == 1)
        #expect(mentions.first?.surface == "Praktijkschool De Zeehoek")
    }

    /// A curse or role written before an honorific in one word still addresses someone, for the heads
    /// the matcher is given (the classifier gives its lexicon's `compoundhead` list); by default none.
    @Test func compoundHeadsAreGiven() {
        let post = Post(id: "t", text: "kankerjuf marieke heeft mijn telefoon weer afgepakt")
        #expect(matcher.mentions(in: post).isEmpty)
        let heads = Matcher(
            school: WorldFixture.config.school, staff: WorldFixture.config.staff, compoundHeads: ["kanker", "inval"])
        #expect(heads.mentions(in: post).map(\.entity) == ["staff-01"])
        #expect(heads.mentions(in: Post(id: "t", text: "invaljuf marieke")).map(\.entity) == ["staff-01"])
        #expect(heads.mentions(in: Post(id: "t", text: "tyfusjuf marieke")).isEmpty)
    }
}
