/// The school's own lexicon lines and silenced terms (`classification:` in feeds.yaml), and the
/// lexicon they make together with the built-in one.
public struct ClassificationSettings: Sendable, Equatable {
    /// Lines in the lexicon format ("insult medium kneus"), as written.
    public var add: [String] = []
    /// Words or phrases that never count ("loser", "maak je af").
    public var silence: [String] = []
    public var lexicon: Lexicon = .builtIn

    public init() {}

    public static func == (a: Self, b: Self) -> Bool { a.add == b.add && a.silence == b.silence }
}
