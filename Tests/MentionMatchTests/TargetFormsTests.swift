import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// Targets beyond one named person (issue 13 item 5): groups of the school's staff and roles.
/// Each form has a positive and a negative case.
struct TargetFormsTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    /// The mentions found by `rule`, as "entity surface".
    func found(_ text: String, _ rule: MentionRule) -> [String] {
        matcher.mentions(in: Post(id: "t", text: text)).filter { $0.rule == rule }.map { "\($0.entity) \($0.surface)" }
    }

    @Test(arguments: [
        ("het MT van De Zeehoek", ["school het MT"]),
        ("De Zeehoek. De leraren daar zijn sukkels", ["school De leraren daar"]),
        ("Bij De Zeehoek moet de directie zich schamen", ["school de directie"]),
        ("De Zeehoek? Iedereen die daar werkt is gestoord", ["school Iedereen die daar werkt"]),
        ("de docenten van De Zeehoek", ["school de docenten"]),
        ("de docenten van de Zeehoek", ["school de docenten"]),
        ("die lerarenkamer van De Zeehoek stinkt", ["school die lerarenkamer"]),
        ("De Zeehoek: al die leraren zijn lui", ["school al die leraren"]),
        ("De Zeehoek. Leraren daar zijn lui", ["school Leraren daar"]),
        ("De Zeehoek: de leraren van die school", ["school de leraren van die school"]),
        ("De Zeehoek, the teachers there are idiots", ["school the teachers there"]),
        ("De Zeehoek: the management is useless", ["school the management"]),
        ("die leraar van De Zeehoek", ["school die leraar"]),
        ("De Zeehoek: die juf is een heks", ["school die juf"]),  // a teacher by the pupils' word for one
        ("I'll find every teacher at De Zeehoek", ["school every teacher"]),
        ("de leerlingen van De Zeehoek", ["school de leerlingen"]),
        ("De Zeehoek: those kids are a menace", ["school those kids"]),
        ("De Zeehoek: al die domme leraren", ["school al die domme leraren"]),  // adjectives between
        ("De Zeehoek: de leraren op het schoolplein", ["school de leraren"]),  // where they stand, not whose
        // No article before the school's own name: only its people are meant.
        ("Leerlingen van de zeehoek zaten weer in de snackbar", ["school Leerlingen"]),
        ("teachers at De Zeehoek are lazy", ["school teachers"]),
    ])
    func groupsOfTheSchoolsStaffAreTheSchool(_ text: String, _ expected: [String]) {
        #expect(found(text, .group) == expected, "\(text)")
    }

    @Test(arguments: [
        "het MT is slecht",  // no school in the post
        "de leraren daar zijn sukkels",
        "het MT van het Baken-college. De Zeehoek doet het beter",  // another school's MT
        "De Zeehoek is fijn, maar de leraren van mijn vorige school niet",
        "De Zeehoek: leraren zijn ook mensen",  // no article: anyone's teachers
        "leraren van het Baken zijn beter dan De Zeehoek",  // no article, another school's
        "De Zeehoek: MT vergadert",
        "the teachers there are idiots",
        "De Zeehoek is top, maar de leerlingen van het Baken niet",  // another school's pupils
        "mijn kinderen gaan naar De Zeehoek",  // no group determiner
        "De Zeehoek is fine, the teachers at my old school were idiots",  // the writer's own school
        "De Zeehoek is top, maar de juf van groep 8 niet",  // a class of another school
        "De Zeehoek: juf Marieke is een heks",  // a name, not a group
    ])
    func groupsElsewhereAreNoMention(_ text: String) {
        #expect(found(text, .group).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("de gymleraar van De Zeehoek", ["staff-03 de gymleraar"]),
        ("De Zeehoek: de gymjuf is streng", ["staff-03 de gymjuf"]),
        ("De Zeehoek: de docent lichamelijke opvoeding", ["staff-03 de docent lichamelijke opvoeding"]),
        ("De Zeehoek: mijn leraar LO", ["staff-03 mijn leraar LO"]),
        ("De Zeehoek. De mentor van 2B is er nooit", ["staff-01 De mentor van 2B"]),
        ("De Zeehoek: mijn mentor", ["staff-01 mijn mentor"]),
        ("De Zeehoek: de groenleraar", ["staff-08 de groenleraar"]),
        ("De Zeehoek: de docent groen", ["staff-08 de docent groen"]),
        ("De Zeehoek: de directrice", ["staff-04 de directrice"]),
        ("De Zeehoek: the principal", ["staff-04 the principal"]),
        ("De Zeehoek: de leraar Nederlands", ["staff-06 de leraar Nederlands"]),
        ("De Zeehoek: de techniekleraar", ["staff-02 de techniekleraar"]),
        ("De Zeehoek: the Dutch teacher", ["staff-06 the Dutch teacher"]),
        ("De Zeehoek: the gardening teacher", ["staff-08 the gardening teacher"]),
        ("De Zeehoek: die juf van zorg", ["staff-07 die juf van zorg"]),  // teacher "van" subject
        ("De Zeehoek: the teacher of groen", ["staff-08 the teacher of groen"]),
        ("De Zeehoek: juf van zorg is streng", ["staff-07 juf van zorg"]),  // a title needs no article
        ("De Zeehoek: meester van gym", ["staff-03 meester van gym"]),
        ("De Zeehoek: meester van Nederlands is streng", ["staff-06 meester van Nederlands"]),
        ("De Zeehoek. JUF VAN ZORG IS STRENG", ["staff-07 JUF VAN ZORG"]),
        ("Op De Zeehoek is juf van zorg streng", ["staff-07 juf van zorg"]),  // after a verb
        // The subject alone after a determiner, or with a word for someone.
        ("De Zeehoek: die van gym is streng", ["staff-03 die van gym"]),
        ("De Zeehoek: die dikke van techniek", ["staff-02 die dikke van techniek"]),
        ("De Zeehoek: die gast van groen", ["staff-08 die gast van groen"]),
        ("De Zeehoek: that guy from tech", ["staff-02 that guy from tech"]),
        ("De Zeehoek: die vette directrice", ["staff-04 die vette directrice"]),  // an adjective between
        ("De Zeehoek: that useless Dutch teacher", ["staff-06 that useless Dutch teacher"]),
        ("De Zeehoek: de directrice op het podium krijgt klappen", ["staff-04 de directrice"]),  // where she stands
        ("De Zeehoek: die gymleraar bij de ingang", ["staff-03 die gymleraar"]),
        ("De Zeehoek: the principal at the gate", ["staff-04 the principal"]),
        ("De Zeehoek: de directrice bij haar auto opwachten", ["staff-04 de directrice"]),  // her own things
        // The class right after the role, or before it after a determiner.
        ("De Zeehoek: mentor 2B is er nooit", ["staff-01 mentor 2B"]),
        ("De Zeehoek: de 2B mentor is er nooit", ["staff-01 de 2B mentor"]),
        // The Dutch epithet: "een" after "die/dat/wat een/zo'n N van" points at one (2026.12.76).
        ("De Zeehoek: die heks van een directrice", ["staff-04 een directrice"]),
        ("De Zeehoek: wat een sukkel van een gymleraar", ["staff-03 een gymleraar"]),
    ])
    func aRoleIsTheOneWhoHasIt(_ text: String, _ expected: [String]) {
        #expect(found(text, .role) == expected, "\(text)")
    }

    @Test(arguments: [
        "de gymleraar is streng",  // no school in the post
        "De Zeehoek: de les gaat over de mentor2B-site",  // a class glued to another word is no class
        "De Zeehoek is top, maar de gymleraar van het Baken-college niet",
        "De Zeehoek: gymleraar gezocht",  // no article: a vacancy, not a person
        "De Zeehoek: de leraar",  // a teacher, not a role one person has
        "De Zeehoek: de leraar wiskunde",  // a role no staff member has
        "De Zeehoek: de juf van groep 8",  // "van" and no subject of a role
        "De Zeehoek: de les van gym van De Zeehoek",  // a subject without a determiner before it
        "De Zeehoek: de boeken van techniek",  // a thing, not someone, before "van"
        "De Zeehoek: de vrouw van Groen",  // someone's wife
        "De Zeehoek: juf Van Groen",  // no article and "Van" as in a surname
        "Op De Zeehoek was de invallende meester van gym een sukkel",  // another one
        "De Zeehoek zoekt een nieuwe juf van zorg",  // not the one there is
        "Mijn broertje zit op De Zeehoek. Zijn meester van gym op zijn vorige school",  // someone else's
        "De Zeehoek: docent van zorg",  // no article and no title: not how anyone is addressed
        "De Zeehoek: die van gym zijn altijd te laat",  // a plural verb: the pupils
        "De Zeehoek: the guy from tech support",  // a department
        "De Zeehoek: de vorige directrice was beter",  // an adjective that makes it someone else
        "De Zeehoek: the other gym teacher",
        "De Zeehoek: de kinderen zijn gymleraar geworden",  // no adjective: a noun before the role
        "De Zeehoek is top, maar de gymleraar op het Baken-college niet",  // a name after a place word
        "De Zeehoek is top, maar de gymleraar bij Kustwijk FC niet",
        "De Zeehoek is top, maar de gymleraar op de basisschool niet",  // another school
        "De Zeehoek is top, maar de gymleraar op mijn vorige school niet",  // the writer's own
        "De Zeehoek is top, maar de gymleraar op het mbo niet",
        "De Zeehoek: de man van een directrice",  // not an epithet: someone else's
        "De Zeehoek: dit filmpje van een directrice",
    ])
    func aRoleElsewhereIsNoMention(_ text: String) {
        #expect(found(text, .role).isEmpty, "\(text)")
    }

    @Test func aRoleTwoStaffMembersShareIsNoMention() {
        var staff = WorldFixture.config.staff
        var second = StaffMember(id: "staff-99", name: "Kees Jansen")
        second.role = "docent groen"
        staff.append(second)
        let shared = Matcher(school: WorldFixture.config.school, staff: staff)
        #expect(!shared.mentions(in: Post(id: "t", text: "De Zeehoek: de groenleraar")).contains { $0.rule == .role })
        #expect(TargetForms.roleWords("directeur (MT)").contains(["directrice"]))
    }

    /// A class beside a role without "van" is written as one: a digit and letters, or a letter and a digit.
    @Test(arguments: [
        ("2B", true), ("3a", true), ("1HK", true), ("h4", true), ("H03R", false), ("U19", false), ("d1e", false),
        ("2e", false), ("A4", false),  // "tweede", paper
    ])
    func aClassNameIsADigitAndALetter(_ written: String, _ isClass: Bool) {
        #expect(TargetForms.isClassName(ArraySlice(written.unicodeScalars)) == isClass)
    }

    @Test func aWordAfterARoleThatOnlyLooksLikeAClassIsNotTaken() {
        // A role without a determiner needs the class after it, and these are none.
        #expect(found("De Zeehoek: DIRECTRICE = H03R", .role).isEmpty)
        #expect(found("De Zeehoek: DIRECTRICE H03R", .role).isEmpty)
        #expect(found("De Zeehoek: mentor = 2B", .role).isEmpty)
        // Without an article it must open its clause, as a signature does.
        #expect(found("Ik ben mentor 2B op De Zeehoek", .role).isEmpty)
        #expect(found("Over De Zeehoek: mijn vorige mentor 1B op het Baken was beter", .role).isEmpty)
        #expect(found("De Zeehoek: de 2e mentor is er nooit", .role).isEmpty)  // "2e" is "tweede", no class
    }
}

