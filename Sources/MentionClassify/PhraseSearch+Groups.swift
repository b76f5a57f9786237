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
        let first = words[position].key
        var at = position + 1
        if Self.every.contains(first) {
            if Self.single.contains(words[at].key) { at += 1 }
            // "elk kind dat …": a neuter word takes "dat".
            guard at + 2 < post.count, Self.people.contains(words[at].key),
                Self.relatives.contains(words[at + 1].key) || words[at + 1].key == "dat"
            else { return nil }
            return clauseEnds(from: at + 2, relative: true, sentence: sentence)
        }
        guard Self.everyone.contains(first) else { return nil }
        let relative = Self.relatives.contains(words[at].key)
        guard relative || first == "wie" else { return nil }
        return clauseEnds(from: relative ? at + 1 : at, relative: relative, sentence: sentence)
    }

    /// Where a relative clause that starts at `start` (after its pronoun) ends: after its verb, or after
    /// the school when the verb comes first.
    private func clauseEnds(from start: Int, relative: Bool, sentence: Int) -> [Int]? {
        var at = start
        guard at < post.count else { return nil }
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
    /// "every single person who", "elke leraar die", "alle mensen die", "elk kind dat".
    private static let every: Set<String> = ["every", "each", "all", "elke", "elk", "iedere", "ieder", "alle"]
    private static let single: Set<String> = ["single"]
    private static let people: Set<String> = [
        "person", "people", "one", "teacher", "teachers", "pupil", "pupils", "kid", "kids", "student", "students",
        "employee", "employees", "persoon", "mens", "mensen", "leraar", "leraren", "docent", "docenten", "leerling",
        "leerlingen", "kind", "kinderen", "medewerker", "medewerkers", "personeelslid", "personeelsleden", "juf",
        "juffen", "meester", "meesters",
    ]
    private static let relatives: Set<String> = ["die", "wie", "who", "that"]
    private static let beforeSchool: Set<String> = ["er", "op", "bij", "at", "on", "for", "to", "de", "het", "the"]
    /// Verbs of being there; not "zijn", which is as often "his" ("iedereen die op De Zeehoek zijn kind heeft").
    private static let belongVerbs: Set<String> = [
        "werkt", "werken", "zit", "zitten", "lesgeeft", "lesgeven", "is", "works", "work", "teaches", "teach",
        "goes", "go", "attends", "attend",
    ]
}
