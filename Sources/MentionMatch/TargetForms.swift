/// Targets beyond one name (docs/matching.md, "Groups and roles"): the school's staff as a group
/// ("de leraren daar", "het MT van De Zeehoek"), which count as the school, and a staff member's
/// role ("de gymleraar", "de mentor van 2B"), which counts as that staff member when no one else
/// has the role. Both only in a post that names the school: "het MT" alone may be any school's.
/// The words are data, in `TargetWords`.
struct TargetForms: Sendable {
    enum Kind: Sendable, Equatable {
        case group
        /// A configured role and the one staff member who has it.
        case role(String)
        /// A whole phrase for the people of the place ("iedereen die daar werkt"): no article needed.
        case people
        /// The school itself, not named: "die school", "deze kutschool", "that school". Only where the
        /// school is assumed and not named, so a possible target at most (`Matcher.possibleMentions`).
        case institution
    }

    private let phrases: [String: [(words: [String], kind: Kind)]]
    private let groupDeterminers = Self.keys(TargetWords.groupDeterminers)
    private let demonstratives = Self.keys(TargetWords.schoolDemonstratives)
    private let inPlace = Self.keys(["in", "uit", "te", "from"])
    private let roleDeterminers = Self.keys(TargetWords.roleDeterminers)
    private let there = Self.keys(TargetWords.there)
    private let placeWords = Self.keys(TargetWords.placeWords)
    private let articles = Self.keys(["de", "het", "the"])
    private let notTheSame = Self.keys(TargetWords.notTheSame)
    private let shortAdjectives = Self.keys(TargetWords.shortAdjectives)
    /// Endings of adjectives, as match keys ("less" is keyed "ies", "ful" "fui").
    private let adjectiveEndings = ["e", "less", "ful", "ous", "ish", "y"].flatMap(MatchText.words)
    private let institution = TargetWords.institution.map(MatchText.words)
    private let otherSchools = OtherSchools()

    init(staff: [StaffMember]) {
        var all: [(words: [String], kind: Kind)] = []
        all += TargetWords.groups.map { (MatchText.words($0), Kind.group) }
        all += TargetWords.groupPhrases.map { (MatchText.words($0), Kind.people) }
        all += TargetWords.schoolItself.map { (MatchText.words($0), Kind.institution) }
        // A role's words map to a staff member only when that member is the one with them.
        var owners: [[String]: Set<String>] = [:]
        for member in staff {
            for phrase in Self.roleWords(member.role ?? "") { owners[phrase, default: []].insert(member.id) }
        }
        for (words, ids) in owners where ids.count == 1 { all.append((words, .role(ids.first!))) }
        var phrases: [String: [(words: [String], kind: Kind)]] = [:]
        for phrase in all where !phrase.words.isEmpty {
            phrases[phrase.words[0], default: []].append(phrase)
        }
        // Longest first, so "docent lichamelijke opvoeding" wins over a shorter phrase at the same word.
        self.phrases = phrases.mapValues { $0.sorted { $0.words.count > $1.words.count } }
    }

    /// The first word of every group and role phrase, as match keys.
    var heads: [String] { Array(phrases.keys) }

    /// A configured role and the words people use for it, as match keys: "docent lichamelijke
    /// opvoeding (LO)" → "docent lichamelijke opvoeding", "leraar lo", "gymleraar", "gym juf", ...
    static func roleWords(_ role: String) -> Set<[String]> {
        let plain = role.split(separator: "(").first.map(String.init) ?? ""
        let words = MatchText.words(plain)
        guard !words.isEmpty else { return [] }
        var out: Set<[String]> = [words]
        let joined = words.joined(separator: " ")
        for (name, others) in TargetWords.roleWords where MatchText.words(name).joined(separator: " ") == joined {
            for other in others { out.insert(MatchText.words(other)) }
        }
        // "docent groen": the subject with every word for a teacher, before it, after it, in one word,
        // and joined by "van" or "of" ("die juf van zorg", "the teacher of groen").
        for subject in subjects(ofRole: role) {
            for teacher in TargetWords.teacherWords.map(MatchText.words) {
                out.insert(teacher + subject)
                for joint in ["van", "of"] { out.insert(teacher + [joint] + subject) }
                out.insert(subject + teacher)
                out.insert([MatchText.key(Array((subject + teacher).joined().utf8))])
            }
            // "die van gym", "die dikke van techniek", "die gast van groen", "that guy from tech": the
            // subject alone or with a word for someone, always after a determiner (`isJoined`).
            for joint in joints {
                out.insert([joint] + subject)
                for person in TargetWords.personWords.map(MatchText.words) { out.insert(person + [joint] + subject) }
            }
        }
        return out
    }

