import Foundation
import MentionClassify
import MentionConfig
import MentionMail

/// Reads and validates a config file from disk (the core parses; this adapter does the I/O).
public enum ConfigFile {
    public enum LoadError: Error, CustomStringConvertible {
        case unreadable(path: String, reason: String)
        case invalid(ConfigErrors)
        /// The model file is missing, unreadable, corrupt or built for another version: never a silent
        /// rules-only run (docs/model.md).
        case model(path: String, reason: String)
        /// A word list named in `classification.dictionaries` is missing or unreadable.
        case dictionary(path: String, reason: String)

        public var description: String {
            switch self {
            case .unreadable(let path, let reason): return "\(path): cannot read the configuration: \(reason)"
            case .invalid(let errors): return errors.description
            case .model(let path, let reason): return "\(path): cannot use the model file: \(reason)"
            case .dictionary(let path, let reason): return "\(path): cannot read the word list: \(reason)"
            }
        }
    }

    /// `loadingModel: false` reads the config alone (`mentionwatch train` makes the model).
    public static func load(_ path: String, loadingModel: Bool = true) throws(LoadError) -> Config {
        // The built-in lexicon (made once a process) and its slips (Dictionaries) are a fifth of a
        // start each: made on the other core while the YAML is read. The parse and the word lists
        // wait for them there if they are not done; a config that adds to the lexicon or silences
        // terms makes its own slips instead.
        let builtInSlips = BackgroundWork { SpellingRepair.slips(of: .builtIn) }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(
                path: path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
        }
        let absolute = URL(fileURLWithPath: path).standardizedFileURL
        var config: Config
        do {
            config = try ConfigParser.parse(
                text, file: path, baseDirectory: absolute.deletingLastPathComponent().path,
                isKnownTimeZone: { TimeZone(identifier: $0) != nil },
                isKnownGroup: { SystemAccounts.groupID(named: $0) != nil })
        } catch {
            throw .invalid(error)
        }
        let base = absolute.deletingLastPathComponent().path
        // The model file is read while the word lists are; a bad word list is still told first.
        let configured = config.classification.modelPath
        let model =
            loadingModel && !config.classification.rulesOnly
            ? BackgroundWork { () throws(LoadError) in
                let modelPath = try ModelFile.resolve(configured, relativeTo: base)
                return (path: modelPath, model: try ModelFile.load(modelPath))
            } : nil
        try Dictionaries.apply(to: &config, relativeTo: base, builtInSlips: builtInSlips.take)
        if let loaded = try model?.value() {
            config.classification.model = loaded.model
            config.classification.modelPath = loaded.path
        }
        return config
    }
}
