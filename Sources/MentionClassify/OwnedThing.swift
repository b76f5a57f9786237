/// "de toets van meneer Mulder is waardeloos", "de wc's op De Zeehoek zijn smerig": a target after "van",
/// "op" or the like and a word for a thing is that thing's owner or place, and the verb after it says
/// something of the thing, not of the person. An entry that starts with a target and a verb of being
/// ("@target is ... waardeloos") then does not count: blunt criticism of a lesson or a building is no
/// insult (issue 13's hard negatives). Only for the things of school life listed here (and compounds
/// that end in one: "wiskundetoets"), so abuse through a relative, a body part or a word not listed
/// ("de bek van", "het zoontje van", "die nieuwe van De Zeehoek") still counts (helper-108's review).
/// Not for threats: "het huis van meneer Mulder is nergens meer veilig" threatens him through his house.
extension Lexicon.Entry {
    func isSaidOfAnOwnedThing(at start: Int, in text: ClassifyText, people: Set<String>) -> Bool {
        guard category != .threat, start >= 2, phrase.items.count >= 2 else { return false }
        switch phrase.items[0] {
        case .target, .mention, .school: break
        default: return false
        }
        guard case .word(let verb) = phrase.items[1], OwnedThing.verbs.contains(where: verb.matches) else {
            return false
        }
        // Back over "de leerlingen van De Zeehoek": the owner may itself be a group of the school.
        var at = start
        let words = text.words
        while at >= 2, OwnedThing.joints.contains(words[at - 1].key), words[at - 1].mention == nil,
            words[at - 2].clause == words[start].clause
        {
            var noun = at - 2
            if let mention = words[noun].mention {
                while noun > 0, words[noun - 1].mention == mention { noun -= 1 }
            } else if people.contains(words[noun].key) {
                if noun > 0, OwnedThing.articles.contains(words[noun - 1].key) { noun -= 1 }
            } else {
                return OwnedThing.isThing(words[noun].key)
            }
            at = noun
        }
        return false
    }
}

enum OwnedThing {
    static let joints: Set<String> = ["van", "of", "op", "bij", "at", "in", "from"]
    static let articles: Set<String> = ["de", "het", "die", "deze", "alle", "the", "those", "all"]
    /// Verbs that say what the subject is, has or does to the senses.
    static let verbs: Set<String> = [
        "is", "zijn", "bent", "ben", "was", "waren", "wordt", "worden", "blijft", "blijven", "lijkt", "lijken",
        "heeft", "hebben", "ziet", "zien", "stinkt", "stinken", "ruikt", "meurt", "are", "were", "am", "has",
        "have", "looks", "smells", "stinks", "seems",
    ]

    /// One of `things`, or a compound that ends in one of at least four letters ("wiskundetoets").
    static func isThing(_ word: String) -> Bool {
        things.contains(word)
            || things.contains { $0.utf8.count >= 4 && word.utf8.count > $0.utf8.count && word.hasSuffix($0) }
    }

    /// The things of school life that people judge: lessons and tests, rules and plans, the building
    /// and its rooms, food, books, websites, a car or a bike. Not clothes or looks, which judge the
    /// person who wears them.
    static let things: Set<String> = [
        "toets", "toetsen", "proefwerk", "proefwerken", "les", "lessen", "huiswerk", "uitleg", "opdracht",
        "opdrachten", "cijfer", "cijfers", "rapport", "rapporten", "rooster", "regel", "regels", "beleid",
        "besluit", "besluiten", "plan", "plannen", "lokaal", "lokalen", "gebouw", "gebouwen", "dak", "kantine",
        "eten", "wc", "wcs", "toilet", "toiletten", "boek", "boeken", "website", "site", "app", "mail", "mails",
        "brief", "brieven", "auto", "autos", "fiets", "fietsen", "bureau", "computer", "computers", "laptop",
        "presentatie", "methode", "examen", "examens", "schoolreis", "kamp", "sportdag", "feest", "musical",
        "plein", "hek", "ramen", "deur", "deuren", "koffie", "parkeerplaats", "wifi", "internet", "systeem",
        "whiteboard", "kluisjes", "gymzaal", "aula", "gang", "gangen", "verwarming", "weer", "mist",
        "test", "tests", "exam", "exams", "lesson", "lessons", "homework", "rule", "rules", "policy", "building",
        "roof", "canteen", "food", "toilets", "books", "book", "car", "cars", "bike", "fog", "weather",
        "parking", "coffee", "lunch", "grades", "marks", "schedule", "timetable", "system", "classroom",
        "classrooms", "trip",
    ]
}