    private static let joints = ["van", "from"].flatMap(MatchText.words)
    /// After "die van gym": a plural verb (the pupils of a subject, not its teacher) or a word that
    /// makes the subject a department ("tech support").
    private static let notOneTeacher = Set(
        [
            "zijn", "waren", "hebben", "hadden", "moeten", "kunnen", "willen", "mogen", "gaan", "doen", "worden",
            "support", "department", "desk",
        ].flatMap(MatchText.words))

    /// A role phrase that opens with "van" or "from" ("van gym"): a role only right after one
    /// determiner ("die van gym"), whatever follows; "les van gym van De Zeehoek" is no one.
    private static func isJoined(_ phrase: [String]) -> Bool { joints.contains(phrase[0]) }

    /// The subject of a teaching role and its other words, as match keys: "docent lichamelijke
    /// opvoeding (LO)" gives "lichamelijke opvoeding", "gym", "lo", ...; none for a role that is no
    /// teacher's ("directeur").
    static func subjects(ofRole role: String) -> [[String]] {
        let words = MatchText.words(role.split(separator: "(").first.map(String.init) ?? "")
        guard words.count >= 2, keys(TargetWords.teacherWords).contains(words[0]) else { return [] }
        let subject = Array(words.dropFirst())
        return [subject]
            + TargetWords.subjectWords.filter { MatchText.words($0.key) == subject }.values.joined().map(
                MatchText.words)
    }

    /// The subjects of the configured teaching roles, and their other words.
    static func subjects(of staff: [StaffMember]) -> Set<[String]> {
        Set(staff.flatMap { subjects(ofRole: $0.role ?? "") })
    }

    /// Each group or role in `words` (match keys of `tokens`), as word ranges; `school` marks the
    /// words of a found mention of the school, `taken` those of any found mention.
    func find(
        in words: [String], tokens: [TextToken], scalars: [Unicode.Scalar], school: [Bool], taken: [Bool],
        assumeSchool: Bool = false
    ) -> [(from: Int, to: Int, kind: Kind)] {
        guard assumeSchool || school.contains(true) else { return [] }
        // Each word looked up once: most words start no phrase and are no determiner.
        let starts = words.map { phrases[$0] != nil }
        let determines = words.indices.map {
            groupDeterminers.contains(words[$0]) || roleDeterminers.contains(words[$0]) || isEpithet(at: $0, words)
        }
        var found: [(from: Int, to: Int, kind: Kind)] = []
        var index = 0
        while index < words.count {
            if starts[index] || determines[index],
                let target = target(at: index, words, tokens, scalars, school, starts: starts, determines: determines),
                !taken[target.from..<target.to].contains(true)
            {
                found.append(target)
                index = target.to
            } else {
                index += 1
            }
        }
        // The school assumed, not named: in a post about another school its staff are that school's.
        if !found.isEmpty, !school.contains(true),
            otherSchools.named(in: words, tokens: tokens, scalars: scalars, school: school)
        {
            return []
        }
        return found
    }

