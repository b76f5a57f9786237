import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionDaemon

/// Word lists are streamed through a small buffer (`WordListScan`); these tests hold it to reading
/// the whole file at once and splitting it into lines, on Debian's list and on odd files.
struct WordListScanTests {
    /// The definition: the hash of each line of three or more letters a-z.
    static func referenceHashes(_ data: Data) -> [UInt64] {
        data.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
            .filter { $0.count >= 3 && $0.allSatisfy { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") } }
            .map { SpellingRepair.hash($0) }
    }

    static func scanned(_ path: String, chunkSize: Int) throws -> [UInt64] {
        var hashes: [UInt64] = []
        try WordListScan.hashes(in: path, chunkSize: chunkSize) { hashes.append($0) }
        return hashes
    }

    @Test func debiansDutchListReadsAsItsLines() throws {
        let path = "/usr/share/dict/dutch"
        try #require(FileManager.default.fileExists(atPath: path), "install Debian's wdutch, as .ci/run does")
        let expected = Self.referenceHashes(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(expected.count > 100_000)
        #expect(try Self.scanned(path, chunkSize: WordListScan.chunkSize) == expected)
        #expect(try Self.scanned(path, chunkSize: 4093) == expected)  // lines across every chunk's end
    }

    @Test func oddFilesReadAsTheirLines() throws {
        let texts = [
            "", "abc", "abc\n", "ab\nabc\r\nAbc\nfiets\n\n\nkanker", "één\nbos\r\rbos", "x\ny\nzz\nzzz",
        ]
        for text in texts {
            let path = Paths.temporaryFolder("scan") + "/words"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            for chunkSize in [1, 2, 3, 7, 4096] {
                #expect(
                    try Self.scanned(path, chunkSize: chunkSize) == Self.referenceHashes(Data(text.utf8)), "\(text)")
            }
        }
    }

    @Test func aMissingFileAndAFolderAreTold() {
        #expect(throws: WordListScan.Failure.noSuchFile) { try Self.scanned("/nonexistent/words", chunkSize: 16) }
        #expect(throws: WordListScan.Failure.unreadable) {
            try Self.scanned(Paths.temporaryFolder("scan-folder"), chunkSize: 16)
        }
    }

    /// The bitmap in front of the slips never says no to a hash it holds.
    @Test func theBitmapKeepsEveryHashItHolds() {
        let slips = SpellingRepair.slips(of: .builtIn)
        var bitmap = HashBitmap(capacity: slips.count)
        for hash in slips.hashes { bitmap.insert(hash) }
        #expect(slips.hashes.allSatisfy(bitmap.mightContain))
        let strangers = (0..<10_000).map { SpellingRepair.hash("stranger\($0)".utf8) }
        #expect(strangers.filter(bitmap.mightContain).count < 1_000)
    }
}
