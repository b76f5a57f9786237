/// Names written without their vowels, the way people hide a name from a filter ("mldr" for Mulder,
/// "strhs" for Oosterhuis), also without an honorific before them. A word that is the consonant
/// skeleton of exactly one staff member's name word (`NameForms.skeletons`: four consonants or more)
/// is read as that word, as a misspelling is: it never anchors context, and a name that needs context
/// still needs it.
struct VowellessNames: Sendable {
    private let nameBySkeleton: [String: String]
    /// The bytes of any skeleton, and their lengths: a key with another byte (most words have a
    /// vowel) is refused before it is made a `String` and looked up.
    private let skeletonBytes: [Bool]
    private let lengths: Range<Int>

    init(staff: [StaffMember]) {
        nameBySkeleton = NameForms.skeletons(staff).mapValues(\.word)
        var bytes = [Bool](repeating: false, count: 256)
        for skeleton in nameBySkeleton.keys { for byte in skeleton.utf8 { bytes[Int(byte)] = true } }
        skeletonBytes = bytes
        let counts = nameBySkeleton.keys.map(\.utf8.count)
        lengths = (counts.min() ?? 0)..<((counts.max() ?? -1) + 1)
    }

    /// The name word (a match key) whose skeleton `word` is, if any.
    func name(for word: String) -> String? { nameBySkeleton[word] }

    /// Whether a key's bytes are a skeleton.
    func isSkeleton(_ key: ArraySlice<UInt8>) -> Bool {
        guard lengths.contains(key.count), key.allSatisfy({ skeletonBytes[Int($0)] }) else { return false }
        return nameBySkeleton[String(decoding: key, as: UTF8.self)] != nil
    }
}
