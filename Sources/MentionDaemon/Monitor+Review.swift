import Foundation
import MentionStore

extension Monitor {
    /// Review items nobody decided on yet, oldest first (`mentionwatch review --list`).
    public func openReviews() throws -> [ReviewItem] {
        try store.openReviews()
    }

    /// Promotes (to the alert outbox, delivered in the next round) or dismisses a review item, once.
    /// - Throws: `ReviewError` for an unknown item or one decided before; database errors as they come.
    @discardableResult
    public func decideReview(_ id: String, _ verdict: ReviewDecision.Verdict, by person: String, note: String?) throws
        -> ReviewItem
    {
        let decided = try store.decide(id, ReviewDecision(verdict, by: person, at: now(), note: note))
        let outbox = verdict == .promoted ? ": it is in the alert outbox" : ""
        logger.notice("review item \(decided.id) \(verdict.rawValue) by \(person)\(outbox)")
        return decided
    }
}
