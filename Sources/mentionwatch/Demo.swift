import ArgumentParser
import Foundation
import MentionConfig
import MentionDaemon
import MentionRender
import MentionSchedule

/// The embedded default: a full cycle on bundled fictional feeds, in ./mentionwatch-demo/.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a full cycle on bundled fictional feeds into ./mentionwatch-demo/ and show the results.")

    static let feeds: [(name: String, bytes: [UInt8])] = [
        ("westerveens-dagblad.xml", PackageResources.westerveens_dagblad_xml),
        ("mastodon-dezeehoek.atom", PackageResources.mastodon_dezeehoek_atom),
        ("forum-westerveen.xml", PackageResources.forum_westerveen_xml),
    ]

    func run() async throws {
        let folder = FileManager.default.currentDirectoryPath + "/mentionwatch-demo"
        // The demo starts afresh each time, so it always shows the same full cycle.
        try? FileManager.default.removeItem(atPath: folder)
        do {
            try FileManager.default.createDirectory(atPath: folder + "/feeds", withIntermediateDirectories: true)
            for feed in Self.feeds {
                try Data(feed.bytes).write(to: URL(fileURLWithPath: "\(folder)/feeds/\(feed.name)"))
            }
            try Data(Self.config(folder: folder).utf8).write(to: URL(fileURLWithPath: "\(folder)/feeds.yaml"))
        } catch {
            throw fail(
                "cannot write the demo folder \(folder): \(error.localizedDescription)", status: ExitStatus.ioError)
        }
        let config = try ConfigOption.parse(["--config", "\(folder)/feeds.yaml"]).load()
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))

        print("== mentionwatch demo: \(config.school.name) (fictional) ==\n")
        print("Polling \(config.feeds.count) bundled feeds:")
        for summary in await monitor.pollAll() { print("  \(summary)") }
        let delivery = await monitor.deliverAlerts()
        print("\nAlerts delivered to the MT: \(delivery.sent)\(delivery.error.map { " (error: \($0))" } ?? "")")
        for subject in delivery.subjects { print("  \(subject)") }
        let maildir = "\(folder)/maildir/mt"
        let messages = ((try? FileManager.default.contentsOfDirectory(atPath: "\(maildir)/new")) ?? []).sorted()
        print("\nAlert mails (Maildir \(maildir)):")
        for message in messages { print("  new/\(message)") }
        try await Self.workTheCases(monitor, folder: folder)
        print("\nDatabase: \(config.storage.database)")
        print("Config:   \(folder)/feeds.yaml")
        let schedule = DigestSchedule(config.digest, timeZone: TimeZone(identifier: config.digest.timezone) ?? .current)
        let day = schedule.dayString(Date())
        if let range = schedule.range(of: day) {
            print("\n== Digest for the coordinator (mentionwatch digest --config \(folder)/feeds.yaml) ==\n")
            print(
                try await monitor.digest(day: day, from: range.from, to: range.to, schedule: schedule), terminator: "")
        }
        print(
            "\nRead an alert: cat \"\(maildir)/new/\(messages.first ?? "...")\" (base64 MIME; any mail client opens it)"
        )
    }

    /// What the MT and the coordinator do next, as the commands would (docs/operations.md, "Cases"): the
    /// most severe case taken and written to a dossier, the next taken and closed, the last a false alarm.
    static func workTheCases(_ monitor: Monitor, folder: String) async throws {
        let cases = try await monitor.cases(openOnly: true, person: nil).sorted { $0.id < $1.id }
        guard cases.count >= 3 else { return }
        let (threat, insult, last) = (cases[0].number, cases[1].number, cases[2].number)
        print("\nCases (mentionwatch cases / case NUMBER take|close|false-alarm --by NAME):")
        try await monitor.act(on: threat, .take, by: "Ingrid van den Berg", note: "ouders en wijkagent gebeld")
        print("  \(threat) in behandeling, genomen door Ingrid van den Berg")
        try await monitor.act(on: insult, .take, by: "Sanne Hoekstra", note: nil)
        try await monitor.act(on: insult, .close, by: "Sanne Hoekstra", note: "gesprek met de leerling gevoerd")
        print("  \(insult) afgehandeld door Sanne Hoekstra")
        try await monitor.act(on: last, .falseAlarm(.other), by: "Sanne Hoekstra", note: "kritiek op de les")
        print("  \(last) vals alarm (reden: other), door Sanne Hoekstra")
        let dossier = "\(folder)/dossier-\(threat)"
        try await monitor.writeDossier(threat, to: dossier)
        print("  dossier of \(threat): \(dossier) (check: cd \(dossier) && sha256sum -c SHA256SUMS)")
    }

    /// The bundled school configuration plus a `feeds:` section for the bundled feeds.
    static func config(folder: String) -> String {
        let feeds = Self.feeds.map { feed in
            let id = (feed.name as NSString).deletingPathExtension
            let kind = id.hasPrefix("mastodon") ? "mastodon" : id.hasPrefix("forum") ? "forum" : "news"
            let url = URL(fileURLWithPath: "\(folder)/feeds/\(feed.name)").absoluteString
            return "  - { id: \(id), url: \"\(url)\", kind: \(kind), interval: 15m }"
        }
        return String(decoding: PackageResources.school_yaml, as: UTF8.self) + "feeds:\n"
            + feeds.joined(separator: "\n") + "\n"
    }
}
