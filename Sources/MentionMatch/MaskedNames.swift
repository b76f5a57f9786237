/// Name words with letters masked by "*": "m*lder", "m*r**ke", "y*lmaz" (`MatchText` keeps a "*" between
/// letters inside its word). A mask is no spelling slip: it hides a letter on purpose, so it is matched as
/// a wildcard rather than as an edit (2026.12.73): each "*" one letter, or none, since keys write a run
/// of one letter once ("yilmaz" is "yimaz", so "y*lmaz" is "y*imaz"); never two ("p*ter" is no Pieter).
struct MaskedNames: Sendable {
    /// The name words' keys.
    private let vocabulary: [[UInt8]]

    init(words: some Sequence<String>) {
        vocabulary = Set(words.map { Array($0.utf8) }).filter { $0.count >= 4 }.sorted {
            $0.lexicographicallyPrecedes($1)
        }
    }

    /// The one name word `key` can be with its "*"s filled in, when at least three of its letters and at
    /// least half of the name's show; nil when none or more than one fit.
    func name(for key: some Collection<UInt8>) -> String? {
        let masked = Array(key)
        let star = UInt8(ascii: "*")
        let shown = masked.count { $0 != star }
        guard shown < masked.count, shown >= 3 else { return nil }
        var found: [UInt8]?
        for candidate in vocabulary where shown * 2 >= candidate.count && candidate.count <= masked.count * 2 {
            guard Self.fits(masked, candidate) else { continue }
            if let found, found != candidate { return nil }
            found = candidate
        }
        return found.map { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether `masked` reads as `name`, each "*" standing for one letter or none.
    static func fits(_ masked: [UInt8], _ name: [UInt8]) -> Bool {
        // reachable[j]: the masked prefix read so far can end after j letters of the name.
        var reachable = [Bool](repeating: false, count: name.count + 1)
        reachable[0] = true
        for byte in masked {
            var next = [Bool](repeating: false, count: name.count + 1)
            for j in 0...name.count where reachable[j] {
                if byte == UInt8(ascii: "*") {
                    next[j] = true
                    if j < name.count { next[j + 1] = true }
                } else if j < name.count, name[j] == byte {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return reachable[name.count]
    }
}
