import ArgumentParser
import Foundation
import Logging
import MentionConfig
import MentionDaemon

/// sysexits(3) codes used by the command line.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let cantCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let tempFail: Int32 = 75
    static let configError: Int32 = 78
}

/// Prints one clear line per problem to stderr and exits with the given status.
func fail(_ message: String, status: Int32) -> ExitCode {
    FileHandle.standardError.write(Data("mentionwatch: \(message)\n".utf8))
    return ExitCode(status)
}

struct ConfigOption: ParsableArguments {
    @Option(name: .long, help: "The configuration file (feeds.yaml).")
    var config: String = "/etc/mentionwatch/feeds.yaml"

    func load(loadingModel: Bool = true) throws -> Config {
        do {
            return try ConfigFile.load(config, loadingModel: loadingModel)
        } catch {
            FileHandle.standardError.write(Data("\(error)\n".utf8))
            throw ExitCode(ExitStatus.configError)
        }
    }
}

func makeLogger(level: Logger.Level = .info) -> Logger {
    var logger = Logger(label: "mentionwatch") { JournalLogHandler(label: $0) }
    logger.logLevel = level
    return logger
}

func openMonitor(_ config: Config, logger: Logger) throws -> Monitor {
    do {
        return try Monitor(config: config, logger: logger)
    } catch {
        throw fail("cannot open the database \(config.storage.database): \(error)", status: ExitStatus.ioError)
    }
}
