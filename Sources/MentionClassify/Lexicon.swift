/// The protocol's categories of improper use (docs/classification.md).
public enum ProtocolCategory: String, Sendable, Equatable, CaseIterable, Codable {
    case insult
    case gossipAccusation = "gossip_accusation"
    case threat
    case stalking
    case unconsentedMedia = "unconsented_media"
    case impersonation
    case discrimination
    case confidentialInfo = "confidential_info"
    case unauthorisedStatement = "unauthorised_statement"
    case forwarding
}

/// Word patterns per category and the cue lists the rules use, read from the data files in
/// `Lexicon/` (their format: docs/classification.md, "The lexicon format").
public struct Lexicon: Sendable {
    struct Entry: Sendable {
        var category: ProtocolCategory
        var severity: Severity
        var phrase: Phrase
        /// "insult.txt:12" or "feeds.yaml:40": where a reviewer finds the entry.
        var origin: String
        /// As written, or made from the entry written before it by `Phrase.inverted` or `Phrase.fronted`.
        var order = WordOrder.asWritten

        enum WordOrder: Sendable { case asWritten, inverted, fronted }

        /// Whether a hit of this entry that starts at word `start` stands in the word order its form
        /// needs. A verb first is a question ("krijgen we jullie nog te zien?"), not the verb second of a
        /// main clause after a fronted word (`Phrase.inverted`). A fronted object opens its sentence or
        /// clause: "samen met juf Marieke wacht ik op de uitslag" fronts a preposition's object, which is
        /// no target (`Phrase.fronted`). Neither counts in a question.
        func standsInItsWordOrder(at start: Int, in text: ClassifyText) -> Bool {
            let sentence = text.words[start].sentence
            switch order {
            case .asWritten:
                return true
            case .inverted:
                return !text.questions.contains(sentence) && start != text.sentences[sentence].lowerBound
            case .fronted:
                let opens = start == 0 || text.words[start - 1].clause != text.words[start].clause
                return opens && !text.questions.contains(sentence)
            }
        }
    }

    public struct SyntaxError: Error, Equatable, CustomStringConvertible {
        public var file: String
        public var line: Int
        public var message: String
        public var description: String { "\(file) line \(line): \(message)" }
    }

    /// The cue lists the rules may use (see `cues.txt`); a misspelt list name is an error.
    static let cueLists: Set<String> = [
        "negation", "counter", "condemnquote", "report", "quotes", "namecalled", "intensifier", "person", "pronoun",
        "group",
        "firstperson",
        "media", "recording", "share", "passon", "relay", "ground", "consent", "account", "disclaimer", "pupil",
        "sensitive",
        "role",
        "other",
        "selfname", "speech", "contrast", "filler", "rebuttal", "callsracist", "warning", "ownaccount",
        "greeting", "pictureof", "namefrom", "actually", "degree", "official", "me", "relative", "streetend",
        "streetword", "compoundhead", "institution", "plural", "pluralhet", "self", "game", "contest", "matchup",
        "festive",
        "menace",
        "abbreviation",
    ]

    /// Cue lists a silenced term does not leave: they say where a sentence ends, not what counts.
    static let structuralCueLists: Set<String> = ["abbreviation"]

    private(set) var entries: [Entry] = []
    private(set) var cues: [String: [Phrase]] = [:]
    /// Words that never count, whatever entry they would match ("kankerbestrijding" is not an insult).
    private(set) var ignored: [WordPattern] = []
    /// Phrases the school silenced in its config: a hit that contains one is dropped.
    private(set) var silenced: [Phrase] = []
    private(set) var index = EntryIndex()
    private(set) var cueIndex: [String: CueIndex] = [:]
    /// Holds exactly the built-in lexicon (`builtIn`, extended by nothing): what is derived from that
    /// one alone can be made ahead, while the config is still being read (`SpellingRepair.slips`).
    public private(set) var isBuiltIn = false

    /// Reads lexicon files, given as (file name, contents).
    public init(files: [(name: String, text: String)]) throws(SyntaxError) {
        for file in files {
            for (number, line) in LexiconLines.lines(file.text).enumerated() {
                try read(String(line), file: file.name, line: number + 1)
            }
        }
        try resolveCompounds()
        index = EntryIndex(entries: entries, cues: cues)
        cueIndex = cues.mapValues(CueIndex.init)
    }

    public init(parsing text: String, name: String = "lexicon") throws(SyntaxError) {
        try self.init(files: [(name, text)])
    }

