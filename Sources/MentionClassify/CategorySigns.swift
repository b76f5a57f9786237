/// Categories a post shows no sign of, which the model therefore may not name (docs/model.md,
/// "Signs"). The model reads words, not what a category needs, and its rarer heads learn the surface
/// of their posts: "Mr De Vries should watch his back" got 0.89 for discrimination, from the "should"
/// of "X shouldn't be allowed". Two categories say in their definition what a post must show
/// (corpus/LABELS.md):
/// - discrimination is "because of origin, religion, skin colour, gender, sexuality, disability": the
///   post names such a group or trait (the `group` and `identity` cue lists) or the rules found a slur
///   (a discrimination hit of any weight, negated or not);
/// - forwarding passes someone else's words or pictures on: the post quotes, or has a word of passing
///   on or spreading (`passon`, `share`, `spread`, a 🔁), or the rules found it forwarding.
/// A sign only lets the model name the category; whether it does is still its head's belief.
enum CategorySigns {
    static func unsigned(_ hits: [Hit], search: PhraseSearch, words: [ClassWord], text: String) -> Set<ProtocolCategory>
    {
        var unsigned: Set<ProtocolCategory> = []
        let discriminates = hits.contains { $0.category == .discrimination }
        if !discriminates, search.occurrences(of: "group").isEmpty, search.occurrences(of: "identity").isEmpty {
            unsigned.insert(.discrimination)
        }
        let forwards =
            hits.contains { $0.category == .forwarding } || words.contains { $0.quoted || $0.key == "🔁" }
            || ["passon", "share", "spread", "quotes"].contains { !search.occurrences(of: $0).isEmpty }
            || quotesLines(text)
        if !forwards { unsigned.insert(.forwarding) }
        return unsigned
    }

    /// A line quoted as in mail ("> …", RFC 3676 §4.5) or a chat pasted with its speakers ("[Anja] …").
    static func quotesLines(_ text: String) -> Bool {
        text.split(separator: "\n").contains { line in
            let line = line.drop { $0 == " " }
            return line.hasPrefix(">") || (line.hasPrefix("[") && line.prefix(30).contains("]"))
        }
    }
}
