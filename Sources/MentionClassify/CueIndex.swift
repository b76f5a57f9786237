/// A cue list ready for lookups at every word: its one-word phrases as a set, longer phrases by their
/// first word, and the few phrases that start with a pattern. Without it, every word of every post
/// would be compared with every phrase of a list (hundreds), many times over.
struct CueIndex: Sendable {
    var singles: Set<String> = []
    var byFirstWord: [String: [Phrase]] = [:]
    var others: [Phrase] = []

    init(_ phrases: [Phrase]) {
        for phrase in phrases {
            switch phrase.items.first {
            case .word(.exact(let word))?:
                if phrase.items.count == 1 {
                    singles.insert(word)
                } else {
                    byFirstWord[word, default: []].append(phrase)
                }
            case .word(.oneOf(let words))?:
                if phrase.items.count == 1 {
                    singles.formUnion(words)
                } else {
                    for word in words { byFirstWord[word, default: []].append(phrase) }
                }
            default:
                others.append(phrase)
            }
        }
    }

    /// The phrases worth trying at a word (beyond the one-word set).
    func candidates(for word: String) -> [Phrase] {
        guard let longer = byFirstWord[word] else { return others }
        return others.isEmpty ? longer : longer + others
    }
}