/// In a post that names another school and not the watched one, groups and roles are that school's:
/// no possible target (`OtherSchools`). Each way of naming a school has a positive and a negative case.
struct OtherSchoolsTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    func possibleGroups(_ text: String) -> [String] {
        matcher.possibleMentions(in: Post(id: "t", text: text)).filter { [.group, .role].contains($0.rule) }
            .map(\.surface)
    }

    @Test(arguments: [
        "Leerlingen van basisschool De Regenboog halen geld op. De docenten zijn trots.",
        "OBS De Vlinder viert feest; de directie is blij",
        "Op het Kustlyceum zijn de leraren streng",
        "Het Polder College: de docenten staken",
        "Bij het Baken-college is het MT vertrokken",
    ])
    func anotherSchoolNamedLeavesNoPossibleGroup(_ text: String) {
        #expect(possibleGroups(text).isEmpty, "\(text)")
    }

    @Test(arguments: [
        ("die docenten zijn allemaal sukkels", "die docenten"),
        ("Ik zit op school. De docenten zijn sukkels", "De docenten"),  // a capital after a full stop
        ("Mijn School is kut, de leraren daar ook", "de leraren daar"),  // a possessive, no name
        ("meneer Jacobs zegt: de directie liegt", "de directie"),  // a surname that ends like "obs"
        ("op de basisschool was het beter, de docenten hier zijn lui", "de docenten"),  // no name after it
    ])
    func noOtherSchoolLeavesTheGroupPossible(_ text: String, _ group: String) {
        #expect(possibleGroups(text) == [group], "\(text)")
    }

    @Test func theWatchedSchoolNamedKeepsItsGroups() {
        let post = Post(
            id: "t", text: "Praktijkschool De Zeehoek en basisschool De Regenboog: de docenten daar zijn lui")
        #expect(matcher.mentions(in: post).contains { $0.rule == .group })
    }
}

