/// One word of a lexicon phrase, compared with a post's folded words (`ClassWord.key`).
enum WordPattern: Sendable, Equatable {
    case exact(String)
    case prefix(String)
    case suffix(String)
    case oneOf(Set<String>)
    case any

    /// `prefix` and `suffix` need at least one more letter: "kanker*" matches "kankerwijf", not "kanker".
    /// A masked post word ("k*nker") matches letter for letter with "*" as any letter.
    func matches(_ word: String) -> Bool {
        if word.utf8.contains(UInt8(ascii: "*")) { return matchesMasked(Array(word.utf8)) }
        switch self {
        case .exact(let value): return word == value
        case .prefix(let value): return word.utf8.count > value.utf8.count && word.utf8.starts(with: value.utf8)
        case .suffix(let value):
            return word.utf8.count > value.utf8.count && word.utf8.suffix(value.utf8.count).elementsEqual(value.utf8)
        case .oneOf(let values): return values.contains(word)
        case .any: return true
        }
    }

    private func matchesMasked(_ word: [UInt8]) -> Bool {
        func same(_ a: ArraySlice<UInt8>, _ b: String.UTF8View) -> Bool {
            a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || $0 == UInt8(ascii: "*") }
        }
        switch self {
        case .exact(let value): return same(word[...], value.utf8)
        case .prefix(let value): return word.count > value.utf8.count && same(word.prefix(value.utf8.count), value.utf8)
        case .suffix(let value): return word.count > value.utf8.count && same(word.suffix(value.utf8.count), value.utf8)
        case .oneOf(let values): return values.contains { same(word[...], $0.utf8) }
        case .any: return true
        }
    }
}

/// One item of a phrase (the format: docs/classification.md, "The lexicon format").
enum PhraseItem: Sendable, Equatable {
    case word(WordPattern)
    /// `...`: zero to three words of any kind, within one sentence.
    case gap
    /// `@LIST`: any phrase of a cue list.
    case cue(String)
    /// `@target`: a found name, a person word or a pronoun.
    case target
    /// `@mention` and `@school`: a found name (of the school only, for `@school`).
    case mention, school
    /// `kanker|tyfus+@person`: one closed compound of a stem and a word of a cue list ("kankerjuf").
    /// The lexicon turns it into the list of compounds once all cue lists are read.
    case compound(stems: [String], list: String)
}

/// A sequence of phrase items, as written in the lexicon.
struct Phrase: Sendable, Equatable {
    var items: [PhraseItem]
    var text: String

    init(_ text: String, file: String, line: Int) throws(Lexicon.SyntaxError) {
        self.text = text
        items = []
        func fail(_ message: String) -> Lexicon.SyntaxError {
            Lexicon.SyntaxError(file: file, line: line, message: message)
        }
        for field in LexiconLines.fields(text) {
            switch field {
            case "?": items.append(.word(.any))
            case "...": items.append(.gap)
            case "@target": items.append(.target)
            case "@mention": items.append(.mention)
            case "@school": items.append(.school)
            default:
                if field.hasPrefix("@"), field.count > 1 {
                    items.append(.cue(String(field.dropFirst())))
                    continue
                }
                if let plus = LexiconLines.firstIndex(of: "+", in: field), field.count > 2 {
                    let stems = LexiconLines.split(field[..<plus], on: "|").map { ClassifyText.keys(String($0)) }
                    let tail = field[field.index(after: plus)...]
                    let tails =
                        tail.hasPrefix("@")
                        ? [] : LexiconLines.split(tail, on: "|").map { ClassifyText.keys(String($0)) }
                    guard !stems.isEmpty, stems.allSatisfy({ $0.count == 1 }), !tail.isEmpty,
                        tails.allSatisfy({ $0.count == 1 })
                    else {
                        throw fail("'\(field)' must be STEM|STEM+@LIST or STEM|STEM+TAIL|TAIL")
                    }
                    if tail.hasPrefix("@") {
                        items.append(.compound(stems: stems.map { $0[0] }, list: String(tail.dropFirst())))
                    } else {
                        items.append(.word(.oneOf(Set(stems.flatMap { stem in tails.map { stem[0] + $0[0] } }))))
                    }
                    continue
                }
                items += try Self.words(field, fail: fail)
            }
        }
        guard !items.isEmpty else { throw fail("empty phrase") }
        if items.first == .gap || items.last == .gap { throw fail("a phrase cannot start or end with ...") }
    }

    /// Dutch subjects that, after a fronted word or clause, follow their verb.
    static let invertingSubjects: Set<String> = ["ik", "wij", "we", "ikke"]
    /// Words after a subject that are no verb ("wij als school", "ik haar auto"): no inversion.
    static let notVerbs: Set<String> = [
        "als", "haar", "je", "jouw", "jullie", "u", "hem", "hun", "die", "dat", "de", "het", "een", "niet", "nog",
        "ook",
        "wel", "allemaal", "zelf",
    ]

