import TestSupport
import Testing

@testable import MentionConfig
@testable import MentionMatch

/// Name forms that count only after an honorific or with context (issue 13 item 5): clipped and
/// vowel-less names, a misspelt first name, the school's name spelled out, surnames as one word.
/// Each form has a positive and a negative case.
struct NameVariantsTests {
    let matcher = Matcher(school: WorldFixture.config.school, staff: WorldFixture.config.staff)

    @Test(arguments: [
        ("meneer El Amr", "staff-03"),  // clipped, after an honorific
        ("mnr Strhs", "staff-08"),  // without vowels, four consonants or more, after an honorific
        ("meneer Mldr", "staff-06"),
        ("mevrouw Hkstr", "staff-05"),
        ("jf Marieke", "staff-01"),  // a vowel-less honorific
        ("jf Mrk", "staff-01"),  // three consonants are enough after an honorific
        ("meneer Ptr", "staff-08"),
        ("Z e e h o e k", "school"),  // spelled out: needs no context
        ("Z.e.e.h.o.e.k", "school"),
        ("meester Yousef", "staff-03"),
        ("juf Marike", "staff-01"),
        ("juf Fatna", "staff-07"),  // one edit from a first name of five letters, after an honorific
        ("vandenberg geeft les", "staff-04"),  // a surname as one word, with context
        ("elamrani geeft les", "staff-03"),
        ("verbeeksmit in de klas", "staff-01"),
    ])
    func nameFormsFind(_ text: String, _ entity: String) {
        #expect(matcher.mentions(in: Post(id: "t", text: text)).map(\.entity) == [entity], "\(text)")
    }

    @Test(arguments: [
        "El Amr heeft gelijk",  // clipped without an honorific
        "meneer Amr",  // a clipped name needs the rest of the surname
        "Strhs",  // no vowels without an honorific
        "Mrk is stom",  // three consonants without an honorific: an abbreviation as often
        "juf Snn",  // Sanne's skeleton is two letters as a key ("snn" → "sn")
        "Zeehoek",  // as written, the name still needs context
        "Yousef",  // the first name without an honorific
        "Fatna was er",  // a misspelt first name without an honorific
        "juf Fenna",  // two edits
        "vandenbroek geeft les",  // a different word
        "dokter elamrani",  // a surname after someone else's title
    ])
    func nameFormsNeedTheirHonorificOrContext(_ text: String) {
        #expect(matcher.mentions(in: Post(id: "t", text: text)).isEmpty, "\(text)")
    }

    /// The tussenvoegsels people mix up, after an honorific and with context: the whole form is the mention
    /// (without it only "berg", half of a double surname, might be found).
    @Test func aMixedUpTussenvoegselAfterAnHonorific() {
        #expect(NameForms.tussenvoegselVariants("van den Berg") == ["van de Berg", "van der Berg"])
        #expect(NameForms.tussenvoegselVariants("El Amrani").isEmpty)
        let found = matcher.mentions(in: Post(id: "t", text: "mevrouw van de Berg van school is streng"))
        #expect(found.map(\.surface) == ["mevrouw van de Berg"], "\(found.map(\.surface))")
        #expect(found.map(\.rule) == [.honorific])
    }

    @Test func theSchoolsSkeletonIsMadeFromItsLettersAsWritten() {
        #expect(NameForms.schoolSkeleton("Praktijkschool De Zeehoek") == ["zhk"])
        // Keys read "l" as "i": from the key, "Wellant" would lose its l's.
        #expect(NameForms.schoolSkeleton("Wellant College") == [MatchText.key(Array("wllnt".utf8))])
        #expect(NameForms.schoolSkeleton("De Ark") == nil)  // two consonants: some other abbreviation
    }

    @Test func skeletonsTwoNamesShareAreDropped() {
        var staff = WorldFixture.config.staff
        staff.append(StaffMember(id: "staff-99", name: "Kees Oosterhuus"))
        #expect(NameForms.skeletons(WorldFixture.config.staff)["strhs"]?.entity == "staff-08")
        #expect(NameForms.skeletons(staff)["strhs"] == nil)
    }
}
