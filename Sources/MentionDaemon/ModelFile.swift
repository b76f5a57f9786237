import Foundation
import MentionClassify

/// Finds and reads the learned model's file (docs/model.md, "Where the model lives").
public enum ModelFile {
    /// The file's name where `make install` puts it and where `make train` writes it.
    public static let fileName = "classifier.mwm"

    /// `classification.model` relative to the config's folder; without it, the installed model
    /// (`PREFIX/share/mentionwatch/` beside the binary's `bin/`), else the repository's
    /// `model/classifier.mwm` above the binary (a development build).
    public static func resolve(_ configured: String?, relativeTo base: String) throws(ConfigFile.LoadError) -> String {
        if let configured {
            return configured.hasPrefix("/")
                ? configured : URL(fileURLWithPath: base).appendingPathComponent(configured).path
        }
        let candidates = defaultCandidates()
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw .model(
            path: candidates.first ?? fileName,
            reason: "no model file; looked in \(candidates.joined(separator: ", ")). Set classification.model")
    }

    public static func load(_ path: String) throws(ConfigFile.LoadError) -> LinearModel {
        guard let bytes = FileBytes.read(path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read it" : "no such file"
            throw .model(path: path, reason: reason)
        }
        do {
            return try LinearModel(fileBytes: bytes)
        } catch {
            throw .model(path: path, reason: error.description)
        }
    }

    private static func defaultCandidates() -> [String] {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [
            executable.deletingLastPathComponent().appendingPathComponent("share/mentionwatch/\(fileName)").path
        ]
        var folder = executable
        for _ in 0..<5 {
            folder = folder.deletingLastPathComponent()
            candidates.append(folder.appendingPathComponent("model/\(fileName)").path)
        }
        return candidates
    }
}
