import Foundation

/// Finds mentions of the school and its staff in a post. Built once per configuration.
public struct Matcher: Sendable {
    /// All forms of all names, compiled once per configuration (and again on reload).
    let forms: PatternTrie
    /// Name words misspelt or written without vowels.
    let misspelt: MisspeltNames
    private let contextPhrases: [[String]]
    /// The same by their first word.
    private let contextByFirstWord: [String: [[String]]]
    /// Context words written with a capital in the config: proper nouns, the school's place
    /// ("Westerveen"), which say which praktijkschool is meant (`NamePattern.SchoolKind`).
    private let placeNames: [String: [[String]]]
    /// `WordHash`es of the context phrases' first words and of the honorifics: most words are
    /// neither, and a probe here is cheaper than hashing a `String` for a `Set`.
    private let contextFirstWords: HashSet64
    private let honorifics: HashSet64
    let excludePhrases: [[String]]
    /// One-word context words of five letters or more, as bytes: also found as a compound's tail.
    private let contextTails: [[UInt8]]
    /// The configured accounts: a post *by* one of them mentions that entity.
    private let accounts: AccountOwners
    /// Words put before an honorific in one compound that still address someone, as match keys.
    private let compoundHeads: [String]
    /// Groups of the school's staff and staff roles ("het MT", "de gymleraar").
    let targets: TargetForms
    /// First names of five letters or more, one edit off, read only after an honorific ("juf Fatna").
    private let firstNameSlips: Misspellings
    private let ordinaryWords: OrdinaryNameWords
    /// Whole surnames and names that need no context, of six letters or more, found also at the start
    /// of a sentence written as one word ("OOSTERHUISISEENDIKKEKUTBOER"); the school's names anywhere in it.
    let gluedHeads: GluedHeads
    /// Tells from a post's key bytes alone that it mentions no one (most posts).
    let filter: MentionFilter

