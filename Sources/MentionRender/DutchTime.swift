import Foundation

/// Times as a Dutch reader writes them, in the school's zone: "4 december 2026, 14:05", and how long
/// ago ("3 uur geleden"). The zone and "now" come in as values, so a test fixes both.
public struct DutchTime: Sendable {
    public let timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    // Spelled out here rather than taken from a locale: the month names must not depend on which
    // locale data the server happens to have installed.
    private static let months = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// "4 december 2026, 14:05" in `timeZone` (DST included).
    public func date(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let month = Self.months[(parts.month ?? 1) - 1]
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        return "\(parts.day ?? 1) \(month) \(parts.year ?? 0), \(time)"
    }

    /// How long before `now` a moment was: "zojuist", "1 minuut geleden", "3 uur geleden", "2 dagen geleden".
    public static func age(of date: Date, now: Date) -> String {
        let seconds = Int(now.timeIntervalSince(date).rounded(.down))
        // A feed's clock can be ahead of ours: say so rather than print a negative age.
        if seconds < -60 { return "volgens de bron in de toekomst" }
        switch seconds {
        case ..<60: return "zojuist"
        case ..<3_600:
            let minutes = seconds / 60
            return minutes == 1 ? "1 minuut geleden" : "\(minutes) minuten geleden"
        case ..<86_400: return "\(seconds / 3_600) uur geleden"
        default:
            let days = seconds / 86_400
            return days == 1 ? "1 dag geleden" : "\(days) dagen geleden"
        }
    }

    /// "4 december 2026, 14:05 (3 uur geleden)".
    public func dateWithAge(_ date: Date, now: Date) -> String {
        "\(self.date(date)) (\(Self.age(of: date, now: now)))"
    }
}
