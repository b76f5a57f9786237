import Foundation

/// One way an entity can be written, as match keys (`MatchText`).
/// A class, not a struct: a million of them sit in the trie and every candidate refers to one,
/// so passing one around costs a reference count, not a copy of its strings.
final class NamePattern: Sendable {
    let entity: String
    let words: [String]
    let rule: MentionRule
    /// Counts only with school context (common names, a surname alone, an ambiguous school name).
    let needsContext: Bool
    /// An `exclude` word in the post vetoes it (names, not handles or domains).
    let vetoable: Bool
    /// The school's kind, from its name ("die praktijkschool", "PrO kids"), or `.none`.
    let kind: SchoolKind

    /// A form that names the school by its kind ("Praktijkschool", "PrO") rather than its name. Any
    /// school of that kind could be meant, so it counts only with the school's place right after it
    /// or where the school is named or assumed (`Matcher.fullPass`), and bare only after a determiner
    /// ("die praktijkschool", "op de PrO") or before its place, not as a word for the type of school.
    enum SchoolKind: UInt8, Sendable {
        case none, bare, people
    }

    init(
        entity: String, words: [String], rule: MentionRule, needsContext: Bool, vetoable: Bool, kind: SchoolKind = .none
    ) {
        self.entity = entity
        self.words = words
        self.rule = rule
        self.needsContext = needsContext
        self.vetoable = vetoable
        self.kind = kind
    }
}

/// Generates the patterns for the school and each staff member, including the Dutch name forms:
/// honorific + first name ("juf Marieke") or surname ("meneer El Amrani"), surnames with or
/// without tussenvoegsel, either half of a double surname, initials ("M. Verbeek", "MVS"),
/// possessives ("Mariekes"), and every multi-word form written as one word, as hashtags and
/// spelled-out names are ("#jufmarieke", "j u f m a r i e k e").
enum NameForms {
    static let honorifics = [
        "juf", "juffrouw", "meester", "meneer", "mevrouw", "mevr", "mw", "mvr", "dhr", "mr", "mrs", "ms", "miss",
        "mister", "sir",
        // Written without vowels, as in "jf Marieke", "mnr Strhs".
        "jf", "mnr", "mstr",
    ]
    static let tussenvoegsels: Set<String> = [
        "van", "de", "den", "der", "het", "t", "ter", "ten", "te", "in", "op", "uit", "vd",
    ]
    /// Words that make a school's name (Praktijkschool, PrO): what is left without them and the
    /// article ("Zeehoek") may be a street or a beach pavilion, and needs context.
    static let schoolWords: Set<String> = [
        "school", "praktijkschool", "pro", "basisschool", "college", "lyceum", "gymnasium", "atheneum", "mavo", "havo",
        "vwo", "vmbo", "scholengemeenschap", "sg", "csg", "obs", "cbs", "rkbs", "kindcentrum", "ikc", "campus",
        "academie",
    ]
    static let articles: Set<String> = ["de", "het", "t", "the", "een"]
    /// School words that say which kind of school, so that "die praktijkschool" can mean this one;
    /// "school", "college" or "campus" say too little.
    static let kindWords: Set<String> = [
        "praktijkschool", "pro", "basisschool", "lyceum", "gymnasium", "atheneum", "mavo", "havo", "vwo", "vmbo",
        "scholengemeenschap",
    ]
    /// The kind in English, as pupils and parents write it ("the practical school in Westerveen").
    static let kindInEnglish: [String: [String]] = [
        "praktijkschool": ["practical school"],
        "basisschool": ["primary school", "elementary school"],
    ]
    /// Words before a kind word that make it one school: "die praktijkschool", "op de PrO".
    static let kindDeterminers: Set<String> = ["de", "die", "deze", "dat", "that", "this", "the", "those", "these"]

