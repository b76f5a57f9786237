import ArgumentParser
import Foundation
import MentionConfig

/// The command line (README.md, "Commands"). Exit codes follow sysexits(3).
@main
struct Mentionwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentionwatch",
        abstract:
            "Watches public feeds for mentions of a school and its staff and reports protocol breaches to the MT.",
        version: mentionwatchVersion,
        subcommands: [
            Run.self, Poll.self, Check.self, Parse.self, Match.self, Score.self, Train.self, Feeds.self, Digest.self,
            Review.self, Cases.self, CaseCommand.self, FalseAlarms.self, DossierCommand.self, Status.self,
            Demo.self,
            BenchParse.self, BenchMatch.self, BenchClassify.self,
            ProbeAccess.self,
        ]
    )
}
