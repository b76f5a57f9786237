/// Who the matcher looks for: the school and its staff (`school:` and `staff:` in feeds.yaml).
public struct School: Sendable, Equatable {
    public var name: String
    public var aliases: [String] = []
    public var handles: [String] = []
    public var hashtags: [String] = []
    public var domains: [String] = []
    /// Words that make an ambiguous mention count.
    public var context: [String] = []
    /// Words that make a mention of the school not count.
    public var exclude: [String] = []

    public init(name: String) { self.name = name }
}

public struct StaffMember: Sendable, Equatable {
    public var id: String
    public var name: String
    public var aliases: [String] = []
    public var handles: [String] = []
    public var role: String?
    /// A common name counts only together with school context.
    public var commonName = false

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// How forgiving name matching is (`matching:` in feeds.yaml).
public struct MatchingSettings: Sendable, Equatable {
    /// Read small misspellings of long name words as the name ("Verbeeck" for Verbeek).
    public var misspellings = true
    /// Words of at least this many letters may be one edit off, and of at least `twoEditsFrom`, two.
    public var oneEditFrom = 6
    public var twoEditsFrom = 10
    /// Name words that are also ordinary words ("bos", "berg", "mulder"), from the dictionaries the
    /// config names: alone after an article, such a word is the word, not the person ("in het bos" is
    /// a wood; "Bos heeft gelijk" and "mulder is streng" still name them).
    public var ordinaryWords: Set<String> = []
    /// Ordinary words that a name word becomes with one letter doubled ("boos" for Bos, "boss"), from the
    /// same dictionaries: written so, the word is that word, though match keys fold doubled letters
    /// ("juffff" is "juf"), so "juf Marieke was boos" names no Bos.
    public var stretchedWords: Set<String> = []

    public init() {}
}
