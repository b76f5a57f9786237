extension Matcher {
    /// Where the post names a school other than the watched one ("het Baken-college", "basisschool De
    /// Regenboog"), in Unicode scalars of `text`: abuse nearer to such a name than to ours is aimed at
    /// that school ("Vergeleken met De Zeehoek is het Baken-college een school vol sukkels").
    /// `tokens` are `MatchText.tokens(text)`; words of a mention of the watched school are never another's.
    public func otherSchoolNames(in text: String, tokens: [TextToken], mentions: [Mention]) -> [Range<Int>] {
        let ours = mentions.filter { $0.entity == "school" && $0.start < $0.end }
        let school = tokens.map { token in ours.contains { $0.start <= token.start && token.end <= $0.end } }
        let scalars = Array(text.unicodeScalars)
        return targets.otherSchools.names(
            in: tokens.map(\.folded), tokens: tokens, scalars: scalars, school: school
        ).map { tokens[$0.lowerBound].start..<tokens[$0.upperBound].end }
    }
}
