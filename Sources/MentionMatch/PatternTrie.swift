/// Every form of every name in one trie over match keys, a word per edge: a word-level
/// automaton. Finding all forms that start at a word follows at most as many edges as the
/// longest form has words, with one hash lookup each, however many names there are (10,000
/// staff give a million forms, and "juf" alone starts 25,000 of them).
struct PatternTrie: Sendable {
    private var children: [[String: Int32]] = [[:]]
    private var terminals: [[NamePattern]] = [[]]
    private(set) var count = 0

    init(_ patterns: [NamePattern]) {
        for pattern in patterns { insert(pattern) }
    }

    private mutating func insert(_ pattern: NamePattern) {
        var node = 0
        for word in pattern.words {
            if let next = children[node][word] {
                node = Int(next)
            } else {
                children.append([:])
                terminals.append([])
                children[node][word] = Int32(children.count - 1)
                node = children.count - 1
            }
        }
        terminals[node].append(pattern)
        count += 1
    }

    /// True when some form starts with `word`.
    func startsSomeForm(_ word: String) -> Bool { children[0][word] != nil }

    /// The one-word forms that are exactly `word`.
    func oneWordForms(_ word: String) -> [NamePattern] {
        children[0][word].map { terminals[Int($0)] } ?? []
    }

    /// Calls `body` with each form that starts at `words[start]` and the index after its last word.
    func forEachForm(in words: [String], at start: Int, _ body: (NamePattern, Int) -> Void) {
        var node = 0
        var index = start
        while index < words.count, let next = children[node][words[index]] {
            node = Int(next)
            index += 1
            for pattern in terminals[node] { body(pattern, index) }
        }
    }

    /// Every form as its words joined by spaces.
    var literals: [String] {
        terminals.flatMap { $0.map { $0.words.joined(separator: " ") } }
    }
}
