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

    /// Sets the spelling repair and the matcher's ordinary name words from the lists.
    public static func apply(to config: inout Config, relativeTo base: String) throws(ConfigFile.LoadError) {
        let lists = paths(config.classification.dictionaries, relativeTo: base)
        config.classification.dictionaries = lists
        guard !lists.isEmpty else { return }
        let slips = SpellingRepair.slips(of: config.classification.lexicon)
        let nameWords = Set(
            config.staff.flatMap { MatchText.tokens($0.name, readingLAsI: false).map(\.folded) }.filter {
                $0.utf8.count >= 3
            })
        let ordinary = try ordinaryWords(among: Set(slips.keys).union(nameWords), in: lists)
        config.classification.spelling = SpellingRepair(
            slips: slips, lexicon: config.classification.lexicon, ordinaryWords: ordinary)
        config.matching.ordinaryWords = ordinary.intersection(nameWords)
    }

    /// Which of `questions` the lists hold as ordinary words: written in lower case (a capitalised
    /// entry is a name: "Bos" the surname, "bos" the wood).
    public static func ordinaryWords(among questions: Set<String>, in lists: [String]) throws(ConfigFile.LoadError)
        -> Set<String>
    {
        var found: Set<String> = []
        for path in lists {
            guard let data = FileManager.default.contents(atPath: path) else {
                let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
                throw .dictionary(path: path, reason: reason)
            }
            // Byte by byte, without an array of lines: a list has 400,000 of them.
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                var plain = true  // only a-z so far
                for index in 0...bytes.count {
                    let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                    if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
                        if plain, index - start >= 3 {
                            let text = String(
                                decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                            if questions.contains(text) { found.insert(text) }
                        }
                        start = index + 1
                        plain = true
                    } else if byte < UInt8(ascii: "a") || byte > UInt8(ascii: "z") {
                        plain = false
                    }
                }
            }
        }
        return found
    }
}
