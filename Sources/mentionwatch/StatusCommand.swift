import ArgumentParser
import Foundation
import MentionDaemon
import MentionRender
import MentionSchedule

/// For monitoring (a Nagios/Icinga check, a systemd timer): exit 0 when a daemon runs and nothing is
/// wrong, 1 when something is (docs/operations.md, "Status"); other codes when it cannot tell.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Is the daemon running, its last poll, pending alerts, failing feeds; exit 0 when all is well, 1 when not.")
    @OptionGroup var options: ConfigOption
    @Flag(help: "Print the status as JSON.")
    var json = false

    var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }

    func run() async throws {
        let config = try options.load(loadingModel: false)
        let snapshot: ServiceSnapshot
        do {
            snapshot = try ServiceState.read(config)
        } catch let error as ServiceState.NoDatabase {
            struct Missing: Encodable {
                var ok = false
                var problems: [String]
            }
            print(
                json
                    ? String(decoding: try encoder.encode(Missing(problems: ["\(error)"])), as: UTF8.self)
                    : "mentionwatch: NOT OK\n\(error)")
            throw ExitCode(1)
        } catch {
            throw fail("cannot read the status from \(config.storage.database): \(error)", status: ExitStatus.ioError)
        }
        let now = Date()
        let status = ServiceStatus(snapshot, now: now)
        if json {
            print(String(decoding: try encoder.encode(StatusText.JSON(snapshot, status)), as: UTF8.self))
        } else {
            print(StatusText.text(snapshot, status, now: now), terminator: "")
        }
        if !status.ok { throw ExitCode(1) }
    }
}
