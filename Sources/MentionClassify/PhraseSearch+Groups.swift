import MentionMatch

extension PhraseSearch {
    /// Everyone of the school named by a relative clause: "iedereen die op De Zeehoek werkt is
    /// onkruid" and "everyone who works at De Zeehoek is scum" are aimed like "de leraren van De
    /// Zeehoek zijn onkruid" (issue 13: "iedereen die daar werkt"). The clause ends with its verb, or
    /// with the school when the verb comes first (after "die"/"who": "wie werkt er …" asks); "er", a
    /// preposition or an article may stand before the school. "every single person who works at De
    /// Zeehoek", "elke leraar die op De Zeehoek werkt": a word for all, a word for people, the same.
    func relativeGroupEnds(_ position: Int, sentence: Int) -> [Int]? {
        guard position + 2 < post.count else { return nil }
        var at = position + 1
        if Self.every.contains(words[position].key) {
            if Self.single.contains(words[at].key) { at += 1 }
            guard at + 2 < post.count, Self.people.contains(words[at].key) else { return nil }
            at += 1
            guard Self.relatives.contains(words[at].key) else { return nil }
        } else if !Self.everyone.contains(words[position].key) {
            return nil
        }
        let relative = Self.relatives.contains(words[at].key)
        if relative {
            at += 1
        } else if words[position].key != "wie" {
            return nil
        }
        let verbFirst = relative && post.mention[at] < 0 && Self.belongVerbs.contains(words[at].key)
        if verbFirst { at += 1 }
        let limit = at + 3
        while at < min(limit, post.count), post.mention[at] < 0, Self.beforeSchool.contains(words[at].key) {
            at += 1
        }
        guard at < post.count, post.sentence[at] == sentence, let school = words[at].mention,
            mentions[school].entity == "school", let end = mentionEnd(at)
        else { return nil }
        if verbFirst { return [end] }
        guard end < post.count, post.sentence[end] == sentence, Self.belongVerbs.contains(words[end].key) else {
            return nil
        }
        return [end + 1]
    }

    private static let everyone: Set<String> = ["iedereen", "wie", "everyone", "everybody", "anyone", "anybody"]
    /// "every single person who", "elke leraar die", "alle mensen die".
    private static let every: Set<String> = ["every", "each", "all", "elke", "iedere", "alle"]
    private static let single: Set<String> = ["single", "enkele"]
    private static let people: Set<String> = [
        "person", "people", "one", "teacher", "teachers", "pupil", "pupils", "kid", "kids", "student", "students",
        "persoon", "mens", "mensen", "leraar", "leraren", "docent", "docenten", "leerling", "leerlingen", "kind",
        "kinderen",
    ]
    private static let relatives: Set<String> = ["die", "wie", "who", "that"]
    private static let beforeSchool: Set<String> = ["er", "op", "bij", "at", "on", "for", "to", "de", "het", "the"]
    /// Verbs of being there; not "zijn", which is as often "his" ("iedereen die op De Zeehoek zijn kind heeft").
    private static let belongVerbs: Set<String> = [
        "werkt", "werken", "zit", "zitten", "lesgeeft", "lesgeven", "is", "works", "work", "teaches", "teach",
        "goes", "go", "attends", "attend",
    ]
}