    /// This lexicon with a school's own lines added (`classification.add`, each in the file format)
    /// and terms silenced (`classification.silence`). Lines come with their place in feeds.yaml.
    public func extended(adding lines: [(file: String, line: Int, text: String)], silencing terms: [String])
        throws(SyntaxError) -> Lexicon
    {
        var copy = self
        copy.isBuiltIn = isBuiltIn && lines.isEmpty && terms.isEmpty
        for line in lines { try copy.read(line.text, file: line.file, line: line.line) }
        for term in terms {
            let phrase = try Phrase(term, file: "silence", line: 0)
            copy.silenced.append(phrase)  // a hit that overlaps it is dropped (`PhraseSearch.isSilenced`)
            // and it leaves the cue lists, so no rule counts it either ("groetjes", "kanker" before "juf")
            for (list, phrases) in copy.cues where !Self.structuralCueLists.contains(list) {
                copy.cues[list] = phrases.flatMap { $0.without(phrase) }
            }
        }
        try copy.resolveCompounds()
        copy.index = EntryIndex(entries: copy.entries, cues: copy.cues)
        copy.cueIndex = copy.cues.mapValues(CueIndex.init)
        return copy
    }

    /// `stem+@list` becomes every closed compound of a stem and a one-word phrase of the list.
    private mutating func resolveCompounds() throws(SyntaxError) {
        for number in entries.indices {
            for (position, item) in entries[number].phrase.items.enumerated() {
                guard case .compound(let stems, let list) = item else { continue }
                var words: Set<String> = []
                for phrase in cues[list] ?? [] {
                    guard phrase.items.count == 1, case .word(let pattern) = phrase.items[0] else { continue }
                    let tails: Set<String>
                    switch pattern {
                    case .exact(let word): tails = [word]
                    case .oneOf(let options): tails = options
                    default: continue
                    }
                    for stem in stems { for tail in tails { words.insert(stem + tail) } }
                }
                let origin = entries[number].origin.split(separator: ":")
                guard !words.isEmpty else {
                    throw SyntaxError(
                        file: String(origin.first ?? ""), line: Int(origin.last ?? "") ?? 0,
                        message: "cue list '\(list)' has no one-word phrases")
                }
                entries[number].phrase.items[position] = .word(.oneOf(words))
            }
        }
    }

    private mutating func read(_ line: String, file: String, line number: Int) throws(SyntaxError) {
        let fields = LexiconLines.fields(line)
        guard let first = fields.first, !first.hasPrefix("#") else { return }
        func fail(_ message: String) -> SyntaxError { SyntaxError(file: file, line: number, message: message) }
        switch first {
        case "ignore":
            guard fields.count == 2 else { throw fail("expected ignore WORD") }
            let phrase = try Phrase(fields[1], file: file, line: number)
            guard phrase.items.count == 1, case .word(let pattern) = phrase.items[0] else {
                throw fail("expected ignore WORD")
            }
            ignored.append(pattern)
        case "cue":
            guard fields.count >= 3 else { throw fail("expected cue LIST PHRASE") }
            guard Self.cueLists.contains(fields[1]) else { throw fail("unknown cue list '\(fields[1])'") }
            let phrase = try Phrase(fields.dropFirst(2).joined(separator: " "), file: file, line: number)
            for case .cue(let list) in phrase.items where !Self.cueLists.contains(list) {
                throw fail("unknown cue list '@\(list)'")
            }
            cues[fields[1], default: []].append(phrase)
        default:
            guard fields.count >= 3 else { throw fail("expected CATEGORY SEVERITY PHRASE") }
            guard let category = ProtocolCategory(rawValue: first), category != .forwarding else {
                throw fail("unknown category '\(first)'")
            }
            guard let severity = Severity(rawValue: fields[1]) else { throw fail("unknown severity '\(fields[1])'") }
            let phrase = try Phrase(fields.dropFirst(2).joined(separator: " "), file: file, line: number)
            for item in phrase.items {
                switch item {
                case .cue(let list), .compound(_, let list):
                    if !Self.cueLists.contains(list) { throw fail("unknown cue list '@\(list)'") }
                default: break
                }
            }
            entries.append(Entry(category: category, severity: severity, phrase: phrase, origin: "\(file):\(number)"))
            if let inverted = phrase.inverted {
                entries.append(
                    Entry(
                        category: category, severity: severity, phrase: inverted, origin: "\(file):\(number)",
                        order: .inverted))
            }
            if let fronted = phrase.fronted {
                entries.append(
                    Entry(
                        category: category, severity: severity, phrase: fronted, origin: "\(file):\(number)",
                        order: .fronted))
            }
        }
    }

