import Foundation

/// Where the repository and the shared test data are, found from this file's place in the tree.
public enum Paths {
    public static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url.path
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared` beside the repository (design data, labelled posts, feed cases).
    public static let shared = URL(fileURLWithPath: repositoryRoot).deletingLastPathComponent().appendingPathComponent(
        "shared"
    ).path

    public static var sharedIsPresent: Bool { FileManager.default.fileExists(atPath: shared + "/data/world.yaml") }

    public static func support(_ name: String) -> String { repositoryRoot + "/Tests/Support/" + name }

    /// JSON lines of the labelled posts, in order: every `corpusEvery`th of each file of the training
    /// corpus (corpus/train, never the blind set) and every `supportEvery`th of the labelled sets of
    /// Tests/Support.
    public static func labelledLines(corpusEvery: Int, supportEvery: Int) throws -> [Substring] {
        let corpus = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/corpus/train").sorted()
            .map { (repositoryRoot + "/corpus/train/" + $0, corpusEvery) }
        let support = ["classification-independent.jsonl", "classification-fresh.jsonl", "classification-third.jsonl"]
            .map { (Self.support($0), supportEvery) }
        var lines: [Substring] = []
        for (file, every) in corpus + support {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            lines += text.split(separator: "\n").enumerated().filter { $0.offset % every == 0 }.map(\.element)
        }
        return lines
    }

    /// A fresh, empty folder for one test.
    public static func temporaryFolder(_ label: String = "test") -> String {
        let path = NSTemporaryDirectory() + "mentionwatch-\(label)-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