    /// `compoundHeads`: words that, written before an honorific in one word, still address someone:
    /// curses and school roles ("kankerjuf Marieke", "invaljuf Marieke"). Only these, because many other
    /// compounds end in an honorific and are titles of their own ("burgemeester"). The classifier passes
    /// its lexicon's `compoundhead` list; without them a compound never counts as an honorific.
    public init(
        school: School, staff: [StaffMember], matching: MatchingSettings = MatchingSettings(),
        compoundHeads: [String] = []
    ) {
        self.compoundHeads = compoundHeads.flatMap(MatchText.words)
        ordinaryWords = OrdinaryNameWords(matching)
        let patterns = NameForms.patterns(school: school, staff: staff)
        let forms = PatternTrie(patterns)
        self.forms = forms
        gluedHeads = GluedHeads(
            patterns.filter {
                // Whole names too, written as one word by `NameForms` ("fatmayilmazisgewooneenkutwijf").
                ([.surname, .name].contains($0.rule) && !$0.needsContext && $0.words.count == 1
                    && $0.words[0].utf8.count >= 6)
                    // An honorific or alias with the name, glued too: "jufmariekeisdom", "djmulderiseen…".
                    || ([.honorific, .alias, .name].contains($0.rule) && !$0.needsContext && $0.words.count > 1
                        && $0.words.joined().utf8.count >= 8)
            },
            inside: patterns.filter {
                $0.entity == "school" && !$0.needsContext && [.name, .alias, .handle, .hashtag].contains($0.rule)
                    && $0.words.count == 1 && $0.words[0].utf8.count >= 8
            }, in: forms)
        // Misspellings of the names themselves, not of handles, hashtags or domains, nor of the words
        // of the school's kind ("teachers" in "PrO teachers": "teacher" is no misspelt name).
        misspelt = MisspeltNames(
            words: patterns.filter { [.name, .alias, .surname, .firstName].contains($0.rule) && $0.kind == .none }
                .flatMap(\.words), staff: staff, settings: matching)
        targets = TargetForms(staff: staff)
        var slips = MatchingSettings()
        (slips.misspellings, slips.oneEditFrom, slips.twoEditsFrom) = (matching.misspellings, 5, 1_000)
        firstNameSlips = Misspellings(
            words: staff.compactMap { NameForms.split($0.name).first.map(MatchText.words) }.filter { $0.count == 1 }
                .flatMap { $0 }, settings: slips)
        // The school's bare name right before its people ("Zeehoek-kinderen", "Zeehoek kids") says which Zeehoek.
        let bareSchool = patterns.filter { $0.entity == "school" && $0.needsContext && $0.kind == .none }.map(\.words)
        contextPhrases =
            (school.context + TargetWords.schoolContext).map(MatchText.words).filter { !$0.isEmpty }
            + bareSchool.flatMap { name in TargetWords.schoolPeople.map { name + MatchText.words($0) } }
            + Self.demonstrated(bareSchool, between: TargetWords.beforeBareName)
            // "meneer de Vries van techniek": a teacher's subject says which de Vries.
            + TargetForms.subjects(of: staff).flatMap { subject in ["van", "from"].map { [$0] + subject } }
        excludePhrases = school.exclude.map(MatchText.words).filter { !$0.isEmpty }
        contextByFirstWord = Dictionary(grouping: contextPhrases, by: { $0[0] })
        placeNames = Dictionary(
            grouping: school.context.filter { $0.first?.isUppercase == true }.map(MatchText.words).filter {
                !$0.isEmpty
            }, by: { $0[0] })
        contextFirstWords = HashSet64(contextPhrases.map { WordHash.of($0[0]) })
        honorifics = HashSet64(Self.honorificKeys.map(WordHash.of))
        contextTails = contextPhrases.filter { $0.count == 1 && $0[0].utf8.count >= 5 }.map { Array($0[0].utf8) }
        accounts = AccountOwners(school: school, staff: staff)
        filter = MentionFilter(
            honorifics: Array(Self.honorificKeys), particles: Array(Self.particleKeys), contextPhrases: contextPhrases,
            contextTails: contextTails,
            compoundHonorifics: self.compoundHeads.isEmpty ? [] : Self.compoundHonorifics,
            compoundHeads: self.compoundHeads, gluedHeads: gluedHeads, targetHeads: targets.heads)
    }

    /// Every pattern as its match keys joined by spaces: the literal strings a plain
    /// multi-pattern search would look for in `MatchText.normalised` text (the benchmark's peers).
    public var literalPatterns: [String] {
        forms.literals.sorted()
    }

    public func mentions(in post: Post) -> [Mention] {
        let text = post.matchText
        let keyed = MatchText.keyed(text)
        if !post.schoolSpecific, !filter.mayMention(keyed, forms: forms, misspelt: misspelt) {
            return authorMention(post)
        }
        return fullPass(post, text: text, tokens: keyed.tokens)
    }

    /// What would be a mention if the post were known to be about the school: names that need school
    /// context, and groups and roles ("die directrice", "zeehoek") where the school is not named.
    /// Never enough for an alert; the classifier sends abuse aimed at these to review (docs/matching.md).
    public func possibleMentions(in post: Post) -> [Mention] {
        let text = post.matchText
        let keyed = MatchText.keyed(text)
        guard !post.schoolSpecific else { return fullPass(post, text: text, tokens: keyed.tokens, assumeSchool: true) }
        switch filter.mayMentionAssumingSchool(keyed, forms: forms, misspelt: misspelt) {
        case .nothing: return authorMention(post)
        case .groupsOrRoles: return groupsAndRoles(post, text: text, tokens: keyed.tokens)
        case .anything: return fullPass(post, text: text, tokens: keyed.tokens, assumeSchool: true)
        }
    }

