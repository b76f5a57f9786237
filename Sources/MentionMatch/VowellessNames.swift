/// Names written without their vowels, the way people hide a name from a filter ("mldr" for Mulder,
/// "strhs" for Oosterhuis), also without an honorific before them. A word that is the consonant
/// skeleton of exactly one staff member's name word (`NameForms.skeletons`: four consonants or more)
/// is read as that word, as a misspelling is: it never anchors context, and a name that needs context
/// still needs it.
struct VowellessNames: Sendable {
    private let nameBySkeleton: [String: String]

    init(staff: [StaffMember]) {
        nameBySkeleton = NameForms.skeletons(staff).mapValues(\.word)
    }

    /// The name word (a match key) whose skeleton `word` is, if any.
    func name(for word: String) -> String? { nameBySkeleton[word] }
}
