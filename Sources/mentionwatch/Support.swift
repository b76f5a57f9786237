import ArgumentParser
import Foundation
import Logging
import MentionCore
import MentionDaemon

/// sysexits(3) codes used by the command line.
enum ExitStatus {
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let ioError: Int32 = 74
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

    func load() throws -> Config {
        do {
            return try ConfigFile.load(config)
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

/// The start and end of a calendar day in a time zone (DST-safe: a day can be 23 or 25 hours).
func dayRange(_ day: String, timeZone: TimeZone) -> (from: Date, to: Date)? {
    let parts = day.split(separator: "-").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let from = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
          calendar.component(.day, from: from) == parts[2],
          let to = calendar.date(byAdding: .day, value: 1, to: from) else { return nil }
    return (from, to)
}

func today(in timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let parts = calendar.dateComponents([.year, .month, .day], from: Date())
    return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
}
