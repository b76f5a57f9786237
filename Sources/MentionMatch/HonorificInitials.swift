/// An honorific and a staff member's initials: "juf M.", "meester Y.", "meneer E.A.", "mevrouw V.d.B",
/// "meneer DJ". Pupils write a teacher that way to name them without the name (docs/matching.md).
///
/// Dutch puts `juf` and `meester` before a first name and `meneer` and `mevrouw` before a surname, so
/// the honorific says whose initial it is. Only initials that fit one staff member become forms: at a
/// school with a Marieke and a Mulder, "juf M." is Marieke and "meneer M." Mulder, but with two
/// surnames on V "mevrouw V." is neither.
enum HonorificInitials {
    static let beforeFirstName = ["juf", "juffrouw", "meester", "jf", "mstr"]
    /// The other honorifics of `NameForms`: "meneer", "mevrouw", "mr", "dhr", ...
    static let beforeSurname = NameForms.honorifics.filter { !beforeFirstName.contains($0) }

    /// Every form as an entity and its match keys. Not also glued into one word, as other forms are:
    /// "juf" and "s" make "jufs", "meester" and "s" "meesters", "miss" and "y" "missy".
    static func forms(_ staff: [StaffMember]) -> [(entity: String, words: [String])] {
        var firstOwners: [String: Set<String>] = [:]
        var surnameOwners: [String: Set<String>] = [:]
        for member in staff {
            let (first, surnames) = NameForms.split(member.name)
            guard let first, let surname = surnames.first else { continue }
            for key in firstNameKeys(first) { firstOwners[key, default: []].insert(member.id) }
            for key in surnameKeys(surname) { surnameOwners[key, default: []].insert(member.id) }
        }
        var out: [(entity: String, words: [String])] = []
        func add(_ owners: [String: Set<String>], after honorifics: [String]) {
            for (key, entities) in owners.sorted(by: { $0.key < $1.key }) where entities.count == 1 {
                let entity = entities.first!
                for honorific in honorifics {
                    let before = MatchText.words(honorific)
                    out.append((entity, before + [MatchText.key(Array(key.utf8))]))
                    // "E.A." is two one-letter words; three or more are joined ("V.d.B" is "vdb": `MatchText`).
                    if key.count == 2 { out.append((entity, before + key.map { String($0) })) }
                }
            }
        }
        add(firstOwners, after: beforeFirstName)
        add(surnameOwners, after: beforeSurname)
        // "meneer DJ": initials of a first name in two parts are a nickname, said with any honorific.
        let nicknames = firstOwners.filter { $0.key.count >= 2 }
        add(nicknames, after: beforeSurname)
        return out
    }

    /// "Marieke" → ["m"]; "Dirk-Jan" → ["d", "dj"].
    static func firstNameKeys(_ first: String) -> [String] {
        let parts = initials(first)
        return parts.count > 1 ? [String(parts.prefix(1)), parts] : [parts]
    }

    /// "van den Berg-Bos" → "v", "vdbb", "vdb" and, of the name without "van den", "b"; "El Amrani" →
    /// "e", "ea"; "Mulder" → "m".
    static func surnameKeys(_ surname: String) -> [String] {
        let all = initials(surname)
        guard !all.isEmpty else { return [] }
        var keys: Set<String> = [String(all.prefix(1)), all]
        if surname.contains("-"), let firstHalf = surname.split(separator: "-").first {
            keys.insert(initials(String(firstHalf)))
        }
        let core = surname.split(separator: " ").drop { NameForms.tussenvoegsels.contains($0.lowercased()) }
        if let head = core.first?.first { keys.insert(String(head).lowercased()) }
        return keys.filter { !$0.isEmpty }.sorted()
    }

    /// The first letters of a name's parts, lower case and folded: "Yılmaz" → "y".
    static func initials(_ name: String) -> String {
        name.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap {
            MatchText.words(String($0)).first?.first
        }.map(String.init).joined()
    }

    /// Words that start a sentence after an initial's dot ("juf M. Ze is …"); any other word written with
    /// a capital right after the initial is a surname, so someone else ("juf M. Jansen").
    static let sentenceStarters: Set<String> = Set(
        [
            "ze", "zij", "hij", "die", "dat", "dit", "deze", "het", "de", "een", "ik", "je", "jij", "jullie", "we",
            "wij", "u", "wat", "waarom", "wie", "hoe", "echt", "en", "maar", "want", "als", "omdat", "is", "was",
            "heeft", "had", "gaat", "moet", "kan", "niemand", "iedereen", "altijd", "nooit", "ook", "zo", "nou",
            "gewoon",
            "she", "he", "they", "the", "a", "i", "what", "why", "who", "how", "and", "but", "has", "always",
            "never",
        ].flatMap(MatchText.words))

    /// Whether the honorific and initials at `from..<to` are one: apart by spaces and an abbreviation's dot
    /// only ("mevr. V.d.B"; not "Meester, M. is een eikel", said to a teacher about a boy), and not followed
    /// by another initial ("meneer E.A. Jansen": the longer form is judged there) or by a word written with
    /// a capital that starts no sentence (a surname, so someone else: "juf M. Jansen").
    static func counts(
        from: Int, to: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar]
    ) -> Bool {
        let apart = scalars[tokens[from].end..<tokens[from + 1].start]
        guard apart.allSatisfy({ $0 == "." || $0.properties.isWhitespace }) else { return false }
        guard to < tokens.count, let first = scalars[tokens[to].start...].first else { return true }
        let anotherInitial =
            tokens[to].end - tokens[to].start == 1
            && scalars[tokens[to - 1].end..<tokens[to].start].elementsEqual(["."])
        return !anotherInitial && !(first.properties.isUppercase && !sentenceStarters.contains(words[to]))
    }
}
