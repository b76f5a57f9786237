import ArgumentParser
import Foundation
import MentionDaemon
import MentionStore

/// The coordinator's decision on a post in the review tier ("te beoordelen", docs/operations.md):
/// the digest lists it with these commands.
struct Review: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Decide on a review item: --alert sends it to the MT as an alert, --dismiss drops it; --list shows the open ones.",
        discussion: """
            ITEM is the id the digest shows under "Te beoordelen" (MW-000042). An item is decided once.
            --by names who decided (default: the environment variable MENTIONWATCH_BY).
            """)
    @OptionGroup var options: ConfigOption
    @Argument(help: "The review item, as the digest shows it (MW-000042).")
    var item: String?
    @Flag(
        name: .customLong("alert"),
        help: "Promote it: an alert to the MT after all (delivered in the daemon's next round).")
    var promote = false
    @Flag(help: "Dismiss it: no breach.")
    var dismiss = false
    @Flag(help: "List the items nobody decided on yet.")
    var list = false
    @Option(help: "Who decides (default: $MENTIONWATCH_BY).")
    var by: String?
    @Option(help: "Why, in a few words; kept with the decision.")
    var note: String?

    func validate() throws {
        if list {
            guard item == nil, !promote, !dismiss else {
                throw ValidationError("--list takes no ITEM, --alert or --dismiss")
            }
            return
        }
        guard item != nil else { throw ValidationError("name the ITEM to decide on, or use --list") }
        guard promote != dismiss else { throw ValidationError("give exactly one of --alert and --dismiss") }
    }

    func run() async throws {
        let config = try options.load()
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        if list {
            let open: [ReviewItem]
            do {
                open = try await monitor.openReviews()
            } catch {
                throw fail("cannot read the review items: \(error)", status: ExitStatus.ioError)
            }
            print(open.isEmpty ? "no items to review" : open.map(Self.line).joined(separator: "\n"))
            return
        }
        let person = (by ?? ProcessInfo.processInfo.environment["MENTIONWATCH_BY"] ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard !person.isEmpty else {
            throw fail("say who decides: --by NAME (or set MENTIONWATCH_BY)", status: ExitStatus.usage)
        }
        let item = item ?? ""
        do {
            let decided = try await monitor.decideReview(
                item, promote ? .promoted : .dismissed, by: person, note: note)
            print(
                promote
                    ? "\(decided.id) promoted by \(person): the MT's alert goes out in the daemon's next round (or poll --once)"
                    : "\(decided.id) dismissed by \(person)")
        } catch let error as ReviewError {
            throw fail("\(error)", status: ExitStatus.dataError)
        } catch {
            throw fail("cannot record the decision on \(item): \(error)", status: ExitStatus.ioError)
        }
    }

    /// One line an item: id, score, feed, author, time fetched, title (tab-separated, for grep and cut).
    static func line(_ item: ReviewItem) -> String {
        let oneLine = { (text: String) in text.split(whereSeparator: \.isNewline).joined(separator: " ") }
        return [
            item.id, "\(Int((item.score * 100).rounded()))%", item.feedID, oneLine(item.author ?? "-"),
            ISO8601DateFormatter().string(from: item.published ?? item.fetchedAt),
            oneLine(item.title ?? "(zonder titel)"),
        ].joined(separator: "\t")
    }
}