    /// Words put before an honorific in one compound that still address someone ("kankerjuf Marieke",
    /// "invaljuf Marieke"): the `compoundhead` list, for the `Matcher`, which cannot read the lexicon.
    public var compoundHeads: [String] {
        cueIndex["compoundhead"]?.singles.sorted() ?? []
    }

    /// The one-word phrases of a cue list, for rules that look at a single word.
    func cueWords(_ list: String) -> Set<String> {
        cueIndex[list]?.singles ?? []
    }

    func isIgnored(_ word: String) -> Bool {
        ignored.contains { $0.matches(word) }
    }

    /// The lexicon files embedded at build time, as (file name, contents); their example lines
    /// (`#+`, `#-`) are read by LexiconExampleTests.
    static let builtInFiles: [(name: String, text: String)] = {
        let files: [(String, [UInt8])] = [
            ("cues.txt", PackageResources.cues_txt), ("insult.txt", PackageResources.insult_txt),
            ("threat.txt", PackageResources.threat_txt), ("discrimination.txt", PackageResources.discrimination_txt),
            ("gossip.txt", PackageResources.gossip_txt), ("stalking.txt", PackageResources.stalking_txt),
            ("media.txt", PackageResources.media_txt), ("impersonation.txt", PackageResources.impersonation_txt),
            ("staff.txt", PackageResources.staff_txt),
        ]
        return files.map { (name: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }
    }()

    /// The lexicon shipped with mentionwatch, embedded at build time (no file to lose at run time).
    public static let builtIn: Lexicon = {
        do {
            var lexicon = try Lexicon(files: builtInFiles)
            lexicon.isBuiltIn = true
            return lexicon
        } catch {
            fatalError("the built-in lexicon is invalid: \(error)")
        }  // caught by LexiconTests
    }()
}

/// Entries grouped by what their first item needs, so a word meets only the entries it could start:
/// by the whole word (exact words, alternatives, cue lists of such words), by first byte (prefixes),
/// by last byte (suffixes); the rest (`?`, `@target`, ...) is tried at every word.
struct EntryIndex: Sendable {
    var byWord: [String: [Int]] = [:]
    var byFirstByte: [UInt8: [Int]] = [:]
    var byLastByte: [UInt8: [Int]] = [:]
    var anywhere: [Int] = []
    /// Entries that start with `@target`, `@mention` or `@school`: tried only at a name, person word or
    /// pronoun, and then by the word after it (`atTargetsByNextWord`) unless that can be any word.
    var atTargets: [Int] = []
    var atTargetsByNextWord: [String: [Int]] = [:]
    var atTargetsAnyNext: [Int] = []

    init() {}

    init(entries: [Lexicon.Entry], cues: [String: [Phrase]]) {
        for (number, entry) in entries.enumerated() {
            switch entry.phrase.items.first {
            case .word(.prefix(let value))?: byFirstByte[value.utf8.first!, default: []].append(number)
            case .word(.suffix(let value))?: byLastByte[value.utf8.last!, default: []].append(number)
            case .target?, .mention?, .school?:
                atTargets.append(number)
                if let next = Self.firstWords(entry.phrase.items.dropFirst().first, cues: cues) {
                    for word in next { atTargetsByNextWord[word, default: []].append(number) }
                } else {
                    atTargetsAnyNext.append(number)
                }
            default:
                if let words = Self.firstWords(entry.phrase.items.first, cues: cues) {
                    for word in words { byWord[word, default: []].append(number) }
                } else {
                    anywhere.append(number)
                }
            }
        }
    }

    /// The exact words an item can start with, or nil when it can start with any word.
    private static func firstWords(_ item: PhraseItem?, cues: [String: [Phrase]]) -> Set<String>? {
        switch item {
        case .word(.exact(let word))?: return [word]
        case .word(.oneOf(let words))?: return words
        case .cue(let list)?:
            var words: Set<String> = []
            for phrase in cues[list] ?? [] {
                guard case .word(let pattern)? = phrase.items.first else { return nil }
                switch pattern {
                case .exact(let word): words.insert(word)
                case .oneOf(let values): words.formUnion(values)
                default: return nil
                }
            }
            return words
        default: return nil
        }
    }
}