    static func patterns(school: School, staff: [StaffMember]) -> [NamePattern] {
        var patterns: [NamePattern] = []
        func add(_ entity: String, _ words: [String], _ rule: MentionRule, context: Bool, veto: Bool = true) {
            guard !words.isEmpty else { return }
            patterns.append(
                NamePattern(entity: entity, words: words, rule: rule, needsContext: context, vetoable: veto))
            // The same written as one word: hashtags, handles, s p e l l e d  o u t names.
            if words.count > 1 {
                patterns.append(
                    NamePattern(
                        entity: entity, words: [MatchText.key(Array(words.joined().utf8))], rule: rule,
                        needsContext: context, vetoable: veto))
            }
        }
        func add(_ entity: String, _ phrase: String, _ rule: MentionRule, context: Bool, veto: Bool = true) {
            for reading in readings(phrase) {
                add(entity, MatchText.words(reading), rule, context: context, veto: veto)
            }
        }

        func addSchool(_ phrase: String, _ rule: MentionRule) {
            let words = MatchText.words(phrase)
            // Only a name without a school word ("De Zeehoek") can be a beach pavilion or a street:
            // `exclude` words and house numbers veto those, never "Praktijkschool De Zeehoek".
            let distinctive = words.contains { schoolWordKeys.contains($0) }
            add("school", words, rule, context: false, veto: !distinctive)
            // The name without its school word and article ("Zeehoek"): ambiguous on its own.
            let core = words.filter { !schoolWordKeys.contains($0) && !articleKeys.contains($0) }
            if !core.isEmpty, core != words { add("school", core, .alias, context: true) }
            // The school's people in one word with its bare name ("zeehoekleerlingen", "Zeehoekers"):
            // as plainly the school as "Zeehoek-kinderen" is (`TargetWords.schoolPeople`); so is the
            // school itself ("zeehoekschool").
            if core.count == 1, core != words {
                // The name as written ("Zeehoek"), not its key, which reads "l" as "i".
                let written = MatchText.tokens(phrase, readingLAsI: false).map(\.folded).last ?? ""
                let endsInVowel = written.last.map(vowels.contains) ?? true
                let endings =
                    TargetWords.schoolPeople + ["school", "schooltje"] + (endsInVowel ? [] : TargetWords.demonymEndings)
                for ending in endings {
                    add(
                        "school", [MatchText.key(Array((core[0] + MatchText.words(ending).joined()).utf8))], .alias,
                        context: false)
                }
            }
            // Its kind: "die praktijkschool", "PrO kids", "praktijkschoolleerlingen" (`SchoolKind`), in
            // the words as written ("PrO" reads "pr o", as the text's "PrO" does) and in lower case.
            for part in phrase.split(separator: " ")
            where kindWordKeys.contains(MatchText.words(part.lowercased()).joined()) {
                let key = MatchText.words(part.lowercased()).joined()
                let english = kindInEnglish.first { MatchText.words($0.key).joined() == key }?.value ?? []
                for kind in [MatchText.words(String(part))] + english.map(MatchText.words) {
                    addKind(kind)
                }
            }
            func addKind(_ kind: [String]) {
                patterns.append(
                    NamePattern(
                        entity: "school", words: kind, rule: .alias, needsContext: true, vetoable: true, kind: .bare))
                for people in TargetWords.schoolPeople.map(MatchText.words) {
                    for form in [kind + people, [MatchText.key(Array((kind + people).joined().utf8))]] {
                        patterns.append(
                            NamePattern(
                                entity: "school", words: form, rule: .alias, needsContext: true, vetoable: true,
                                kind: .people))
                    }
                }
            }
            // Written without vowels, the way pupils hide it from a filter ("de zhk"): with an
            // article as plainly the school as the name is; bare, it needs context as the bare name does.
            if let skeleton = schoolSkeleton(phrase) {
                add("school", skeleton, .alias, context: true)
                for article in ["de", "d"] { add("school", [article] + skeleton, .alias, context: false) }
            }
        }
        for (name, rule) in [(school.name, MentionRule.name)] + school.aliases.map({ ($0, MentionRule.alias) }) {
            for phrase in readings(name) { addSchool(phrase, rule) }
        }
        for handle in school.handles { add("school", handle, .handle, context: false, veto: false) }
        for hashtag in school.hashtags { add("school", hashtag, .hashtag, context: false, veto: false) }
        for domain in school.domains { add("school", domain, .domain, context: false, veto: false) }

        let skeletons = skeletons(staff, minimum: 3)
        for member in staff {
            let common = member.commonName
            add(member.id, member.name, .name, context: common)
            for alias in member.aliases { add(member.id, alias, .alias, context: common) }
            for handle in member.handles { add(member.id, handle, .handle, context: false, veto: false) }
            let (first, surnames) = split(member.name)
            // The second half of a double surname ("Smit" of Verbeek-Smit) is a name thousands share:
            // with an honorific it still needs context. So do initials ("M. Verbeek").
            let secondHalves = Set(surnames.filter { half in member.name.contains("-" + half) })
            for honorific in honorifics {
                if let first { add(member.id, "\(honorific) \(first)", .honorific, context: common) }
                for surname in surnames {
                    add(
                        member.id, "\(honorific) \(surname)", .honorific,
                        context: common || secondHalves.contains(surname))
                }
            }
            // After an honorific the tussenvoegsels people mix up ("mevrouw van de Berg" for Van den
            // Berg): with context, since Van de Berg and Van der Berg are names of their own.
            for honorific in honorifics {
                for variant in surnames.flatMap(tussenvoegselVariants) {
                    add(member.id, "\(honorific) \(variant)", .honorific, context: true)
                }
            }
            // After an honorific: "meneer El Amr", "mnr Strhs" (docs/matching.md). A clipped surname
            // alone ("El Amr ruikt …") counts as a first name does: with context.
            let halfKeys = Set(secondHalves.flatMap(MatchText.words))
            let clippedForms = clippedSurnames(surnames)
            for clipped in clippedForms { add(member.id, clipped, .surname, context: true) }
            for honorific in honorifics {
                for clipped in clippedForms {
                    add(member.id, MatchText.words(honorific) + clipped, .honorific, context: common)
                }
                for (skeleton, owner) in skeletons where owner.entity == member.id {
                    add(
                        member.id, MatchText.words(honorific) + [skeleton], .honorific,
                        context: common || halfKeys.contains(owner.word))
                }
            }
            for surname in surnames {
                if let first {
                    add(member.id, "\(first) \(surname)", .name, context: common)
                    add(member.id, "\(first.prefix(1)) \(surname)", .initials, context: true)
                }
                // A whole surname alone names the person unless the name is common (design §5: only
                // common names need context); half of a double surname is a name thousands share.
                let alone = common || secondHalves.contains(surname)
                add(member.id, surname, .surname, context: alone)
                add(member.id, surname + "s", .surname, context: alone)  // "Verbeeks klas"
            }
            if let first {
                // A first name alone ("Marieke"), or its possessive ("Mariekes"), counts with context.
                add(member.id, first, .firstName, context: true)
                add(member.id, first + "s", .firstName, context: true)
            }
            // Initials of every name part: "MVS" for Marieke Verbeek-Smit, "IVDBB"; ambiguous.
            let initials = member.name.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first).map(
                String.init
            ).joined()
            if initials.count >= 3 { add(member.id, initials, .initials, context: true) }
        }
        for form in HonorificInitials.forms(staff) {
            patterns.append(
                NamePattern(entity: form.entity, words: form.words, rule: .initials, needsContext: true, vetoable: true)
            )
        }
        return deduplicated(patterns)
    }

    /// "van den Berg" → ["van de Berg", "van der Berg"]: the surname with the other of the three
    /// tussenvoegsels that are mixed up most; [] for a surname without one of them.
    static func tussenvoegselVariants(_ surname: String) -> [String] {
        let mixedUp = ["van de", "van den", "van der"]
        let lowered = surname.lowercased()
        guard let own = mixedUp.first(where: { lowered.hasPrefix($0 + " ") }) else { return [] }
        let core = surname.dropFirst(own.count + 1)
        return mixedUp.filter { $0 != own }.map { "\($0) \(core)" }
    }

    /// A configured name as written and, when that reads otherwise, in lower case: written "PrO
    /// Zeehoek" splits like a camelCase hashtag ("pr o zeehoek"), and people write "pro zeehoek".
    static func readings(_ phrase: String) -> [String] {
        let lowered = phrase.lowercased()
        return MatchText.words(lowered) == MatchText.words(phrase) ? [phrase] : [phrase, lowered]
    }

    static let schoolWordKeys: Set<String> = Set(schoolWords.flatMap(MatchText.words))
    static let articleKeys: Set<String> = Set(articles.flatMap(MatchText.words))
    static let kindWordKeys: Set<String> = Set(kindWords.flatMap(MatchText.words))
    static let kindDeterminerKeys: Set<String> = Set(kindDeterminers.flatMap(MatchText.words))
    /// Words between a kind word and its place: "die praktijkschool in Westerveen".
    static let kindPlaceWords: Set<String> = Set(
        ["in", "uit", "te", "bij", "at", "from", "of", "van"].flatMap(MatchText.words))

    /// "Ingrid van den Berg-Bos" → ("Ingrid", ["van den Berg-Bos", "Berg-Bos", "van den Berg", "Berg", "Bos"]).
    static func split(_ name: String) -> (first: String?, surnames: [String]) {
        let parts = name.split(separator: " ").map(String.init)
        guard parts.count >= 2 else { return (nil, parts) }
        let surnameParts = Array(parts.dropFirst())
        let prefix = surnameParts.prefix { tussenvoegsels.contains($0.lowercased()) }
        let core = surnameParts.dropFirst(prefix.count)
        guard !core.isEmpty else { return (parts[0], [surnameParts.joined(separator: " ")]) }
        var surnames = [surnameParts.joined(separator: " "), core.joined(separator: " ")]
        // A double surname: either half is used on its own ("Verbeek-Smit" → "Verbeek", "Smit").
        let coreText = core.joined(separator: " ")
        if coreText.contains("-") {
            let halves = coreText.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            if let firstHalf = halves.first, !prefix.isEmpty {
                surnames.append((prefix + [firstHalf]).joined(separator: " "))
            }
            surnames += halves
        }
        var seen: Set<String> = []
        return (parts[0], surnames.filter { seen.insert($0.lowercased()).inserted })
    }

    /// One pattern per entity and words; where two forms give the same words, the one that needs
    /// no context wins (the name "Marieke" and the possessive-less form of "Mariekes").
    private static func deduplicated(_ patterns: [NamePattern]) -> [NamePattern] {
        var best: [String: Int] = [:]
        var out: [NamePattern] = []
        for pattern in patterns {
            let key = pattern.entity + "\u{1F}" + pattern.words.joined(separator: " ")
            if let index = best[key] {
                if out[index].needsContext, !pattern.needsContext { out[index] = pattern }
            } else {
                best[key] = out.count
                out.append(pattern)
            }
        }
        return out
    }
}
