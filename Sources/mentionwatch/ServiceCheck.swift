import ArgumentParser
import Foundation
import MentionConfig
import MentionDaemon
import MentionMail

/// `check --as-service`: what the service user can open, tried as that user, one line a path.
enum ServiceCheck {
    /// True when every path works for the user.
    static func run(_ config: Config, configPath: String, user: String?, unit: String?) throws -> Bool {
        let service = ServiceUnit.read(unit: unit)
        let identity: ServiceAccess.Identity
        let results: [String?]
        let requirements = ServiceAccess.requirements(config, configPath: configPath)
        do {
            identity = try ServiceAccess.identity(service, user: user)
            results = try ServiceAccess.probe(requirements, as: identity)
        } catch {
            throw fail("--as-service: \(error)", status: 1)
        }
        let from =
            user != nil ? "--as-user" : service.files.last.map { "User= in \($0)" } ?? "no unit found: the default"
        print(
            "as service user \(identity.user) (uid \(identity.uid), groups \(identity.groups.map(SystemAccounts.groupName).joined(separator: ", "))) from \(from):"
        )
        var ok = true
        for (requirement, problem) in zip(requirements, results) {
            let need = requirement.need.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            if let problem {
                ok = false
                print("  FAIL \(need) \(requirement.path) (\(requirement.purpose)): \(problem)")
            } else {
                print("  ok   \(need) \(requirement.path) (\(requirement.purpose))")
            }
        }
        for folder in ServiceAccess.sharedFolders(config) {
            if let problem = folder.problem {
                ok = false
                print("  FAIL group      \(folder.path) (\(folder.purpose)): \(problem)")
            } else {
                print("  ok   group      \(folder.path) (\(folder.purpose))")
            }
        }
        return ok
    }
}

/// The child `check --as-service` starts from root: takes the user's identity, then tries each path
/// and prints one line for each ("ok" or what is wrong). Not for people: hidden from the help.
struct ProbeAccess: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_probe-access", abstract: "Internal: used by check --as-service.", shouldDisplay: false)
    @Option var uid: UInt32
    @Option var gid: UInt32
    @Option var groups: String
    @Argument var paths: [String] = []

    func run() throws {
        do {
            try ServiceAccess.become(uid: uid, gid: gid, groups: groups.split(separator: ",").compactMap { UInt32($0) })
        } catch {
            throw fail("\(error)", status: 1)
        }
        for item in paths {
            guard let colon = item.firstIndex(of: ":"),
                let need = ServiceAccess.Need(rawValue: String(item[..<colon]))
            else { throw fail("not NEED:PATH: \(item)", status: ExitStatus.usage) }
            let requirement = ServiceAccess.Requirement(
                need: need, path: String(item[item.index(after: colon)...]), purpose: "")
            print(ServiceAccess.tryHere(requirement) ?? "ok")
        }
    }
}
