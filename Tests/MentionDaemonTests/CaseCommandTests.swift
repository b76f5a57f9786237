import Foundation
import TestSupport
import Testing

/// `mentionwatch cases` and `mentionwatch case`, with the real binary on a real SQLite file filled
/// by a real poll of the demo's forum feed (one alert by the rules).
struct CaseCommandTests {
    @Test func aCaseIsListedShownTakenAndClosed() throws {
        let (_, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        let run = { (arguments: [String], environment: [String: String]) in
            try CommandLineTests.mentionwatch(arguments + ["--config", config], environment: environment)
        }
        let poll = try run(["poll", "--once", "--all"], [:])
        #expect(poll.status == 0, "\(poll.stderr)")

        let list = try run(["cases"], [:])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.count == 1)
        let number = try #require(rows.first?.first)
        #expect(number.hasPrefix("MW-"))
        #expect(rows.first?[1] == "nieuw")
        #expect(rows.first?[2] == "-")

        let shown = try run(["case", number], [:])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.stdout.hasPrefix("\(number): nieuw\n"))
        #expect(shown.stdout.contains("  mentionwatch  opened  nieuw"))
        #expect(shown.stdout.contains("  evidence: the entry as fetched, sha256 "))

        // Who acts is required; MENTIONWATCH_BY may say it.
        #expect(try run(["case", number, "take"], [:]).status == 64)
        let taken = try run(["case", number, "take", "--note", "ik pak het op"], ["MENTIONWATCH_BY": "Sanne Hoekstra"])
        #expect(taken.status == 0, "\(taken.stderr)")
        #expect(taken.stdout == "\(number) in behandeling by Sanne Hoekstra\n")
        #expect(try run(["cases", "--open"], [:]).stdout.contains("\tin behandeling\tSanne Hoekstra\t"))

        let closed = try run(["case", number, "close", "--by", "Ingrid"], [:])
        #expect(closed.stdout == "\(number) afgehandeld by Ingrid\n")
        #expect(try run(["cases", "--open"], [:]).stdout == "no cases\n")
        let history = try run(["case", number], [:]).stdout
        #expect(history.contains("Sanne Hoekstra  take  in behandeling  (ik pak het op)"))
        #expect(history.contains("Ingrid  close  afgehandeld"))

