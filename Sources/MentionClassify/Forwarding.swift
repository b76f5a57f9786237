import Foundation
import MentionMatch

/// Flagged posts seen before, to recognise their content when it appears again in another source
/// or from another author (the protocol's "forwarding such posts").
///
/// A post is remembered as the set of its three-word shingles (hashed folded words). A later post
/// forwards an earlier one when it contains at least 60 % of the earlier post's shingles, and at
/// least three: a retweet or a copy with "kijk dit 😂" in front still matches, a shared phrase does not.
public struct ForwardingMemory: Sendable {
    public struct Earlier: Sendable, Equatable {
        public var id: String
        public var source: String
        public var author: String
        public var severity: Severity
    }

    private var posts: [(earlier: Earlier, shingles: Set<UInt64>)] = []
    private var postsByShingle: [UInt64: [Int]] = [:]
    /// The most posts kept; the oldest go first.
    public let capacity: Int
    private var dropped = 0

    public init(capacity: Int = 5000) {
        self.capacity = capacity
    }

    public var count: Int { posts.count - dropped }

    public mutating func remember(_ post: Post, severity: Severity) {
        let shingles = Self.shingles(ClassifyText(post.matchText).words)
        guard shingles.count >= 3 else { return }
        let number = posts.count
        posts.append(
            (
                Earlier(id: post.id, source: post.origin, author: Self.normalised(post.author), severity: severity),
                shingles
            ))
        for shingle in shingles { postsByShingle[shingle, default: []].append(number) }
        if count > capacity { forgetOldest() }
    }

    /// The earlier flagged post whose content this post repeats from another source or author, and the
    /// words of this post that repeat it (the evidence).
    func original(of post: Post, words: [ClassWord]) -> (earlier: Earlier, repeated: Range<Int>)? {
        let shingles = Self.shingles(words)
        var shared: [Int: Int] = [:]
        for shingle in shingles {
            for number in postsByShingle[shingle] ?? [] where number >= dropped { shared[number, default: 0] += 1 }
        }
        let author = Self.normalised(post.author)
        let candidates = shared.filter { number, count in
            let earlier = posts[number]
            return count >= 3 && Double(count) >= 0.6 * Double(earlier.shingles.count) && earlier.earlier.id != post.id
                && (earlier.earlier.source != post.origin || earlier.earlier.author != author)
        }.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        for (number, _) in candidates {
            let common = shingles.intersection(posts[number].shingles)
            if let repeated = Self.repeatedWords(words, shared: common), Self.repeatsContent(words, repeated) {
                return (posts[number].earlier, repeated)
            }
        }
        return nil
    }

    /// Whether the repeated part holds at least two words beyond the names and the words that join them:
    /// a short flagged post ("de leraren van De Zeehoek zijn ggwn idioten") shares most of its shingles
    /// with any post that names the same group ("De leraren van De Zeehoek zijn toppers"), and that is
    /// no copy of what it said (helper-109's probes).
    static func repeatsContent(_ words: [ClassWord], _ repeated: Range<Int>) -> Bool {
        let content = Set(
            repeated.filter { words[$0].mention == nil && !joiningWords.contains(words[$0].key) }.map { words[$0].key })
        return content.count >= 2
    }

    /// Articles, prepositions, pronouns, verbs of being and fillers: they frame a name or strengthen what
    /// follows, they say nothing of it ("zijn echt allemaal toppers" copies no "zijn echt allemaal idioten").
    static let joiningWords: Set<String> = [
        "de", "het", "een", "van", "op", "in", "bij", "aan", "met", "voor", "naar", "en", "of", "is", "zijn", "was",
        "waren", "ben", "bent", "die", "dat", "deze", "dit", "er", "ze", "hij", "zij", "ik", "je", "jij", "we", "wij",
        "u", "hun", "haar", "mijn", "onze", "ons", "echt", "allemaal", "gewoon", "heel", "zo", "ook", "nog", "wel",
        "maar", "dan", "nou", "toch", "super", "the", "a", "an", "at", "on", "to", "and", "or", "are", "were", "be",
        "he", "she", "they", "it", "i", "you", "this", "that", "his", "her", "their", "my", "our", "really", "all",
        "so", "just", "very",
    ]

    /// The words whose shingles are shared: the repeated part of the post, as evidence.
    static func repeatedWords(_ words: [ClassWord], shared: Set<UInt64>) -> Range<Int>? {
        let keys = words.map(\.key)
        var first: Int?
        var last = 0
        for start in 0..<max(0, keys.count - 2) where shared.contains(hash(keys[start..<(start + 3)])) {
            if first == nil { first = start }
            last = start + 3
        }
        return first.map { $0..<last }
    }

    private mutating func forgetOldest() {
        for shingle in posts[dropped].shingles {
            postsByShingle[shingle]?.removeAll { $0 == dropped }
            if postsByShingle[shingle]?.isEmpty == true { postsByShingle[shingle] = nil }
        }
        posts[dropped].shingles = []
        dropped += 1
        // Renumber now and then, so the list does not grow without end in a long-running daemon.
        if dropped >= capacity {
            posts.removeFirst(dropped)
            dropped = 0
            postsByShingle = [:]
            for (number, post) in posts.enumerated() {
                for shingle in post.shingles { postsByShingle[shingle, default: []].append(number) }
            }
        }
    }

    static func shingles(_ words: [ClassWord]) -> Set<UInt64> {
        let keys = words.map(\.key)
        guard keys.count >= 3 else { return [] }
        return Set((0...(keys.count - 3)).map { hash(keys[$0..<($0 + 3)]) })
    }

    /// FNV-1a over the words: stable across runs, unlike Swift's seeded `Hasher`.
    private static func hash(_ words: ArraySlice<String>) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            for byte in word.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01b3 }
            value = (value ^ 0x20) &* 0x100_0000_01b3
        }
        return value
    }

    private static func normalised(_ author: String) -> String {
        author.lowercased().trimmingCharacters(in: .whitespaces)
    }
}
