import Foundation
import MentionMail
import Synchronization
import TestSupport
import Testing

/// The sendmail child's signal state, its process group, and how it is stopped at the timeout and at shutdown.
@Suite("stopping a sendmail that hangs")
struct SendmailStopTests {
    /// Records the shell's blocked and ignored signals and its process group, then reads its input.
    /// Read with builtins only: while the shell waits for a command it runs, it blocks signals itself.
    static let recording = """
        while read -r name value; do
            case $name in SigBlk:|SigIgn:) printf '%s\\t%s\\n' "$name" "$value" ;; esac
        done < /proc/self/status > "$(dirname "$0")/signals"
        read -r _ _ _ _ pgid _ < /proc/self/stat
        echo "$pgid" > "$(dirname "$0")/pgid"
        cat > /dev/null
        """

    /// The daemon ignores SIGTERM (ServiceLifecycle does, to turn it into a graceful shutdown) and its
    /// threads may block signals: sendmail must inherit neither. Run in a child process (an exit test),
    /// so the signal state set up here cannot touch the other tests.
    @Test func sendmailStartsWithNoBlockedOrIgnoredSignalInAGroupOfItsOwn() async throws {
        // The child always exits 0 and says what it found on stderr: an exit test's result is only
        // readable when the exit status was the expected one.
        let result = await #expect(processExitsWith: .success, observing: [\.standardErrorContent]) {
            Self.checkTheChildsSignalState()
            exit(0)
        }
        #expect(String(decoding: result?.standardErrorContent ?? [], as: UTF8.self) == "clean\n")
    }

    /// In the child: "clean" on stderr when sendmail saw a clean signal state in its own group; otherwise why not.
    static func checkTheChildsSignalState() {
        signal(SIGTERM, SIG_IGN)
        signal(SIGHUP, SIG_IGN)
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for signal in [SIGTERM, SIGALRM, SIGCHLD, SIGUSR1] { sigaddset(&blocked, signal) }
        pthread_sigmask(SIG_BLOCK, &blocked, nil)
        func say(_ finding: String) { FileHandle.standardError.write(Data((finding + "\n").utf8)) }
        do {
            let sendmail = try FakeSendmail(recording)
            try SendmailSpool(path: sendmail.path).deliver("Subject: x\r\n\r\nx\r\n", key: "mw-signals")
            let signals = try String(contentsOfFile: sendmail.folder + "/signals", encoding: .utf8)
            let pgid = try String(contentsOfFile: sendmail.folder + "/pgid", encoding: .utf8)
            // Bit n-1 stands for signal n. SIGPIPE is ignored here too (the spool does it): sendmail gets
            // the default for that as well. Only glibc's internal signals 32 and 33 (thread cancellation and
            // setxid) stay ignored: glibc's posix_spawn sets them so, and no one sends them to another process.
            let masks = Dictionary(
                uniqueKeysWithValues: signals.split(separator: "\n").map {
                    let parts = $0.split(separator: "\t")
                    return (String(parts[0]), UInt64(parts.last ?? "", radix: 16))
                })
            let glibcInternal: UInt64 = 1 << 31 | 1 << 32
            guard masks["SigBlk:"] == 0, let ignored = masks["SigIgn:"] ?? nil, ignored & ~glibcInternal == 0 else {
                return say("sendmail's signal state: \(signals)")
            }
            guard let group = pid_t(pgid.trimmingCharacters(in: .whitespacesAndNewlines)), group != getpgrp() else {
                return say("sendmail ran in process group \(pgid), this process's is \(getpgrp())")
            }
            say("clean")
        } catch {
            say("\(error)")
        }
    }

    @Test func aHungSendmailThatIgnoresTermIsKilledWithItsWholeGroup() throws {
        // The shell and its `sleep` both ignore TERM: only SIGKILL to the group ends them.
        let sendmail = try FakeSendmail(
            "trap '' TERM\necho $$ > \"$(dirname \"$0\")/pid\"\ncat > /dev/null\nsleep 1000\necho woke > \"$(dirname \"$0\")/woke\""
        )
        let started = Date()
        let error = #expect(throws: MailSpoolError.self) {
            try SendmailSpool(path: sendmail.path, timeoutSeconds: 1, graceSeconds: 1)
                .deliver("Subject: x\r\n\r\nx\r\n", key: "mw-hang-term")
        }
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed >= 2 && elapsed < 3.5, "timeout 1 s + grace 1 s, took \(elapsed) s")
        #expect(
            error?.message == "\(sendmail.path) did not finish within 1 s; stopped it with SIGTERM, then SIGKILL")
        let pgid = try #require(
            pid_t(
                try String(contentsOfFile: sendmail.folder + "/pid", encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        #expect(ProcessGroups.awaitGone(pgid) == [], "processes of the hung sendmail's group still run")
        #expect(!FileManager.default.fileExists(atPath: sendmail.folder + "/woke"))
    }

    @Test func aHungSendmailThatHeedsTermNeedsNoKill() throws {
        let sendmail = try FakeSendmail("echo $$ > \"$(dirname \"$0\")/pid\"\nsleep 1000")
        let started = Date()
        let error = #expect(throws: MailSpoolError.self) {
            try SendmailSpool(path: sendmail.path, timeoutSeconds: 1, graceSeconds: 10).deliver(
                "Subject: x\r\n\r\nx\r\n", key: "mw-hang")
        }
        // A long grace, so a loaded machine cannot blur it: TERM ends it, the 10 s are not waited for.
        #expect(Date().timeIntervalSince(started) < 8, "TERM ends it; the 10 s grace is not waited for")
        #expect(error?.message == "\(sendmail.path) did not finish within 1 s; stopped it with SIGTERM")
        let pgid = try #require(
            pid_t(
                try String(contentsOfFile: sendmail.folder + "/pid", encoding: .utf8).trimmingCharacters(
                    in: .whitespacesAndNewlines)))
        #expect(ProcessGroups.awaitGone(pgid) == [])
    }

    /// Status 0 means sendmail accepted the message, even when it came after our SIGTERM: retrying
    /// would send it twice.
    @Test func aSendmailThatExitsZeroOnTermHasDelivered() throws {
        let sendmail = try FakeSendmail("cat > /dev/null\ntrap 'exit 0' TERM\nsleep 1000 &\nwait")
        try SendmailSpool(path: sendmail.path, timeoutSeconds: 1).deliver("Subject: x\r\n\r\nx\r\n", key: "mw-zero")
    }

    /// Waits on its own thread (not `async`): suspended at an `await`, it needs a thread of the shared pool to
    /// go on, and in the full suite on two cores long tests held both for longer than the delivery's 60 s
    /// timeout (three of four full runs in 2026.12.74's session failed so).
    @Test func stopAllEndsARunningDeliveryAndRefusesNewOnes() throws {
        let sendmail = try FakeSendmail("trap '' TERM\necho $$ > \"$(dirname \"$0\")/pid\"\nsleep 1000")
        let children = SendmailChildren()
        let spool = SendmailSpool(path: sendmail.path, timeoutSeconds: 60, graceSeconds: 1, children: children)
        // The delivery blocks its thread while sendmail runs: on a thread of its own.
        let outcome = Mutex<MailSpoolError?>(nil)
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            do throws(MailSpoolError) {
                try spool.deliver("Subject: x\r\n\r\nx\r\n", key: "mw-stop")
            } catch {
                outcome.withLock { $0 = error }
            }
            done.signal()
        }
        let pidFile = sendmail.folder + "/pid"
        // Up to 120 s by the clock for the fake sendmail to start: 4 s was once too short with the whole suite
        // running on two cores, and 30 s (counted in sleeps) once on a slow machine.
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, !FileManager.default.fileExists(atPath: pidFile) || children.count == 0 {
            usleep(20_000)
        }
        #expect(children.count == 1)
        let started = Date()
        children.stopAll()
        done.wait()
        let error = outcome.withLock { $0 }
        // SIGTERM, 1 s grace, SIGKILL: about a second; the bound is half the 60 s timeout that would end
        // the delivery without the stop, with room for a loaded machine (5.7 s once on a clean-clone CI run
        // while other builds ran).
        #expect(Date().timeIntervalSince(started) < 30, "SIGTERM, 1 s grace, SIGKILL")
        #expect(error?.message == "\(sendmail.path) stopped with SIGTERM, then SIGKILL: mentionwatch is stopping")
        #expect(children.count == 0)
        let pgid = try #require(
            pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(ProcessGroups.awaitGone(pgid) == [])

        // Once stopping, a delivery fails at once and starts nothing.
        try FileManager.default.removeItem(atPath: pidFile)
        let refused = #expect(throws: MailSpoolError.self) {
            try spool.deliver("Subject: y\r\n\r\ny\r\n", key: "mw-late")
        }
        #expect(refused?.message == "\(sendmail.path) not started: mentionwatch is stopping")
        #expect(!FileManager.default.fileExists(atPath: pidFile))
    }
}