        // A closed case takes no more changes: a clear error, EX_DATAERR.
        let again = try run(["case", number, "false-alarm", "--reason", "quote", "--by", "X"], [:])
        #expect(again.status == 65)
        #expect(
            again.stderr.contains("\(number) is afgehandeld (by Sanne Hoekstra): a closed case takes no more changes"))
    }

    @Test func aFalseAlarmIsListedWithItsWordsAndExportedAsALabelledPost() throws {
        let (_, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        let run = { (arguments: [String]) in try CommandLineTests.mentionwatch(arguments + ["--config", config]) }
        #expect(try run(["poll", "--once", "--all"]).status == 0)
        #expect(try run(["false-alarms"]).stdout == "no false alarms\n")
        let number = try #require(try run(["cases"]).stdout.split(separator: "\t").first.map(String.init))
        let marked = try run(["case", number, "false-alarm", "--reason", "sport", "--by", "Sanne", "--note", "voetbal"])
        #expect(marked.status == 0, "\(marked.stderr)")
        #expect(marked.stdout == "\(number) vals alarm by Sanne\n")

        let listed = try run(["false-alarms"]).stdout.split(separator: "\n").map(String.init)
        #expect(listed.first?.hasPrefix("\(number)\tsport\tforum\t") == true)
        #expect(listed.count == 2 && listed[1].hasPrefix("  silence candidates: \""))

        let exported = try run(["false-alarms", "--export"])
        let lines = exported.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let post = try #require(
            try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(post["id"] as? String == "fa-\(number)")
        #expect((post["text"] as? String)?.isEmpty == false)
        let expect = try #require(post["expect"] as? [String: Any])
        #expect(expect["alert"] as? Bool == false)
        #expect((expect["categories"] as? [String]) == [])
        #expect(expect["note"] as? String == "vals alarm (sport), \(number)")
    }

    /// With a spool that cannot take mail, the digest lists the alert as not delivered, with the error,
    /// and never as "gemeld aan het MT"; the case is open all the same.
    @Test func theDigestDoesNotCallAnUndeliveredAlertReported() throws {
        let (folder, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        try Data("not a folder".utf8).write(to: URL(fileURLWithPath: folder + "/maildir"))  // the spool is broken
        let run = { (arguments: [String]) in try CommandLineTests.mentionwatch(arguments + ["--config", config]) }
        _ = try run(["poll", "--once", "--all"])
        let digest = try run(["digest"])
        #expect(digest.status == 0, "\(digest.stderr)")
        let text = digest.stdout
        let reported = try #require(text.range(of: "Gemarkeerd (gemeld aan het MT):\n"))
        let waiting = try #require(
            text.range(of: "Nog niet bij het MT (niet gemeld; mentionwatch probeert het opnieuw):\n"))
        #expect(text[reported.upperBound..<waiting.lowerBound].hasPrefix("  geen\n"))
        #expect(text[waiting.upperBound...].contains("1 poging; laatste fout: "))
        #expect(text.contains("Open zaken (1):\n  * [MW-"))
    }

    /// The dossier's checksums verify with coreutils' own `sha256sum -c`, and fail after one changed byte.
    @Test func aDossierVerifiesWithSha256sumAndAChangedByteFails() throws {
        let (folder, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        let run = { (arguments: [String]) in try CommandLineTests.mentionwatch(arguments + ["--config", config]) }
        #expect(try run(["poll", "--once", "--all"]).status == 0)
        let number = try #require(try run(["cases"]).stdout.split(separator: "\t").first.map(String.init))
        #expect(try run(["case", number, "take", "--by", "Sanne Hoekstra"]).status == 0)
        let dossier = folder + "/dossier"
        let written = try run(["dossier", number, dossier])
        #expect(written.status == 0, "\(written.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dossier).sorted()
        #expect(files.contains("index.html") && files.contains("LEESMIJ.txt") && files.contains("SHA256SUMS"))
        #expect(files.contains { $0.hasPrefix("bericht-1-\(number)") })
        #expect(files.contains { $0.hasPrefix("feed-") })  // the whole response as fetched

        let page = try String(contentsOfFile: dossier + "/index.html", encoding: .utf8)
        #expect(page.contains("<h1>Dossier \(number) – Praktijkschool De Zeehoek</h1>"))
        #expect(page.contains("in behandeling genomen door Sanne Hoekstra"))
        #expect(!page.contains("<script"))

        func sha256sum() throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            process.arguments = ["-c", "--quiet", "SHA256SUMS"]
            process.currentDirectoryURL = URL(fileURLWithPath: dossier)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try sha256sum() == 0)
        let entry = try #require(files.first { $0.hasPrefix("bericht-1-") })
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dossier + "/" + entry)))
        bytes[bytes.count / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: dossier + "/" + entry))
        #expect(try sha256sum() != 0)

        // Never into a folder that holds something: exit 73 (EX_CANTCREAT).
        let again = try run(["dossier", number, dossier])
        #expect(again.status == 73)
        #expect(again.stderr.contains("exists and is not empty"))
        #expect(try run(["dossier", "MW-999999", folder + "/other"]).status == 65)
    }

    /// `make run`: the demo takes and closes a case, marks a false alarm, and writes a dossier that verifies.
    @Test func theDemoWorksItsCasesAndWritesADossier() throws {
        let folder = Paths.temporaryFolder("demo-cases")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLineTests.binary)
        process.arguments = ["demo"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text.contains(" in behandeling, genomen door Ingrid van den Berg\n"))
        #expect(text.contains(" afgehandeld door Sanne Hoekstra\n"))
        #expect(text.contains(" vals alarm (reden: other), door Sanne Hoekstra\n"))
        #expect(text.contains("Open zaken (1):"))
        let dossier = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder + "/mentionwatch-demo").first {
                $0.hasPrefix("dossier-MW-")
            })
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        check.arguments = ["-c", "--quiet", "SHA256SUMS"]
        check.currentDirectoryURL = URL(fileURLWithPath: folder + "/mentionwatch-demo/" + dossier)
        try check.run()
        check.waitUntilExit()
        #expect(check.terminationStatus == 0)
    }

    @Test(arguments: [
        (["case", "MW-999999"], 65, "no case MW-999999"),
        (["case", "MW-000001", "destroy", "--by", "X"], 64, "unknown action 'destroy'"),
        (["case", "MW-000001", "false-alarm", "--by", "X"], 64, "false-alarm needs --reason"),
        (["case", "MW-000001", "close", "--reason", "news", "--by", "X"], 64, "--reason goes with false-alarm only"),
    ])
    func badCommandsGiveClearErrors(arguments: [String], status: Int32, message: String) throws {
        let (_, config) = try ReviewCommandTests.setUp(classification: "{ model: \"off\" }")
        let outcome = try CommandLineTests.mentionwatch(arguments + ["--config", config])
        #expect(outcome.status == status, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}
