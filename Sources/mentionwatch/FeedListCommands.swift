import ArgumentParser
import FeedKit
import Foundation
import MentionConfig

/// `mentionwatch feeds`: health (the default), and OPML import and export (docs/operations.md, "OPML").
struct Feeds: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Feed health (the default), and the feed list as OPML: import and export.",
        subcommands: [FeedsHealth.self, FeedsImport.self, FeedsExport.self], defaultSubcommand: FeedsHealth.self)
}

struct FeedsExport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Print the configured feeds as OPML 2.0, grouped by kind.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load(loadingModel: false)
        print(
            OPML.write(
                title: "mentionwatch: \(config.school.name)",
                feeds: config.feeds.map { ($0.id, $0.url, $0.kind.rawValue) }),
            terminator: "")
    }
}

struct FeedsImport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Print the feeds of an OPML file that the config lacks, as lines for feeds.yaml (--append: add them to it)."
    )
    @Argument(help: "The OPML file (a feed reader's export).")
    var file: String
    @OptionGroup var options: ConfigOption
    @Flag(help: "Add the new feeds at the end of the config's feeds list, keeping everything else as written.")
    var append = false

    func run() async throws {
        let config = try options.load(loadingModel: false)
        guard let data = FileManager.default.contents(atPath: file) else {
            throw fail("cannot read \(file)", status: ExitStatus.noInput)
        }
        let outlines: [OPML.Outline]
        do {
            outlines = try OPML.read(Array(data))
        } catch {
            let lines = error.problems.map { "\(file):\($0.line): \($0.message)" }
            throw fail(lines.joined(separator: "\n") + "\nnothing imported", status: ExitStatus.dataError)
        }
        let plan = FeedImport(outlines, existing: config.feeds)
        var summary = "\(plan.new.count) new feed(s), \(plan.skipped.count) skipped (already in \(options.config)"
        summary += plan.skipped.isEmpty ? ")" : ": \(plan.skipped.map(\.existing).joined(separator: ", ")))"
        guard append, !plan.new.isEmpty else {
            print(plan.yaml, terminator: "")
            FileHandle.standardError.write(Data(("mentionwatch: " + summary + "\n").utf8))
            return
        }
        do {
            let text = try String(contentsOfFile: options.config, encoding: .utf8)
            let directory = (options.config as NSString).deletingLastPathComponent
            let result = try plan.appended(
                to: text, file: options.config, baseDirectory: directory.isEmpty ? "." : directory)
            try ConfigFileWriter.replace(options.config, with: result)
        } catch {
            print(plan.yaml, terminator: "")
            throw fail(
                "\(error)\nnot appended: the lines above are the new feeds, to paste under feeds:",
                status: ExitStatus.cantCreate)
        }
        FileHandle.standardError.write(Data(("mentionwatch: " + summary + "; appended to \(options.config)\n").utf8))
    }
}