    /// `mentions(in:)` on text already split by `MatchText.tokens`.
    package func mentions(in post: Post, text: String, tokens: [TextToken]) -> [Mention] {
        if !post.schoolSpecific, !filter.mayMention(KeyedText(tokens), forms: forms, misspelt: misspelt) {
            return authorMention(post)
        }
        return fullPass(post, text: text, tokens: tokens)
    }

    /// A post by one of the configured accounts mentions its owner.
    func authorMention(_ post: Post) -> [Mention] {
        guard !post.author.isEmpty, let entity = owner(ofAuthor: post.author) else { return [] }
        return [Mention(entity: entity, surface: post.author, start: 0, end: 0, rule: .author)]
    }

    func fullPass(_ post: Post, text: String, tokens: [TextToken], assumeSchool: Bool = false) -> [Mention] {
        // What is asked of a word more than once, found once: its hash, the trie node it leads to as
        // a form's first word (-1: none), whether it is an honorific. `replace` keeps them true when
        // a word is read as another.
        var words = tokens.map(\.folded)
        var hashes = words.map(WordHash.of)
        var firstNodes = words.indices.map { forms.firstWordNode(words[$0], hash: hashes[$0]) }
        var isHonorific = words.indices.map {
            honorifics.contains(hashes[$0]) && Self.honorificKeys.contains(words[$0])
        }
        func replace(_ index: Int, with word: String) {
            words[index] = word
            hashes[index] = WordHash.of(word)
            firstNodes[index] = forms.firstWordNode(word, hash: hashes[index])
            isHonorific[index] = Self.honorificKeys.contains(word)
        }
        // "kankerjuf Marieke", "invaljuf Marieke": an honorific at the end of a compound still addresses someone.
        for index in words.indices.dropLast() where firstNodes[index] < 0 {
            if let honorific = honorificInCompound(words[index]) { replace(index, with: honorific) }
        }
        var places = findPlaces(words, hashes, firstNodes, tokens)
        // Words one or two letters off a name word are read as that word, and say so. Only where
        // a misspelled name could count at all: next to a name or an honorific, or in a post with
        // school context. (That also keeps the cost off the many posts that mention nobody.)
        var corrected = [Bool](repeating: false, count: words.count)
        let contextWord = hasContextWord(words, hashes)
        if post.schoolSpecific || assumeSchool || !places.isEmpty || contextWord || isHonorific.contains(true) {
            // A misspelt name word counts only after an honorific or a name's first word ("meneer
            // Verbeeck", "Marieke Verbeeck"), before a name word ("Mariekke Verbeek"), or alone in a
            // post with context; elsewhere looking is wasted work.
            // Not after an article or tussenvoegsel: "de" starts "De Zeehoek", but "de zeshoek" is no name.
            func nameStartsAt(_ index: Int) -> Bool {
                words.indices.contains(index) && firstNodes[index] > 0 && !Self.particleKeys.contains(words[index])
            }
            let anywhere = post.schoolSpecific || contextWord || assumeSchool
            let found = Self.inside(places, count: words.count)
            for index in words.indices
            where firstNodes[index] < 0 && !found[index]
                && (anywhere || (index > 0 && isHonorific[index - 1]) || nameStartsAt(index - 1)
                    || nameStartsAt(index + 1))
            {
                if let word = misspelt.name(for: words[index])
                    ?? (index > 0 && isHonorific[index - 1] ? firstNameSlips.correction(of: words[index]) : nil)
                {
                    replace(index, with: word)
                    corrected[index] = true
                }
            }
            if corrected.contains(true) { places = findPlaces(words, hashes, firstNodes, tokens) }
        }
        // "De Zeehoek 14": a house number makes a school's name a street; "#dezeehoek 2C" is a hashtag and a class.
        let scalars = Array(text.unicodeScalars)
        let excluded = excludePhrases.contains { Self.contains($0, in: words) }
        // A word starts many forms (initials shared by dozens of staff): what the words around a
        // place say is looked up once per place, and only when a form there asks.
        var firmOrTitle = [UInt8](repeating: 2, count: words.count + 1)
        // Plain values in the closures below: capturing `self` copies the whole matcher.
        let facts = forms.facts
        let ordinaryWords = ordinaryWords
        let placeNames = placeNames
        func isFirmOrOther(_ from: Int, _ to: Int) -> Bool {
            if firmOrTitle[from] == 2 || to != from + 1 {
                let answer =
                    Self.isFirmOrTitle(after: to, words, tokens, scalars)
                    || Self.isSomeoneElse(
                        before: from, in: words,
                        writtenAsOneLetter: from > 0 && Self.isInitial(tokens[from - 1], scalars))
                guard to == from + 1 else { return answer }
                firmOrTitle[from] = answer ? 1 : 0
            }
            return firmOrTitle[from] == 1
        }
        // A name followed by "van"/"from" and another place's name is someone else. Only places before
        // "van"/"from" can be (in most posts none, and then nothing below is built or asked).
        let beforeBelonging = places.filter { $0.to < words.count && Self.belongingWords.contains(words[$0.to]) }
        var elsewhere: [Int: Bool] = [:]
        func isElsewhere(after to: Int) -> Bool {
            if let known = elsewhere[to] { return known }
            let answer = Self.belongsElsewhere(after: to, words, tokens, scalars) { index in
                places.contains { $0.from == index && $0.forms.contains { facts[Int($0)].isSchool } }
            }
            elsewhere[to] = answer
            return answer
        }
        // The place or a longer one around it: "Jan" in "Jan de Vries van VV Westerveen" is that Jan too, and
        // so is one said to share the name ("heet ook Marieke Verbeek": Verbeek too).
        let namesakes = places.filter { Self.isNamesake(from: $0.from, to: $0.to, in: words) }
        func isElsewhere(_ place: Place) -> Bool {
            beforeBelonging.contains { $0.from <= place.from && $0.to >= place.to && isElsewhere(after: $0.to) }
                || namesakes.contains { $0.from <= place.from && $0.to >= place.to }
        }
        // Why a form found at a place is no mention there, whatever the context.
        func isVetoed(_ form: PatternTrie.FormFacts, _ place: Place, inHandle: Bool) -> Bool {
            (form.isSchool && form.vetoable && (form.rule == .name || form.rule == .alias)
                && place.to < tokens.count
                && Self.isHouseNumber(scalars[tokens[place.to].start..<tokens[place.to].end])
                // A street's number follows it across a space only ("de zeehoek: 23-KLM-4" is no address).
                && Self.onlySpaces(before: place.to, tokens, scalars)
                && !(tokens[place.from].start > 0 && scalars[tokens[place.from].start - 1] == "#"))
                // Part of a handle is a name someone chose, not a mention by itself; the school's may be (`Matcher+Handles`).
                || (form.needsContext && inHandle
                    && !(form.isSchool && handleNamesSchool(place, words, tokens, scalars, places, facts)))
                || (excluded && form.vetoable && form.isSchool)
                || (form.isSchool && form.vetoable && (form.rule == .name || form.rule == .alias) && place.from > 0
                    && Self.placeKinds.contains(words[place.from - 1]))
                || (form.isSchool && form.vetoable && (form.rule == .name || form.rule == .alias) && !inHandle
                    && !(tokens[place.from].start > 0 && scalars[tokens[place.from].start - 1] == "#")
                    && Self.isAnotherPlace(after: place.to, words, tokens, scalars, placeNames: placeNames) { at in
                        places.contains { $0.from == at }
                    })
                || (form.rule == .surname && isFirmOrOther(place.from, place.to))
                || (!form.isSchool && form.rule != .surname
                    && Self.isFirmOrTitle(after: place.to, words, tokens, scalars, closed: true))
                || (form.rule == .initials && isHonorific[place.from]
                    && !HonorificInitials.counts(from: place.from, to: place.to, words, tokens, scalars))
                || (!form.isSchool && form.rule != .handle && isElsewhere(place))
        }
        let inHandle = places.map { tokens[$0.from..<$0.to].contains(where: \.inHandle) }
        // Context: the school named unambiguously, someone addressed with an honorific, a context
        // word, or a feed about the school.
        // A corrected (misspelt) word never anchors: a Dutch word near a name must not make context.
        let anchored = places.indices.contains { i in
            let place = places[i]
            guard !corrected[place.from..<place.to].contains(true) else { return false }
            return place.forms.contains {
                let form = facts[Int($0)]
                return (!form.needsContext || (form.isSchool && inHandle[i]))
                    && (form.isSchool || form.rule == .honorific)
                    && !isVetoed(form, place, inHandle: inHandle[i])
            }
        }
        // Dozens of one-word forms end at a common name: whether it is an ordinary word there, once per place.
        var ordinaryAt = [UInt8](repeating: 2, count: words.count)
        func isOrdinaryWord(_ place: Place, _ form: PatternTrie.FormFacts) -> Bool {
            guard place.to - place.from == 1, form.rule == .surname || form.rule == .firstName else { return false }
            if ordinaryAt[place.from] == 2 {
                ordinaryAt[place.from] =
                    ordinaryWords.contains(at: place.from, words, tokens, scalars) ? 1 : 0
            }
            return ordinaryAt[place.from] == 1
        }
        // The school's bare name and a staff name that needs context, in one post, confirm each other
        // ("that de vries guy in the tech room at Zeehoek"): both by chance is unlikely.
        // Not a first name or initials ("Op 15 jan …", "met Sanne … bij Zeehoek"): a name thousands share.
        func ambiguous(school: Bool) -> [Range<Int>] {
            places.indices.compactMap { i in
                let place = places[i]
                guard !corrected[place.from..<place.to].contains(true) else { return nil }
                let found = place.forms.contains {
                    let form = facts[Int($0)]
                    return form.needsContext && form.isSchool == school && form.kind == .none
                        && !isVetoed(form, place, inHandle: inHandle[i])
                        && (school || [.name, .surname, .honorific, .alias].contains(form.rule))
                        && !isOrdinaryWord(place, form)
                }
                return found ? place.from..<place.to : nil
            }
        }
        // Two places apart: one word never confirms itself (a staff member's initials that spell the
        // school's skeleton).
        let confirmed: Bool = {
            guard !anchored, !contextWord else { return false }
            let schoolPlaces = ambiguous(school: true)
            guard !schoolPlaces.isEmpty else { return false }
            let staffPlaces = ambiguous(school: false)
            return schoolPlaces.contains { school in staffPlaces.contains { !$0.overlaps(school) } }
        }()
        let hasContext =
            post.schoolSpecific || (assumeSchool && !excluded) || anchored || (!excluded && (contextWord || confirmed))
        // The school by its kind (`Matcher+SchoolKind.swift`).
        func kindCounts(_ form: PatternTrie.FormFacts, _ place: Place) -> Bool {
            Self.kindCounts(
                bare: form.kind == .bare, from: place.from, to: place.to, words, tokens, scalars,
                placeNames: placeNames, assumed: post.schoolSpecific || assumeSchool || anchored)
        }
        func counts(_ form: PatternTrie.FormFacts, _ i: Int) -> Bool {
            let place = places[i]
            if form.kind != .none { return !isVetoed(form, place, inHandle: inHandle[i]) && kindCounts(form, place) }
            // An honorific and initials are only ever a possible target: any juf M. may be meant (`HonorificInitials`).
            if form.rule == .initials, isHonorific[place.from], !(assumeSchool || post.schoolSpecific) { return false }
            return !isVetoed(form, place, inHandle: inHandle[i])
                && !(!hasContext && form.needsContext
                    && !Self.isSpelledOut(form, place.from, place.to, tokens, scalars))
                && !isOrdinaryWord(place, form)
        }

        // Longest first; a shorter match inside a longer one ("De Zeehoek" in "Praktijkschool De Zeehoek")
        // is dropped. At each place, the first of its forms that counts is the mention.
        let order = Self.longestFirst(places)
        var taken = [Bool](repeating: false, count: words.count)
        var school = [Bool](repeating: false, count: words.count)
        var mentions: [Mention] = []
        for i in order where !taken[places[i].from..<places[i].to].contains(true) {
            let place = places[i]
            guard let index = place.forms.first(where: { counts(facts[Int($0)], i) }) else { continue }
            let form = facts[Int(index)]
            for word in place.from..<place.to {
                taken[word] = true
                school[word] = form.isSchool
            }
            let start = tokens[place.from].start
            let end = tokens[place.to - 1].end
            let rule =
                corrected[place.from..<place.to].contains(true)
                ? MentionRule.misspelling : form.rule
            // A one-word form found in a longer word: a glued sentence around the name.
            let pattern = forms.pattern(index)
            let glued = place.to - place.from == 1 && pattern.words.joined() != words[place.from]
            // From the scalars already split: finding each surface from the text's start was quadratic.
            mentions.append(
                Mention(
                    entity: pattern.entity, surface: String(scalars: scalars[start..<end]),
                    start: start, end: end, rule: rule, glued: glued, byKind: form.kind != .none))
        }
        // "de leraren daar", "de gymleraar": only in a post that names the school.
        mentions += targetMentions(
            words, tokens, scalars, school: school, taken: taken, assumeSchool: assumeSchool && !excluded)
        if !post.author.isEmpty, let entity = owner(ofAuthor: post.author) {
            mentions.append(Mention(entity: entity, surface: post.author, start: 0, end: 0, rule: .author))
        }
        return Self.inTextOrder(mentions)
    }

