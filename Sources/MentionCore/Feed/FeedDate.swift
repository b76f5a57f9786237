import Foundation
// TEMPORARY STUB (replaced by helper)
public enum FeedDate {
    public static func parse(_ text: String) -> Date? { nil }
    public static func rfc3339(_ date: Date) -> String { "1970-01-01T00:00:00Z" }
    public static func rfc5322(_ date: Date) -> String { "Thu, 01 Jan 1970 00:00:00 +0000" }
}
