/// Name words written as they sound to a Dutch ear: "Jussef" and "Joesef" for Youssef, "Jilmaz" for
/// Yilmaz. Dutch writes the sound of "y" as "j" and of "ou" as "oe", so pupils spell foreign names so;
/// those are two or three edits from the name, more than a misspelling is allowed. A word with a "j" or
/// "oe" whose sound key (`soundKey`: "y" as "j", "ou" and "oe" as "u") is that of exactly one name word
/// with a "y" or "ou" is read as it, as a misspelling is: it never anchors context (`MisspeltNames`).
/// Only such words are keyed: the filter asks for every word of every post (`MentionFilter`).
struct SoundAlikeNames: Sendable {
    private let nameBySound: [[UInt8]: String]

    /// `words`: the name words (match keys).
    init(words: some Sequence<String>) {
        var byKey: [[UInt8]: Set<String>] = [:]
        for word in Set(words) where word.utf8.count >= 5 && Self.has(word.utf8, "y", "o", "u") {
            byKey[Self.soundKey(word.utf8), default: []].insert(word)
        }
        nameBySound = byKey.compactMapValues { $0.count == 1 ? $0.first : nil }
    }

    /// The name word `key` sounds like, if it is another spelling of exactly one.
    func name(for key: some Collection<UInt8>) -> String? {
        guard key.count >= 5, !nameBySound.isEmpty, Self.has(key, "j", "o", "e") else { return nil }
        let sound = Self.soundKey(key)
        guard let name = nameBySound[sound], !Array(name.utf8).elementsEqual(key) else { return nil }
        return name
    }

    /// "y" as "j", "ou" and "oe" as "u"; then a run of one letter once, as keys write it ("joessef").
    static func soundKey(_ key: some Collection<UInt8>) -> [UInt8] {
        let (j, o, u, e, y) = (
            UInt8(ascii: "j"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "e"), UInt8(ascii: "y")
        )
        let bytes = Array(key)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            var byte = bytes[index]
            if byte == y { byte = j }
            if byte == o, index + 1 < bytes.count, bytes[index + 1] == u || bytes[index + 1] == e {
                byte = u
                index += 1
            }
            if out.last != byte { out.append(byte) }
            index += 1
        }
        return out
    }

    /// Whether `bytes` has the letter `single` or the pair `first` `second` ("y" or "ou"; "j" or "oe").
    private static func has(
        _ bytes: some Collection<UInt8>, _ single: Unicode.Scalar, _ first: Unicode.Scalar, _ second: Unicode.Scalar
    ) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == UInt8(ascii: single) || (previous == UInt8(ascii: first) && byte == UInt8(ascii: second)) {
                return true
            }
            previous = byte
        }
        return false
    }
}
