/// Whether a post may mention anyone, from the bytes and hashes of its keys alone: most posts name
/// no one, and for them the matcher's full pass (words as `String`s, candidates, context rules) is
/// skipped. Exact, not a guess: it answers no only when that pass would find nothing but the author,
/// that is when no form starts at any word, and no word is an honorific, starts a context phrase,
/// ends in a context word or in a compound's honorific after a compound head, is a glued sentence
/// that holds a name (`GluedHeads`), or is written together with the word before it, and the school's
/// bare name and a staff name that need context are not both there (they confirm each other); a
/// form that needs context counts only when a word next
/// to it would be read as a misspelt name (which is what the full pass does then). A hash that
/// collides only sends a post the long way.
struct MentionFilter: Sendable {
    /// `WordHash`es of the honorifics and of each context phrase's first word.
    private let words: HashSet64
    /// `WordHash`es of the honorifics, and of each group's or role's first word: with the school
    /// assumed, these may start a mention where no name form does.
    private let honorifics: HashSet64
    private let targetHeads: HashSet64
    /// The one-word context words a compound may end in, hashed from their last byte backwards
    /// (`backwardHash`), so one pass over a word's end tries every length; and the longest.
    private let tails: HashSet64
    private let longestTail: Int
    /// Honorifics a compound may end in ("kankerjuf"); none when no compound heads are configured.
    private let compoundHonorifics: [[UInt8]]
    /// The words a compound's honorific may follow ("kanker" in "kankerjuf"), as `Matcher`'s.
    private let compoundHeads: [[UInt8]]
    /// Surnames a sentence written as one word may start with, as `Matcher`'s.
    private let gluedHeads: GluedHeads
    /// Tussenvoegsels and articles: a word after one is no misspelt name for it ("de zeshoek").
    private let particles: [[UInt8]]
    /// As `Matcher`'s glued sentences: a word this long may hold a name (`GluedHeads`).
    static let gluedLength = 14

    init(
        honorifics: [String], particles: [String], contextPhrases: [[String]], contextTails: [[UInt8]],
        compoundHonorifics: [String], compoundHeads: [String], gluedHeads: GluedHeads, targetHeads: [String]
    ) {
        self.compoundHeads = compoundHeads.map { Array($0.utf8) }
        self.gluedHeads = gluedHeads
        self.particles = particles.map { Array($0.utf8) }
        words = HashSet64((honorifics + contextPhrases.compactMap(Self.telling)).map(WordHash.of))
        self.honorifics = HashSet64(honorifics.map(WordHash.of))
        self.targetHeads = HashSet64(targetHeads.map(WordHash.of))
        tails = HashSet64(contextTails.map { Self.backwardHash(ofLast: $0.count, $0[...]) })
        longestTail = contextTails.map(\.count).max() ?? 0
        self.compoundHonorifics = compoundHonorifics.map { Array($0.utf8) }
    }

    /// The word of a context phrase to look for: its first, unless that is a word many posts have ("die
    /// Zeehoek", "die hele Zeehoek", "van techniek"); a phrase is there only if all its words are, so any
    /// will do.
    static func telling(_ phrase: [String]) -> String? {
        phrase.first { !commonWords.contains($0) } ?? phrase.first
    }
    private static let commonWords: Set<String> = Set(
        (TargetWords.demonstratives + TargetWords.beforeBareName + ["van", "from"]).flatMap(MatchText.words))

