import ArgumentParser
import Foundation
import MentionConfig
import MentionDaemon
import MentionRender
import MentionStore

/// The cases the MT and the coordinator work on, one per alert (docs/operations.md, "Cases").
struct Cases: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the cases, newest first: number, state, who took it, opened, whom it names, title.")
    @OptionGroup var options: ConfigOption
    @Flag(help: "Only open cases (nieuw, in behandeling).")
    var open = false
    @Option(help: "Only cases naming this entity (a staff id from feeds.yaml, or school).")
    var person: String?

    func run() async throws {
        let config = try options.load(loadingModel: false)
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        let found: [CaseSummary]
        do {
            found = try await monitor.cases(openOnly: open, person: person)
        } catch {
            throw fail("cannot read the cases: \(error)", status: ExitStatus.ioError)
        }
        print(found.isEmpty ? "no cases" : found.map(Self.line).joined(separator: "\n"))
    }

    /// One line a case, tab-separated for grep and cut.
    static func line(_ summary: CaseSummary) -> String {
        [
            summary.number, summary.state.rawValue, summary.takenBy ?? "-",
            ISO8601DateFormatter().string(from: summary.createdAt),
            summary.entities.isEmpty ? "-" : summary.entities.joined(separator: ","),
            (summary.title ?? "(zonder titel)").split(whereSeparator: \.isNewline).joined(separator: " "),
        ].joined(separator: "\t")
    }
}