    private func target(
        at start: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar], _ school: [Bool],
        starts: [Bool], determines: [Bool]
    ) -> (from: Int, to: Int, kind: Kind)? {
        // Up to two determiners ("al die leraren"), up to two adjectives after them ("die vette
        // directrice", "al die domme leraren"), then the longest phrase.
        for determiners in [2, 1, 0] where start + determiners < words.count {
            guard determines[start..<(start + determiners)].allSatisfy({ $0 }) else { continue }
            var at = start + determiners
            // "de 2B mentor": a class before the role stands where an adjective does.
            while determiners > 0, at < words.count, at - start - determiners < 2, !starts[at], !determines[at],
                isAdjective(words[at]) || Self.isClassName(scalars[tokens[at].start..<tokens[at].end])
            {
                at += 1
            }
            guard at < words.count, starts[at] else { continue }
            let leading = words[start..<(start + determiners)]
            guard let phrase = phrase(at: at, words)
            else { continue }
            let determined: Bool
            switch phrase.kind {
            case .group:
                determined =
                    determiners > 0 && (leading.allSatisfy(groupDeterminers.contains) || isEpithet(at: start, words))
            case .role:
                determined =
                    determiners == 1
                    ? roleDeterminers.contains(leading.first!) || isEpithet(at: start, words)
                    : determiners == 0 && isAddressed(phrase.words, at: at, words, tokens, scalars)
            case .people: determined = determiners == 0
            case .institution:
                // "die school in Almere" is another one.
                let elsewhere =
                    at + 2 < words.count && inPlace.contains(words[at + 1])
                    && scalars[tokens[at + 2].start].properties.isUppercase
                determined =
                    determiners == 1 && demonstratives.contains(leading.first!) && !school.contains(true) && !elsewhere
                guard determined else { continue }
            }
            let end = at + phrase.words.count
            // "die van gym zijn altijd te laat" (the pupils), "the guy from tech support": no one teacher.
            if phrase.words.contains(where: Self.joints.contains), end < words.count,
                Self.notOneTeacher.contains(words[end])
            {
                continue
            }
            guard let place = placeEnd(after: end, words, tokens, scalars, school) else { return nil }
            // A group needs no article before the school's name ("Leerlingen van De Zeehoek zaten …"):
            // only that school's are meant, and a pronoun in the next sentence refers back to them.
            let ofTheSchool = phrase.kind == .group && schoolNamed(after: end, words, school)
            if place == end && !ofTheSchool || Self.isJoined(phrase.words), !determined { continue }
            // "mentor 2B" without an article: as a signature or a subject opens its clause ("Mentor 2B hier:
            // …"); inside one it may be anyone's ("ik ben mentor 2B op het Baken", "mijn vorige mentor 1B").
            if !determined, place == end + 1, Self.isClassName(scalars[tokens[end].start..<tokens[end].end]),
                start > 0,
                !scalars[tokens[start - 1].end..<tokens[start].start].contains(where: {
                    ".,!?:;\n".unicodeScalars.contains($0)
                })
            {
                continue
            }
            return (start, place, phrase.kind)
        }
        return nil
    }

    /// "juf van zorg", "meester van gym": a title and a subject, as pupils address a teacher, need no
    /// article. Not after a word that makes it someone else's or another one ("de invallende meester
    /// van gym", "een nieuwe juf van zorg", "zijn meester van gym"), unless a new clause starts there;
    /// not with "Van" written as in a surname ("juf Van Groen").
    private func isAddressed(
        _ phrase: [String], at index: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar]
    ) -> Bool {
        guard phrase.count >= 3, titles.contains(phrase[0]), phrase[1] == "van", index + 2 < tokens.count else {
            return false
        }
        let van = scalars[tokens[index + 1].start..<tokens[index + 1].end]
        if van.first?.properties.isUppercase == true, van.contains(where: { $0.properties.isLowercase }) {
            return false
        }
        guard index > 0 else { return true }
        let gap = scalars[tokens[index - 1].end..<tokens[index].start]
        if gap.contains(where: { ".,!?:;\n".unicodeScalars.contains($0) }) { return true }
        let before = words[index - 1]
        return
            !(notBeforeTitle.contains(before) || notTheSame.contains(before) || isAdjective(before)
            || groupDeterminers.contains(before) || roleDeterminers.contains(before))
    }

    /// "die heks van een directrice", "wat een sukkel van een gymleraar", "zo'n eikel van een mentor": the
    /// Dutch epithet, in which "een" after "van" points at one person, as "die" does. Only after "die",
    /// "dat", "wat een" or "zo'n" and one word: "de man van een lerares" and "dit filmpje van een juf"
    /// are someone else.
    private func isEpithet(at index: Int, _ words: [String]) -> Bool {
        guard index >= 3, words[index] == indefinite[0] || words[index] == indefinite[1],
            words[index - 1] == indefinite[2]
        else { return false }
        let opener = words[index - 3]
        return epithetOpeners.contains(opener) || (opener == indefinite[0] && index >= 4 && words[index - 4] == "wat")
    }

    /// "een", "n" (zo'n) and "van", as match keys.
    private let indefinite = MatchText.words("een n van")
    private let epithetOpeners = Self.keys(["die", "dat", "n"])
    private let titles = Self.keys(["juf", "meester"])
    /// Before a title without an article: another one or someone else's ("een", "zijn", "ex"); an
    /// adjective ("nieuwe") is `isAdjective`'s. "zijn" is also the verb ("wat zijn juf van zorg en …"):
    /// those are missed, rather than a pupil's brother's teacher taken for the school's.
    private let notBeforeTitle = Self.keys([
        "een", "a", "an", "zijn", "z", "zn", "haar", "d", "dr", "hun", "je", "jouw", "m", "mn", "ex",
    ])

    /// An adjective before a group or role, as a match key: Dutch ones inflected there end in "e"
    /// ("vette", "domme"), English ones by their ending ("useless", "creepy") or a short list ("fat");
    /// not one that makes it someone else ("de vorige directrice").
    private func isAdjective(_ word: String) -> Bool {
        guard !notTheSame.contains(word) else { return false }
        if shortAdjectives.contains(word) { return true }
        guard word.utf8.count >= 4 else { return false }
        return adjectiveEndings.contains { word.hasSuffix($0) }
    }

    private func phrase(at index: Int, _ words: [String]) -> (words: [String], kind: Kind)? {
        phrases[words[index]]?.first { phrase in
            index + phrase.words.count <= words.count
                && words[index..<(index + phrase.words.count)].elementsEqual(phrase.words)
        }
    }

    /// "van De Zeehoek", "at de Zeehoek": a place word right after `end`, then the school's found name.
    private func schoolNamed(after end: Int, _ words: [String], _ school: [Bool]) -> Bool {
        guard end + 1 < words.count, placeWords.contains(words[end]) else { return false }
        return school[end + 1] || (end + 2 < words.count && articles.contains(words[end + 1]) && school[end + 2])
    }

    /// Where a group or role ending at `end` ends with what says where it is: "daar" (included),
    /// "van De Zeehoek" (the school's own mention left out), "van 2B", "van die school" (included);
    /// `end` itself when nothing follows; nil when a place word leads elsewhere ("het MT van het Baken").
    private func placeEnd(
        after end: Int, _ words: [String], _ tokens: [TextToken], _ scalars: [Unicode.Scalar], _ school: [Bool]
    ) -> Int? {
        guard end < words.count else { return end }
        if there.contains(words[end]) { return end + 1 }
        // "mentor 2B", "de mentor 2B": the class right after the role, as in a signature or a subject line.
        if Self.isClassName(scalars[tokens[end].start..<tokens[end].end]),
            scalars[tokens[end - 1].end..<tokens[end].start].allSatisfy({ $0.properties.isWhitespace })
        {
            return end + 1
        }
        guard placeWords.contains(words[end]) else { return end }
        let next = end + 1
        guard next < words.count else { return end }
        // "van De Zeehoek", also "van de Zeehoek" where only "Zeehoek" was found.
        if schoolNamed(after: end, words, school) { return end }
        if Self.isClassCode(scalars[tokens[next].start..<tokens[next].end]) { return next + 1 }
        for phrase in institution
        where next + phrase.count <= words.count && words[next..<(next + phrase.count)].elementsEqual(phrase) {
            return next + phrase.count
        }
        // "de directrice op het podium", "die gymleraar bij de ingang": where someone stands, not whose
        // they are. After "van", and after a place word a name ("de gymleraar op het Baken-college"),
        // another school or club ("op de basisschool", "op het mbo"), or the writer's own or former place
        // ("op mijn vorige school", "at my old school"), they belong elsewhere.
        if locatives.contains(words[end]) {
            let place = next + 1 < words.count && articles.contains(words[next]) ? next + 1 : next
            let word = words[place]
            let elsewhere =
                scalars[tokens[place].start].properties.isUppercase || notHere.contains(word)
                || notTheSame.contains(word) || Matcher.clubWords.contains(word)
                || (word.hasSuffix(Matcher.schoolEnding) && !Matcher.ownKinds.contains(word))
            if !elsewhere { return end }
        }
        return nil
    }

    private let locatives = Self.keys(["op", "bij", "aan", "at"])
    /// After a place word: the writer's own place or just some place ("op mijn vorige school", "bij een
    /// bedrijf"). Not "zijn" or "haar": "de directrice bij haar auto" is where she stands.
    private let notHere = Self.keys(["mijn", "m", "mn", "my", "een", "a", "an"])

    /// "2B", "3a", "h4": a class, as written (a digit and one or two letters).
    static func isClassCode(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        let digits = written.filter { $0.isASCII && $0.properties.numericType != nil }.count
        let letters = written.filter { $0.properties.isAlphabetic }.count
        return (1...2).contains(digits) && (1...2).contains(letters) && digits + letters == written.count
    }

    /// A class as written beside a role without "van" ("mentor 2B", "de 2B mentor"): one digit and one or
    /// two letters, or a letter and a digit ("h4"); stricter than `isClassCode`, as a word there may be
    /// anything ("H03R", "U19", "d1e").
    static func isClassName(_ written: ArraySlice<Unicode.Scalar>) -> Bool {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.numericType != nil }
        func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.isASCII && scalar.properties.isAlphabetic }
        let all = Array(written)
        switch all.count {
        // Not "2e" (tweede), "A4" (paper).
        case 2:
            return (isDigit(all[0]) && isLetter(all[1]) && all[1] != "e" && all[1] != "E")
                || (isLetter(all[0]) && isDigit(all[1]) && all[0] != "A" && all[0] != "a")
        case 3: return isDigit(all[0]) && isLetter(all[1]) && isLetter(all[2])
        default: return false
        }
    }

    private static func keys(_ words: [String]) -> Set<String> { Set(words.flatMap(MatchText.words)) }
}
