import Foundation
import MentionConfig
import MentionFetch

/// Which polls start now, for the daemon's poller and `poll --once` alike. A poll starts only with
/// its fetch turn in hand, taken from the fetcher's `HostPoliteness` (the one place that applies
/// `per_host`, `host_interval` and `concurrency`), so polls never wait inside the window for a busy
/// host while other hosts could be fetched. At most `windowSize` polls are in flight, so fetched
/// bodies waiting for their turn on the database stay few.
struct PollQueue {
    struct Entry: Sendable {
        var feed: FeedConfig
        /// `HostPoliteness.hostKey` of the URL the poll will fetch (the new address after a permanent move).
        var host: String
    }

    var windowSize: Int
    /// The waiting polls, last first: the polls that start are mostly at the queue's head, and an
    /// array gives up its last elements without moving the others (a thousand feeds moved a
    /// thousand times were a tenth of a poll with nothing new).
    private var waiting: [Entry] = []
    /// How many waiting polls each host has: a pass ends once every one of them has refused.
    private var waitingPerHost: [String: Int] = [:]
    private var running: Set<String> = []

    init(windowSize: Int) {
        self.windowSize = max(1, windowSize)
    }

    var isIdle: Bool { waiting.isEmpty && running.isEmpty }
    var hasWaiting: Bool { !waiting.isEmpty }

    /// The feeds to poll, in order (the daemon gives the due list anew on each tick); feeds being
    /// polled stay out.
    mutating func setWaiting(_ entries: [Entry]) {
        waiting = entries.filter { !running.contains($0.feed.id) }.reversed()
        waitingPerHost = [:]
        for entry in waiting { waitingPerHost[entry.host, default: 0] += 1 }
    }

    /// What may start now: the polls with their turns, in queue order; `lookAgainIn`: when a host's
    /// interval is what holds one back, how soon a turn may come free; `stopped`: the feeds that will
    /// not be polled because the fetcher was stopped (shutdown).
    struct Start {
        var polls: [(feed: FeedConfig, turn: FetchTurn)] = []
        var lookAgainIn: Duration?
        var stopped: [FeedConfig] = []
    }

    /// Takes out the waiting polls that may start now.
    mutating func start(_ politeness: HostPoliteness) -> Start {
        var start = Start()
        var refusedHosts: Set<String> = []  // asked once per pass: the answer does not change within it
        var position = waiting.count - 1
        while position >= 0, running.count < windowSize, refusedHosts.count < waitingPerHost.count {
            let entry = waiting[position]
            position -= 1
            guard !refusedHosts.contains(entry.host) else { continue }
            switch politeness.tryTake(entry.host) {
            case .turn(let turn):
                waiting.remove(at: position + 1)
                waitingPerHost[entry.host, default: 1] -= 1
                if waitingPerHost[entry.host] == 0 { waitingPerHost[entry.host] = nil }
                running.insert(entry.feed.id)
                start.polls.append((entry.feed, turn))
            case .later(let delay):
                start.lookAgainIn = min(start.lookAgainIn ?? delay, delay)
                refusedHosts.insert(entry.host)
            case .full:
                refusedHosts.insert(entry.host)
            case .closed:
                start.stopped = waiting.reversed().map(\.feed)
                (waiting, waitingPerHost) = ([], [:])
                return start
            }
        }
        return start
    }

    mutating func finished(_ feedID: String) {
        running.remove(feedID)
    }
}

/// What a poll loop waits for: a finished poll, the timer that makes it look at the queue again, or
/// (the daemon's poller) the second's tick that reads the due feeds anew.
enum PollEvent: Sendable {
    case polled(FeedConfig, FeedPollSummary)
    case lookAgain
    case tick
}

extension PollQueue {
    /// Starts in `group` every poll that may start now, and arms the look-again timer (one at a time)
    /// while polls still wait: when a host's interval has passed, or after `longestWait` at most (a
    /// full host frees itself when a poll ends; the timer is a safety net for turns held elsewhere).
    /// Returns the feeds that will not be polled because fetching stopped (shutdown).
    mutating func startPolls(
        on monitor: Monitor, in group: inout TaskGroup<PollEvent>, timerArmed: inout Bool, longestWait: Duration
    ) -> [FeedConfig] {
        let start = start(monitor.politeness)
        for (feed, turn) in start.polls {
            group.addTask { .polled(feed, await monitor.poll(feed, turn: turn)) }
        }
        if hasWaiting, !timerArmed {
            timerArmed = true
            let delay = min(start.lookAgainIn ?? longestWait, longestWait)
            group.addTask {
                try? await Task.sleep(for: delay)
                return .lookAgain
            }
        }
        return start.stopped
    }
}
