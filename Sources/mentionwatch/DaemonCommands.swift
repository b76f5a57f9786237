import ArgumentParser
import FeedKit
import Foundation
import MentionConfig
import MentionDaemon
import MentionRender
import MentionSchedule
import ServiceLifecycle

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run the daemon: poll on schedule and alert, until SIGTERM; SIGHUP reloads the configuration.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load()
        let logger = makeLogger()
        let monitor = try openMonitor(config, logger: logger)
        let lock: DaemonLock
        do {
            lock = try DaemonLock(path: DaemonLock.path(forDatabase: config.storage.database))
        } catch {
            throw fail("\(error)", status: error is DaemonLock.Held ? ExitStatus.tempFail : ExitStatus.cantCreate)
        }
        logger.notice(
            "mentionwatch \(mentionwatchVersion) watching \(config.feeds.count) feeds for \(config.school.name)")
        do {
            for (feed, next) in try await monitor.recoverInterruptedPolls() {
                logger.notice(
                    "feed \(feed): mentionwatch ended during its poll; polling it again at \(FeedDate.rfc3339(next))",
                    metadata: ["feed": "\(feed)"])
            }
        } catch {
            logger.error("cannot read which polls were interrupted: \(error)")
        }
        let notifier = SystemdNotifier()
        let group = ServiceGroup(
            services: [
                ReadinessService(notifier: notifier, status: "watching \(config.feeds.count) feeds"),
                PollerService(monitor: monitor, logger: logger, notifier: notifier),
                DigestService(monitor: monitor, logger: logger),
                ReloadService(monitor: monitor, configPath: options.config, logger: logger, notifier: notifier),
                // Last, so it is the first to hear of a stop: a hung sendmail must not hold the others up.
                MailChildrenService(),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint],
            logger: logger
        )
        try await group.run()
        withExtendedLifetime(lock) {}  // held until here: the kernel releases it when the process ends anyway
        logger.notice("mentionwatch stopped")
    }
}

struct Poll: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Poll every due feed once (--all: every feed), deliver alerts, print one line per feed, then exit.")
    @OptionGroup var options: ConfigOption
    @Flag(name: .long, help: "Poll once and exit (required: the daemon is `mentionwatch run`).")
    var once = false
    @Flag(name: .long, help: "Poll every feed, also those polled less than their interval ago.")
    var all = false

    func validate() throws {
        if !once { throw ValidationError("poll needs --once (the polling daemon is `mentionwatch run`)") }
    }

    func run() async throws {
        SendmailSignals.install()
        let config = try options.load()
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        // With no daemon running, the polls a killed process died in are due again first, as `run` decides.
        if let lock = try? DaemonLock(path: DaemonLock.path(forDatabase: config.storage.database), wait: false) {
            _ = try? await monitor.recoverInterruptedPolls()
            withExtendedLifetime(lock) {}
        }
        guard let due = await monitor.nextPollTimes() else {
            throw fail("cannot read the feeds' schedule from \(config.storage.database)", status: ExitStatus.ioError)
        }
        let now = Date()
        let polled = Dictionary(
            uniqueKeysWithValues: await monitor.poll(config.feeds.filter { all || (due[$0.id] ?? .distantPast) <= now })
                .map { ($0.feedID, $0) })
        for feed in config.feeds {
            if let summary = polled[feed.id] {
                print(summary)
            } else {
                print("\(feed.id): not due until \(FeedDate.rfc3339(due[feed.id]!)) (use --all to poll it now)")
            }
        }
        let delivery = await monitor.deliverAlerts()
        print(
            "alerts: \(delivery.sent) delivered" + (delivery.error.map { ", \(delivery.waiting) waiting: \($0)" } ?? "")
        )
        // Errors the polls and the delivery handled themselves: each is on stderr already; here, how many.
        let databaseErrors = await monitor.databaseErrors
        if databaseErrors > 0 { print("database errors: \(databaseErrors) (each is in the log)") }
        if delivery.error != nil || databaseErrors > 0 { throw ExitCode(ExitStatus.ioError) }
    }
}

struct FeedsHealth: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health", abstract: "Show every feed's health: last success, next poll, failures in a row, state.")
    @OptionGroup var options: ConfigOption

    func run() async throws {
        let config = try options.load()
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        let health = try await monitor.feedHealth()
        let width = max(4, config.feeds.map(\.id.count).max() ?? 0)
        print("feed".padded(width) + "  last success          next poll             failures  state")
        for (record, silent) in health {
            let success = record.lastSuccess.map(FeedDate.rfc3339) ?? "never"
            let next = record.nextPoll.map(FeedDate.rfc3339) ?? "now"
            var state =
                record.lastError.map { "failing: \($0)" } ?? (record.lastSuccess == nil ? "not polled yet" : "ok")
            if silent { state += "; silent: nothing new since \(record.lastNewItem.map(FeedDate.rfc3339) ?? "?")" }
            if let moved = record.movedTo { state += "; moved to \(moved)" }
            print(
                record.id.padded(width) + "  " + success.padded(20) + "  " + next.padded(20) + "  "
                    + String(record.failures).padded(8) + "  " + state)
        }
    }
}

struct Digest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the coordinator's digest of one day, or deliver it with --send.")
    @OptionGroup var options: ConfigOption
    @Option(help: "The day, YYYY-MM-DD, in digest.timezone (default: today).")
    var date: String?
    @Flag(help: "Deliver the digest to digest.to through the spool (once per day) instead of printing it.")
    var send = false
    @Flag(help: "Print the mail's HTML part instead of the text (to look at it in a browser).")
    var html = false

    func run() async throws {
        let config = try options.load()
        guard let zone = TimeZone(identifier: config.digest.timezone) else {
            throw fail("unknown time zone \(config.digest.timezone)", status: ExitStatus.configError)
        }
        let schedule = DigestSchedule(config.digest, timeZone: zone)
        let day = date ?? schedule.dayString(Date())
        guard let range = schedule.range(of: day) else {
            throw fail("--date must be YYYY-MM-DD, not '\(day)'", status: ExitStatus.usage)
        }
        let monitor = try openMonitor(config, logger: makeLogger(level: .warning))
        guard send else {
            print(
                try await monitor.digest(day: day, from: range.from, to: range.to, schedule: schedule, html: html),
                terminator: "")
            return
        }
        SendmailSignals.install()
        // Without --date, a digest the daemon missed (it was down at digest.at) goes out first, as the
        // daemon would send it after a restart; then today's so far.
        var days = [day]
        if date == nil, schedule.dueDay(at: Date()) != day { days.insert(schedule.dueDay(at: Date()), at: 0) }
        for day in days {
            do {
                let sent = try await monitor.sendDigest(day: day, schedule: schedule)
                let soFar = sent && (schedule.range(of: day).map { Date() < $0.to } ?? false)
                if sent || day == days.last {
                    print(
                        soFar
                            ? "digest for \(day) so far delivered; the whole day's follows at digest.at"
                            : sent
                                ? "digest for \(day) delivered"
                                : "digest for \(day) was delivered before; not sent again")
                }
            } catch {
                throw fail("digest for \(day) not delivered: \(error)", status: ExitStatus.ioError)
            }
        }
    }
}
