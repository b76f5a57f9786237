import Foundation
import MentionConfig
import MentionSchedule
import MentionStore

/// Each configured feed's record and whether it has gone silent (docs/operations.md: feed health).
struct FeedHealth {
    let store: Store

    func report(for feeds: [FeedConfig], at date: Date) throws -> [(record: FeedRecord, silent: Bool)] {
        let records = Dictionary(uniqueKeysWithValues: try store.allFeeds().map { ($0.id, $0) })
        return try feeds.compactMap { feed in
            guard let record = records[feed.id] else { return nil }
            return (record, FeedSilence.isSilent(newItemTimes: try store.newItemTimes(feedID: feed.id), now: date))
        }
    }
}
