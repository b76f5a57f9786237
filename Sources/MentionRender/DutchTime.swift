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
        let parts = components(date)
        return "\(parts.day ?? 1) \(Self.months[(parts.month ?? 1) - 1]) \(parts.year ?? 0), \(clock(date))"
    }

    /// "4 december 2026, 14:05:09 (Europe/Amsterdam)": to the second and with the zone, for evidence.
    public func precise(_ date: Date) -> String {
        let seconds = String(format: ":%02d", components(date).second ?? 0)
        return self.date(date) + seconds + " (\(timeZone.identifier))"
    }

    /// "14:05".
    public func clock(_ date: Date) -> String {
        let parts = components(date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    private func components(_ date: Date) -> DateComponents {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
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
