import FeedKit
import Testing

/// FIPS 180-4 examples (NIST CSRC "SHA256.pdf", "SHA2_Additional.pdf") and
/// padding edges; the other digests were taken from coreutils `sha256sum`.
struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
        ("h\u{e9}llo w\u{f6}rld \u{20ac}", "a3260bb658a2bce4e8e8b9cd613904a51582e107bd16c453b5530bd56be4937a"),
    ])
    func vectors(message: String, expected: String) {
        #expect(SHA256.hex(message.utf8) == expected)
        #expect(SHA256.hex(Array(message.utf8)) == expected)
    }

    @Test func oneMillionA() {
        let message = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// 55 bytes is the longest message whose padding fits one block; 56 needs a
    /// second block; 64 is exactly one block before padding.
    @Test(arguments: [
        (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
        (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
        (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
        (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
        (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
        (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
        (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
        (128, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"),
    ])
    func paddingEdges(length: Int, expected: String) {
        #expect(SHA256.hex([UInt8](repeating: UInt8(ascii: "x"), count: length)) == expected)
    }

    @Test func digestShapeAndInputKinds() {
        let bytes = Array("The quick brown fox jumps over the lazy dog".utf8)
        let digest = SHA256.digest(bytes)
        #expect(digest.count == 32)
        // Non-contiguous sequences and slices give the same answer as arrays.
        #expect(SHA256.digest(bytes.lazy.map { $0 }) == digest)
        #expect(SHA256.digest(AnySequence(bytes)) == digest)
        #expect(SHA256.digest((Array("--".utf8) + bytes)[2...]) == digest)
        let hex = SHA256.hex(bytes)
        #expect(hex == "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592")
        #expect(hex.count == 64 && hex == hex.lowercased())
    }
}