    /// A phrase that starts with a Dutch first-person subject and a verb ("ik|we sla|slaan ..."), with
    /// the two swapped: a Dutch main clause puts its verb second, so after a fronted word or a
    /// condition the subject follows it ("morgen sla ik je in elkaar", "als hij dat doet, steek ik de
    /// school in de fik"). Nil for any other phrase. "we" alone is English as often: it must come
    /// with "ik" or "wij".
    var inverted: Phrase? {
        guard items.count >= 3, case .word(let subject) = items[0], case .word(let verb) = items[1] else { return nil }
        let subjects = Self.words(of: subject)
        guard !subjects.isEmpty, subjects.isSubset(of: Self.invertingSubjects),
            subjects.contains("ik") || subjects.contains("wij"),
            Self.words(of: verb).isDisjoint(with: Self.invertingSubjects.union(Self.notVerbs))
        else { return nil }
        var copy = self
        copy.items.swapAt(0, 1)
        return copy
    }

    /// A phrase of a Dutch first-person subject, a verb and a target ("ik ga @target ... aftuigen")
    /// with the target fronted: Dutch puts a stressed object first and the subject after the verb
    /// ("het MT ga ik één voor één aftuigen", "die juf maak ik af"). Nil when `inverted` is nil or the
    /// third item is no target. It counts only where its sentence or clause starts (`Classifier`).
    var fronted: Phrase? {
        guard inverted != nil, [.target, .mention, .school].contains(items[2]) else { return nil }
        var copy = self
        copy.items = [items[2], items[1], items[0]] + items.dropFirst(3)
        return copy
    }

    /// This phrase without the word sequences that hold `term` (a silenced term leaving a cue list):
    /// none when every sequence holds it ("groetjes" silenced takes out "groetjes"), itself when none
    /// does, else the phrase with the alternatives that hold it taken out ("groetjes" silenced leaves
    /// "groeten|groet|..."). Only plain words and `...` hold a term.
    func without(_ term: Phrase) -> [Phrase] {
        guard term.items.count <= items.count else { return [self] }
        for offset in 0...(items.count - term.items.count) {
            guard let matched = Self.matches(term.items, at: offset, in: items) else { continue }
            // The sequences that hold the term take a matched word at each of these places; every other
            // sequence leaves them at one place first: one phrase for each such place.
            var rest: [Phrase] = []
            var holding = self
            for (position, words) in matched {
                guard case .word(let pattern) = items[position] else { continue }
                let others = Self.words(of: pattern).subtracting(words)
                if !others.isEmpty {
                    var other = holding
                    other.items[position] = .word(Self.pattern(others))
                    rest.append(other)
                }
                holding.items[position] = .word(Self.pattern(words))
            }
            return rest.flatMap { $0.without(term) }
        }
        return [self]
    }

    /// The words of `items` from `offset` on that `term` matches, per place; nil when it does not match there.
    private static func matches(_ term: [PhraseItem], at offset: Int, in items: [PhraseItem]) -> [(Int, Set<String>)]? {
        var matched: [(Int, Set<String>)] = []
        for (index, item) in term.enumerated() {
            switch (item, items[offset + index]) {
            case (.gap, .gap):
                continue
            case (.word(let wanted), .word(let pattern)):
                let words = Self.words(of: pattern).filter(wanted.matches)
                guard !words.isEmpty else { return nil }
                matched.append((offset + index, words))
            default:
                return nil
            }
        }
        return matched
    }

    private static func words(of pattern: WordPattern) -> Set<String> {
        switch pattern {
        case .exact(let word): return [word]
        case .oneOf(let words): return words
        default: return []  // a pattern stands for words without end: a term never takes it out
        }
    }

    private static func pattern(_ words: Set<String>) -> WordPattern {
        words.count == 1 ? .exact(words.first!) : .oneOf(words)
    }

    /// A written word as patterns, folded as post words are. "kanker-juf" is two words, like in a post.
    private static func words(_ field: String, fail: (String) -> Lexicon.SyntaxError) throws(Lexicon.SyntaxError)
        -> [PhraseItem]
    {
        if field.utf8.contains(UInt8(ascii: "|")) {  // bytes: Foundation's `contains` goes through NSString
            var options: Set<String> = []
            for option in LexiconLines.split(field, on: "|") {
                let keys = ClassifyText.keys(String(option))
                guard keys.count == 1, !option.utf8.contains(UInt8(ascii: "*")) else {
                    throw fail("each of '\(field)' must be one plain word")
                }
                options.insert(keys[0])
            }
            return [.word(.oneOf(options))]
        }
        let isPrefix = field.count > 1 && field.hasSuffix("*")
        let isSuffix = field.count > 1 && field.hasPrefix("*")
        let keys = ClassifyText.keys(isPrefix ? String(field.dropLast()) : isSuffix ? String(field.dropFirst()) : field)
        if isPrefix || isSuffix {
            guard keys.count == 1 else { throw fail("'\(field)' must be one word: write compounds closed") }
            return [.word(isPrefix ? .prefix(keys[0]) : .suffix(keys[0]))]
        }
        guard !keys.isEmpty else { throw fail("'\(field)' has no letters") }
        return keys.map { .word(.exact($0)) }
    }
}
