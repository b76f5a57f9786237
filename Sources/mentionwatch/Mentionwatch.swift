import ArgumentParser
import Foundation

/// The command line of design §3. Exit codes follow sysexits(3).
@main
struct Mentionwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mentionwatch",
        abstract: "Watches public feeds for mentions of a school and its staff and reports protocol breaches to the MT.",
        version: "0.1.0",
        subcommands: [Run.self, Poll.self, Check.self, Parse.self, Match.self, Feeds.self, Digest.self, Demo.self]
    )
}

