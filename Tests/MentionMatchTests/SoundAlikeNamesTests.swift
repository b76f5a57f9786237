import Testing

@testable import MentionMatch

/// Name words written as they sound in Dutch (`SoundAlikeNames`).
struct SoundAlikeNamesTests {
    let names = SoundAlikeNames(words: ["yousef", "yimaz", "osterhuis", "hoekstra"])

    func name(_ key: String) -> String? { names.name(for: key.utf8) }

    @Test func aDutchSpellingOfTheSoundIsTheName() {
        #expect(name("jusef") == "yousef")  // Jussef (keys write "ss" once)
        #expect(name("joesef") == "yousef")
        #expect(name("jimaz") == "yimaz")  // Jilmaz ("l" reads as "i" in keys)
    }

    @Test func theNameItselfAndOtherWordsAreNot() {
        #expect(name("yousef") == nil)  // found as itself, not as a sound-alike
        #expect(name("jusuf") == nil)  // another name
        #expect(name("joke") == nil)
        #expect(name("osterhuis") == nil)
        #expect(name("hukstra") == nil)  // a name without "y" or "ou" has no other spelling of its sound
    }

    @Test func twoNamesThatSoundAlikeAreNeither() {
        let both = SoundAlikeNames(words: ["yousef", "jousef"])
        #expect(both.name(for: "jusef".utf8) == nil)
    }
}