    /// `misspelt`: the words the full pass would read as a misspelt name.
    func mayMention(_ text: KeyedText, forms: PatternTrie, misspelt: MisspeltNames) -> Bool {
        var contextual = false
        // The school's bare name and a staff name that need context confirm each other
        // (`Matcher.fullPass`): whose such forms were seen, 1 the school's, 2 a staff member's.
        var contextualOwners: UInt8 = 0
        // Which words start a form, as found on the way (most posts have few words; longer ones ask again).
        var starts: UInt64 = 0
        for index in text.words.indices {
            let word = text.words[index]
            let length = Int(word.keyEnd - word.keyStart)
            if words.contains(word.hash) || (length >= Self.gluedLength && holdsGluedName(text.key(index))) {
                return true
            }
            // Split at a capital ("#DeZeehoek"): also matched as the one word it was written as.
            if index > 0, text.words[index - 1].end == word.start { return true }
            let (kind, startsForm, owners) = forms.formKind(in: text, at: index)
            contextualOwners |= owners
            if contextualOwners == 3 { return true }
            if startsForm, index < 64 { starts |= 1 << UInt64(index) }
            switch kind {
            case .free: return true
            case .contextual: contextual = true
            case .none: break
            }
            guard length > 4 else { continue }
            let key = text.key(index)
            if longestTail > 0, endsInTail(key) { return true }
            if endsInCompoundHonorific(key) { return true }
        }
        guard contextual else { return false }
        // `Matcher.fullPass`'s places for a misspelt name, with no context: only next to a word that starts a form.
        func startsForm(_ index: Int) -> Bool {
            guard text.words.indices.contains(index),
                index < 64 ? starts & (1 << UInt64(index)) != 0 : forms.startsSomeForm(text, index)
            else { return false }
            return !particles.contains { $0.elementsEqual(text.key(index)) }
        }
        for index in text.words.indices where startsForm(index - 1) || startsForm(index + 1) {
            if misspelt.contains(key: text.key(index)) { return true }
        }
        return false
    }

    /// What `Matcher.possibleMentions` may find.
    enum Possible {
        case nothing
        /// Only groups and roles ("de docenten"): no word could start a name or be a misspelt one.
        case groupsOrRoles
        case anything
    }

    /// The same for `Matcher.possibleMentions`, where the school is assumed: then every form counts,
    /// a group or role may start at any of its first words, and any word may be a misspelt name
    /// (context words matter no more: the context is assumed). `misspelt` as for `mayMention`.
    func mayMentionAssumingSchool(_ text: KeyedText, forms: PatternTrie, misspelt: MisspeltNames) -> Possible {
        var answer = Possible.nothing
        for index in text.words.indices {
            let word = text.words[index]
            let length = Int(word.keyEnd - word.keyStart)
            if honorifics.contains(word.hash) || (length >= Self.gluedLength && holdsGluedName(text.key(index))) {
                return .anything
            }
            if index > 0, text.words[index - 1].end == word.start { return .anything }
            if forms.formKind(in: text, at: index).kind != .none { return .anything }
            if targetHeads.contains(word.hash) { answer = .groupsOrRoles }
            // Misspelt names are five letters or more, vowel-less ones four consonants or more.
            guard length >= 4 else { continue }
            let key = text.key(index)
            if endsInCompoundHonorific(key) { return .anything }
            if misspelt.contains(key: key) { return .anything }
        }
        return answer
    }

    /// A sentence written as one word that holds a name (`Matcher`'s glued heads).
    private func holdsGluedName(_ key: ArraySlice<UInt8>) -> Bool {
        gluedHeads.head(of: String(decoding: key, as: UTF8.self)) != nil
    }

    /// An honorific after a compound head in one word ("kankerjuf"; not "burgemeester").
    private func endsInCompoundHonorific(_ key: ArraySlice<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { compoundHonorific(in: $0) } != nil
    }

    /// The index among the compound honorifics of the one `word` ends in after a compound head, if
    /// any. (The first that ends it decides; none of them ends another.)
    func compoundHonorific(in word: UnsafeBufferPointer<UInt8>) -> Int? {
        guard word.count > 4,
            let index = compoundHonorifics.firstIndex(where: {
                word.count > $0.count && word.suffix($0.count).elementsEqual($0)
            })
        else { return nil }
        let head = word.prefix(word.count - compoundHonorifics[index].count)
        return compoundHeads.contains(where: { $0.elementsEqual(head) }) ? index : nil
    }

    /// A context word at the end of a longer word ("kutschool"), or a hash that collides with one.
    func endsInTail(_ key: some BidirectionalCollection<UInt8>) -> Bool {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var index = key.endIndex
        var length = 0
        while length < min(longestTail, key.count - 1) {
            key.formIndex(before: &index)
            length += 1
            hash = (hash ^ UInt64(key[index])) &* 0x100_0000_01b3
            if length >= 5, tails.contains(hash ^ UInt64(length)) { return true }
        }
        return false
    }

    /// FNV-1a over the last `count` bytes, last first, mixed with the count.
    private static func backwardHash(ofLast count: Int, _ key: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.suffix(count).reversed() { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash ^ UInt64(count)
    }
}
