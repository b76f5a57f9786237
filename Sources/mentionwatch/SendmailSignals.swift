import Dispatch
import Foundation
import MentionMail

/// For the one-shot commands that may run sendmail (`poll --once`, `digest --send`): SIGTERM or SIGINT
/// stops a running sendmail before this process goes. sendmail runs in a process group of its own,
/// so neither a kill of this process nor the terminal's Ctrl-C would reach it, and a hung one would
/// outlive us. (`run` has its own way: MailChildrenService.)
enum SendmailSignals {
    nonisolated(unsafe) private static let sources: [any DispatchSourceSignal] = [SIGTERM, SIGINT].map { number in
        signal(number, SIG_IGN)  // the source below handles it instead; sendmail gets the default again
        let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
        source.setEventHandler {
            let children = SendmailChildren.shared
            children.stopAll()
            // The delivery sends TERM, then KILL after 2 s, and reaps: wait for that, 3 s at most.
            for _ in 0..<300 where children.count > 0 { usleep(10_000) }
            // Ended by the signal, as without this handler.
            _exit(128 + number)
        }
        source.resume()
        return source
    }

    static func install() { _ = sources }
}
