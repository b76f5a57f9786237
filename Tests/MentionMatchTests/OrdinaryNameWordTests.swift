import Testing

@testable import MentionMatch

/// A name word that is also an ordinary word ("Bos", "Mulder") alone after an article is the word,
/// not the person (`MatchingSettings.ordinaryWords`).
struct OrdinaryNameWordTests {
    static func matcher(ordinary: Set<String>, stretched: Set<String> = []) -> Matcher {
        var school = School(name: "Praktijkschool De Zeehoek")
        school.context = ["school", "klas", "Westerveen"]
        var matching = MatchingSettings()
        matching.ordinaryWords = ordinary
        matching.stretchedWords = stretched
        return Matcher(
            school: school, staff: [StaffMember(id: "staff-04", name: "Ingrid van den Berg-Bos")], matching: matching)
    }

    static func names(_ text: String, ordinary: Set<String> = ["bos", "berg"], stretched: Set<String> = []) -> [String]
    {
        matcher(ordinary: ordinary, stretched: stretched).mentions(in: Post(id: "p", source: "forum", text: text))
            .map(\.entity)
    }

    @Test(arguments: [
        "we gingen met de klas wandelen in het bos bij Westerveen",
        "de klas klom op een berg",
        "Het Bos bij Westerveen is mooi, zei de klas",
        "de klas tekende een bos en een berg",
        "de klas maakte een foto van een bos",  // an epithet's "van een" only with a capital
        "de klas liep door zo'n bos",
    ])
    func anOrdinaryWordIsNoName(_ text: String) {
        #expect(!Self.names(text).contains("staff-04"), "\(text)")
    }

    @Test(arguments: [
        "Bos heeft gelijk, de klas verdient beter",
        "mevrouw Bos van de school",
        "bos van de school is streng maar eerlijk",
        "Ingrid van den Berg-Bos sprak de klas toe",
        // The article as written: "en" and "aan" have the keys of "een" and "an" (doubled letters fold).
        "de klas vroeg iets aan bos",
        "De Vries en bos van de school",
        // An epithet names the person: "die kneus van een Bos", "zo'n Bos".
        "die heks van een Bos zet de klas weer na",
        "Zo'n Bos hoort niet voor de klas",
    ])
    func theNameStillCounts(_ text: String) {
        #expect(Self.names(text).contains("staff-04"), "\(text)")
    }

    @Test func withoutDictionariesTheOldRuleHolds() {
        // No ordinary words known: a surname half with context counts, even lower case.
        #expect(Self.names("in het bos bij Westerveen", ordinary: []).contains("staff-04"))
    }

    /// "boos" (angry) has the key of "Bos" (doubled letters fold); written so, it is the word.
    @Test func aNameWordWithALetterDoubledThatMakesAWordIsThatWord() {
        func names(_ text: String) -> [String] { Self.names(text, ordinary: [], stretched: ["boos", "boss"]) }
        #expect(!names("de klas was boos op de mentor").contains("staff-04"))
        #expect(!names("my boss at Westerveen school").contains("staff-04"))
        #expect(names("Bos van de school is streng maar eerlijk").contains("staff-04"))
        #expect(names("mevrouw Booooos van de school").contains("staff-04"))  // stretched, but no word
    }
}
