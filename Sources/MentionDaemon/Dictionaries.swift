import Foundation
import MentionClassify
import MentionConfig
import MentionMatch

/// Reads word lists (one word a line, as Debian's `wdutch` and `wamerican` install them) to tell an
/// ordinary word from an obfuscated one and from a name (docs/classification.md, "Dictionaries").
/// The lists are streamed once per config load and not kept: only the answers to the questions the
/// core asks (is this slip of a lexicon word, is this name word, an ordinary word?) stay in memory.
public enum Dictionaries {
    /// Used when `classification.dictionaries` is not set: those that are installed.
    public static let debianLists = ["/usr/share/dict/dutch", "/usr/share/dict/american-english"]

    /// The lists a config uses: the configured ones (relative to the config's folder), else the
    /// installed Debian ones. A configured list must exist; a Debian one that is missing is left out.
    public static func paths(_ configured: [String]?, relativeTo base: String) -> [String] {
        guard let configured else { return debianLists.filter { FileManager.default.isReadableFile(atPath: $0) } }
        return configured.map {
            $0.hasPrefix("/") ? $0 : URL(fileURLWithPath: base).appendingPathComponent($0).path
        }
    }

    /// Sets the spelling repair and the matcher's ordinary name words from the lists. `builtInSlips`:
    /// the built-in lexicon's slips made ahead (ConfigFile), used when the config adds and silences nothing.
    public static func apply(
        to config: inout Config, relativeTo base: String, builtInSlips: (() -> SpellingRepair.Slips)? = nil
    ) throws(ConfigFile.LoadError) {
        let lists = paths(config.classification.dictionaries, relativeTo: base)
        config.classification.dictionaries = lists
        guard !lists.isEmpty else { return }
        let lexicon = config.classification.lexicon
        let slips: SpellingRepair.Slips
        if lexicon.isBuiltIn, let builtInSlips {
            slips = builtInSlips()
        } else {
            slips = SpellingRepair.slips(of: lexicon)
        }
        let nameWords = Set(
            config.staff.flatMap { MatchText.tokens($0.name, readingLAsI: false).map(\.folded) }.filter {
                $0.utf8.count >= 3
            })
        let nameHashes = Set(nameWords.map { SpellingRepair.hash($0.utf8) })
        let stretched = Set(nameWords.flatMap(stretchedForms))
        let stretchedHashes = Set(stretched.map { SpellingRepair.hash($0.utf8) })
        var bitmap = HashBitmap(capacity: slips.count + nameHashes.count + stretchedHashes.count)
        for hash in slips.hashes { bitmap.insert(hash) }
        for hash in nameHashes.union(stretchedHashes) { bitmap.insert(hash) }
        let found = try ordinaryWords(in: lists) {
            bitmap.mightContain($0)
                && (slips.contains(hash: $0) || nameHashes.contains($0) || stretchedHashes.contains($0))
        }
        config.matching.stretchedWords = stretched.filter { found.contains(SpellingRepair.hash($0.utf8)) }
        // The spelling repair gets what it asked for, as before the stretched forms were asked too.
        let ordinary = found.filter { slips.contains(hash: $0) || nameHashes.contains($0) }
        // Given up, so the table of 100,000 slips is changed in place, not copied first.
        config.classification.spelling = SpellingRepair(
            slips: consume slips, lexicon: config.classification.lexicon, ordinary: ordinary)
        config.matching.ordinaryWords = Set(nameWords.filter { ordinary.contains(SpellingRepair.hash($0.utf8)) })
    }

    /// A word with each of its letters doubled in turn: "bos" gives "bbos", "boos", "boss".
    public static func stretchedForms(_ word: String) -> [String] {
        let letters = Array(word)
        return letters.indices.map { String(letters[...$0]) + String(letters[$0...]) }
    }

    /// Which of `questions` the lists hold as ordinary words: written in lower case (a capitalised
    /// entry is a name: "Bos" the surname, "bos" the wood).
    public static func ordinaryWords(among questions: Set<String>, in lists: [String]) throws(ConfigFile.LoadError)
        -> Set<String>
    {
        let hashes = Set(questions.map { SpellingRepair.hash($0.utf8) })
        let found = try ordinaryWords(in: lists) { hashes.contains($0) }
        return questions.filter { found.contains(SpellingRepair.hash($0.utf8)) }
    }

    /// The hashes (`SpellingRepair.hash`) of the lists' lower-case words that `wanted` asks for.
    static func ordinaryWords(in lists: [String], wanted: (UInt64) -> Bool) throws(ConfigFile.LoadError) -> Set<UInt64>
    {
        var found: Set<UInt64> = []
        for path in lists {
            do {
                try WordListScan.hashes(in: path) { if wanted($0) { found.insert($0) } }
            } catch {
                throw .dictionary(path: path, reason: error == .noSuchFile ? "no such file" : "cannot read it")
            }
        }
        return found
    }
}
