import Foundation
import TestSupport
import Testing

@testable import MentionDaemon

/// The model file is read straight into one array (`FileBytes`); these hold it to Foundation's read.
struct FileBytesTests {
    @Test func theShippedModelReadsAsFoundationReadsIt() throws {
        let path = Paths.repositoryRoot + "/model/classifier.mwm"
        let expected = try #require(FileManager.default.contents(atPath: path))
        #expect(expected.count > 100_000)
        #expect(FileBytes.read(path) == [UInt8](expected))
    }

    @Test func emptyMissingAndFolderAreAsFoundationHasThem() throws {
        let folder = Paths.temporaryFolder("bytes")
        let empty = folder + "/empty"
        try Data().write(to: URL(fileURLWithPath: empty))
        #expect(FileBytes.read(empty) == [])
        #expect(FileBytes.read(folder + "/missing") == nil)
        #expect(FileBytes.read(folder) == nil)
        #expect(FileManager.default.contents(atPath: folder) == nil)
    }
}