    /// A context word in the post, also at the end of a Dutch compound ("kutschool", "rotleraar")
    /// when it is five letters or more.
    private func hasContextWord(_ words: [String], _ hashes: [UInt64]) -> Bool {
        for index in words.indices where contextFirstWords.contains(hashes[index]) {
            if let phrases = contextByFirstWord[words[index]],
                phrases.contains(where: { Self.matches($0, words, at: index) })
            {
                return true
            }
        }
        for word in words where word.utf8.count > 5 && filter.endsInTail(word.utf8) && !Self.isElsewhereCompound(word) {
            for tail in contextTails where Self.endsWith(word, tail) { return true }
        }
        return false
    }

    private static let particleKeys: Set<String> = Set(
        (NameForms.tussenvoegsels.union(NameForms.articles)).flatMap(MatchText.words))

    static let honorificKeys: Set<String> = Set(NameForms.honorifics.flatMap(MatchText.words))

    /// The honorifics a compound can end in ("kankerjuf"), after one of `compoundHeads`.
    private static let compoundHonorifics: [String] = ["juf", "juffrouw", "meester", "meneer", "mevrouw"].flatMap(
        MatchText.words)

    func honorificInCompound(_ word: String) -> String? {
        // The filter is given `compoundHonorifics` when there are compound heads, and none otherwise.
        guard !compoundHeads.isEmpty, word.utf8.count > 4,
            let index = word.utf8.withContiguousStorageIfAvailable({ filter.compoundHonorific(in: $0) })
                ?? Array(word.utf8).withUnsafeBufferPointer({ filter.compoundHonorific(in: $0) })
        else { return nil }
        return Self.compoundHonorifics[index]
    }

    /// Whether the school or a staff member has configured handles (so any other handle is not theirs).
    public func hasHandles(_ entity: String) -> Bool { accounts.hasHandles(entity) }

    /// The school or staff member who owns the account that wrote a post, if any (see `AccountOwners`).
    public func owner(ofAuthor author: String) -> String? { accounts.owner(ofAuthor: author) }
}