/// The school itself, not named ("die school", "deze kutschool"): a possible target where no school is
/// named, never a mention (`TargetForms.Kind.institution`).
struct SchoolItselfTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    func possible(_ text: String) -> [String] {
        matcher.possibleMentions(in: Post(id: "t", text: text)).filter { $0.rule == .group }.map(\.surface)
    }

    @Test(arguments: [
        ("die school gaat nog eens in de fik", "die school"),
        ("Ik haat deze kutschool", "deze kutschool"),
        ("that school deserves what's coming", "that school"),
        ("die hele school moet dicht", "die hele school"),
    ])
    func theSchoolPointedAtIsAPossibleTarget(_ text: String, _ surface: String) {
        #expect(possible(text) == [surface], "\(text)")
        #expect(matcher.mentions(in: Post(id: "t", text: text)).isEmpty, "\(text)")
    }

    @Test(arguments: [
        "de school gaat nog eens in de fik",  // anyone's
        "onze school is de beste",
        "die school in Almere moet dicht",  // another place
        "die school van mijn zus is kut",  // someone else's
        "Op het Kustlyceum zegt iedereen: die school is kut",  // another school named
    ])
    func anotherOrAnySchoolIsNone(_ text: String) {
        #expect(possible(text).isEmpty, "\(text)")
    }

    @Test func theWatchedSchoolNamedIsTheOneMeant() {
        let post = Post(id: "t", text: "De Zeehoek? die school is kut")
        #expect(!matcher.mentions(in: post).contains { $0.rule == .group })
        #expect(!matcher.possibleMentions(in: post).contains { $0.surface == "die school" })
    }
}
