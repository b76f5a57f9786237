/// A misspelt, vowel-less, masked or sound-alike name word, as the full pass reads one where no honorific is
/// (`Matcher`'s first-name slips need one before the word). `MentionFilter` asks it too; it is
/// passed to it as a value, not in a closure, which would copy the whole `Matcher` for every post.
struct MisspeltNames: Sendable {
    let misspellings: Misspellings
    let vowelless: VowellessNames
    let masked: MaskedNames
    let soundAlike: SoundAlikeNames

    /// From the name words of the config's forms.
    init(words: [String], staff: [StaffMember], settings: MatchingSettings) {
        misspellings = Misspellings(words: words, settings: settings)
        vowelless = VowellessNames(staff: staff)
        masked = MaskedNames(words: settings.misspellings ? words : [])
        soundAlike = SoundAlikeNames(words: settings.misspellings ? words : [])
    }

    /// The name word `word` is written for: misspelt, without its vowels, with letters masked, or as it sounds.
    func name(for word: String) -> String? {
        misspellings.correction(of: word) ?? vowelless.name(for: word)
            ?? (word.utf8.contains(UInt8(ascii: "*")) ? masked.name(for: word.utf8) : nil)
            ?? soundAlike.name(for: word.utf8)
    }

    func contains(_ word: String) -> Bool { name(for: word) != nil }

    /// The same for a key's bytes.
    func contains(key: ArraySlice<UInt8>) -> Bool {
        vowelless.isSkeleton(key) || misspellings.hasCorrection(key)
            || (key.contains(UInt8(ascii: "*")) && masked.name(for: key) != nil) || soundAlike.name(for: key) != nil
    }
}
