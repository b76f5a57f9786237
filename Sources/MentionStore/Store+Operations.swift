import Foundation

extension Store {
    /// Alerts by state for `status` and the metrics: pending (never tried, or held back by
    /// `max_per_hour`), failed (unsent after a delivery the spool refused), sent; and the oldest
    /// failed one's error.
    public func alertStates() throws -> (pending: Int, failed: Int, sent: Int, lastError: String?) {
        let row = try db.query(
            """
            SELECT count(sent_at) AS sent,
                   count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NULL) AS pending,
                   count(*) FILTER (WHERE sent_at IS NULL AND last_error IS NOT NULL) AS failed,
                   (SELECT last_error FROM alerts WHERE sent_at IS NULL AND last_error IS NOT NULL
                    ORDER BY item_id LIMIT 1) AS last_error
            FROM alerts
            """
        ).first
        return (
            try row?["pending"].int ?? 0, try row?["failed"].int ?? 0, try row?["sent"].int ?? 0,
            try row?["last_error"].string
        )
    }
}
