import Foundation

/// Debian's Postfix on this machine, set up by tools/ci-postfix.sh: local delivery only, into the
/// Maildir of the user `mwmail`. Tests that use it skip where it is not set up, except in CI
/// (MENTIONWATCH_REQUIRE_POSTFIX=1, set by .ci/run after running the script), where they fail.
public enum LocalPostfix {
    public static let user = "mwmail"
    public static let address = "mwmail@localhost"
    public static let maildir = "/home/mwmail/Maildir"

    /// Whether a missing Postfix is a failure rather than a reason to skip.
    public static let required = ProcessInfo.processInfo.environment["MENTIONWATCH_REQUIRE_POSTFIX"] == "1"

    /// Why the tests cannot use it here; nil when they can.
    public static let missing: String? = {
        guard let version = try? run("/usr/sbin/postconf", ["-h", "mail_version"]), !version.isEmpty else {
            return "Postfix is not installed (no /usr/sbin/postconf)"
        }
        guard (try? run("/usr/sbin/postfix", ["status"])) != nil else { return "Postfix is not running" }
        let mailbox = (try? run("/usr/sbin/postconf", ["-h", "home_mailbox"])).map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard getpwnam(user) != nil, mailbox == "Maildir/" else { return "the test mailbox of \(user) is not set up" }
        return nil
    }()

    /// The note a skipped test shows.
    public static let skipNote = "\(missing ?? "") — run tools/ci-postfix.sh as root to set it up (CI does)"

    /// Whether a test runs: where Postfix is ready, and in CI always (to fail there when it is not).
    public static var runs: Bool { missing == nil || required }

    /// The delivered mail that contains `marker`, waiting up to `seconds` for it.
    public static func awaitMail(containing marker: String, seconds: Double = 30) -> String? {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            for folder in ["new", "cur"] {
                let path = maildir + "/" + folder
                for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
                    let file = path + "/" + name
                    if let data = FileManager.default.contents(atPath: file),
                        String(decoding: data, as: UTF8.self).contains(marker)
                    {
                        return file
                    }
                }
            }
            usleep(100_000)
        } while Date() < deadline
        return nil
    }
}