/// One case: everything known, or a change of state (take, close, false-alarm) with who and why.
struct CaseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Show a case (posts, categories, evidence, history), or take, close or mark it a false alarm.",
        discussion: """
            mentionwatch case MW-000042                  everything known about the case
            mentionwatch case MW-000042 take --by NAME   "in behandeling", taken by NAME
            mentionwatch case MW-000042 close --by NAME  "afgehandeld"
            mentionwatch case MW-000042 false-alarm --reason quote|news|sport|wrong-person|other --by NAME
            --by defaults to the environment variable MENTIONWATCH_BY; --note adds a few words to the history.
            A closed case (afgehandeld, vals alarm) takes no more changes.
            """)
    @OptionGroup var options: ConfigOption
    @Argument(help: "The case number, as the mail shows it (MW-000042).")
    var number: String
    @Argument(help: "take, close or false-alarm; none shows the case.")
    var action: String?
    @Option(help: "Who acts (default: $MENTIONWATCH_BY).")
    var by: String?
    @Option(help: "A few words for the history.")
    var note: String?
    @Option(help: "Why it was a false alarm: quote, news, sport, wrong-person or other.")
    var reason: String?

    func validate() throws {
        guard let action else {
            guard by == nil, note == nil, reason == nil else {
                throw ValidationError("--by, --note and --reason go with an action: take, close or false-alarm")
            }
            return
        }
        guard ["take", "close", "false-alarm"].contains(action) else {
            throw ValidationError("unknown action '\(action)': take, close or false-alarm")
        }
        if action == "false-alarm" {
            guard let reason, FalseAlarmReason(rawValue: reason) != nil else {
                throw ValidationError(
                    "false-alarm needs --reason: \(FalseAlarmReason.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        } else if reason != nil {
            throw ValidationError("--reason goes with false-alarm only")
        }
    }

    func run() async throws {
        let config = try options.load(loadingModel: false)
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        guard let action else { return try await show(monitor) }
        let person = (by ?? ProcessInfo.processInfo.environment["MENTIONWATCH_BY"] ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else {
            throw fail("say who acts: --by NAME (or set MENTIONWATCH_BY)", status: ExitStatus.usage)
        }
        let change: CaseAction =
            switch action {
            case "take": .take
            case "close": .close
            default: .falseAlarm(FalseAlarmReason(rawValue: reason ?? "") ?? .other)
            }
        do {
            let changed = try await monitor.act(on: number, change, by: person, note: note)
            print("\(changed.number) \(changed.state.rawValue) by \(person)")
        } catch let error as CaseError {
            throw fail("\(error)", status: ExitStatus.dataError)
        } catch {
            throw fail("cannot record the change of \(number): \(error)", status: ExitStatus.ioError)
        }
    }

    private func show(_ monitor: Monitor) async throws {
        let found: (summary: CaseSummary, history: [CaseEvent], alerts: [AlertContent])?
        do {
            found = try await monitor.caseDetail(number)
        } catch {
            throw fail("cannot read case \(number): \(error)", status: ExitStatus.ioError)
        }
        guard let found else { throw fail("\(CaseError.unknown(number))", status: ExitStatus.dataError) }
        print(Self.describe(found.summary, found.history, found.alerts))
    }

    static func describe(_ summary: CaseSummary, _ history: [CaseEvent], _ alerts: [AlertContent]) -> String {
        let time = { (date: Date) in ISO8601DateFormatter().string(from: date) }
        var lines = [
            "\(summary.number): \(summary.state.rawValue)"
                + (summary.takenBy.map { ", taken by \($0)" } ?? "")
                + (summary.reason.map { ", reason: \($0.rawValue)" } ?? ""),
            "names: " + (summary.entities.isEmpty ? "-" : summary.entities.joined(separator: ", ")),
            "history:",
        ]
        lines += history.map { event in
            "  \(time(event.at))  \(event.by)  \(event.action)  \(event.state.rawValue)"
                + (event.note.map { "  (\($0))" } ?? "")
        }
        for alert in alerts {
            lines += [
                "post \(alert.caseNumber): feed \(alert.feedID), author \(alert.author ?? "-"), "
                    + "published \(alert.published.map(time) ?? "-"), fetched \(time(alert.fetchedAt))",
                "  title: \(alert.title ?? "-")", "  link: \(alert.link ?? "-")",
                "  text: " + alert.text.split(whereSeparator: \.isNewline).joined(separator: " "),
            ]
            lines += alert.assessment.categories.map {
                "  \($0.category.rawValue) (\($0.severity.rawValue)): \($0.explanation)"
            }
            lines.append("  evidence: the entry as fetched, sha256 \(alert.evidenceSHA256)")
        }
        return lines.joined(separator: "\n")
    }
}

/// What people judged false alarms, for the school to learn from: nothing is silenced until a person
/// adds a term to `classification.silence` or the posts to the next model's training data.
struct FalseAlarms: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "false-alarms",
        abstract: "List the false alarms, or --export them as labelled posts (JSON Lines) for training.",
        discussion: """
            Without --export: one line each (case, reason, feed, author, title) and, per case, the words that
            raised the alert, as candidates for classification.silence in feeds.yaml.
            With --export: JSON Lines in the format of corpus/ (LABELS.md): categories [] and alert false,
            with the reason in expect.note; append them to a file in corpus/train and run make train.
            """)
    @OptionGroup var options: ConfigOption
    @Flag(help: "Write them as labelled posts (JSON Lines) to standard output.")
    var export = false

    func run() async throws {
        let config = try options.load(loadingModel: false)
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        let found: [FalseAlarm]
        do {
            found = try await monitor.falseAlarms()
        } catch {
            throw fail("cannot read the false alarms: \(error)", status: ExitStatus.ioError)
        }
        if export {
            for alarm in found { print(try Self.labelled(alarm, source: config.feeds.first { $0.id == alarm.feedID })) }
            return
        }
        guard !found.isEmpty else { return print("no false alarms") }
        for alarm in found {
            print(
                [alarm.number, alarm.reason.rawValue, alarm.feedID, alarm.author ?? "-", alarm.title ?? "-"]
                    .joined(separator: "\t"))
            let words = Array(Set(alarm.evidence)).sorted()
            if !words.isEmpty { print("  silence candidates: " + words.map { "\"\($0)\"" }.joined(separator: ", ")) }
        }
    }

    /// One post in the corpus format; the source is the feed's kind, as the corpus names them.
    static func labelled(_ alarm: FalseAlarm, source feed: FeedConfig?) throws -> String {
        let post: [String: Any] = [
            "id": "fa-" + alarm.number, "source": feed?.kind.rawValue ?? "forum", "author": alarm.author ?? "",
            "title": alarm.title ?? "", "text": alarm.text, "has_media": alarm.hasMedia,
            "expect": [
                "mentions": [String](), "categories": [String](), "alert": false,
                "note": "vals alarm (\(alarm.reason.rawValue)), \(alarm.number)",
            ],
        ]
        let data = try JSONSerialization.data(withJSONObject: post, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// A case's evidence dossier in a new folder: the page, the entries and responses as fetched, checksums.
struct DossierCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Write a case's evidence dossier into a new folder (index.html, the posts as fetched, SHA256SUMS).",
        discussion: "Check it with: cd FOLDER && sha256sum -c SHA256SUMS")
    @OptionGroup var options: ConfigOption
    @Argument(help: "The case number (MW-000042).")
    var number: String
    @Argument(help: "A folder that does not exist yet, or is empty.")
    var folder: String

    func run() async throws {
        let config = try options.load(loadingModel: false)
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        do {
            let files = try await monitor.writeDossier(number, to: folder)
            print("\(folder): \(files.joined(separator: ", "))")
        } catch let error as CaseError {
            throw fail("\(error)", status: ExitStatus.dataError)
        } catch let error as Monitor.DossierError {
            throw fail("\(error)", status: ExitStatus.cantCreate)
        } catch {
            throw fail("cannot write the dossier of \(number) to \(folder): \(error)", status: ExitStatus.ioError)
        }
    }
}
