import Foundation

/// A feed that still answers but has had nothing new for much longer than usual may be broken
/// (a moved account, a changed search): the digest and `feeds` say so.
public enum FeedSilence {
    /// - Parameter newItemTimes: when the feed's recent new items arrived, any order.
    /// - Returns: true when the last new item is older than 4× the usual gap, and at least a week.
    public static func isSilent(newItemTimes: [Date], now: Date) -> Bool {
        let times = newItemTimes.sorted()
        guard let last = times.last, times.count >= 3 else { return false }
        let gaps = zip(times.dropFirst(), times).map { $0.timeIntervalSince($1) }.sorted()
        let usual = gaps[gaps.count / 2]
        return now.timeIntervalSince(last) > max(4 * usual, 7 * 86_400)
    }
}
