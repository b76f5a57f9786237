import Foundation
import MentionConfig

/// When the daily digest is due (docs/operations.md), as pure calendar arithmetic on values passed in.
public struct DigestSchedule: Sendable {
    public let hour: Int
    public let minute: Int
    private let calendar: Calendar

    public init(hour: Int, minute: Int, timeZone: TimeZone) {
        self.hour = hour
        self.minute = minute
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    public init(_ settings: DigestSettings, timeZone: TimeZone) {
        self.init(hour: settings.hour, minute: settings.minute, timeZone: timeZone)
    }

    /// The day whose digest should have gone out by `now`: yesterday once today's send time has
    /// passed, else the day before. Sending it when it is missing covers a daemon that was down.
    public func dueDay(at now: Date) -> String {
        let today = calendar.startOfDay(for: now)
        let sendTime = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: today) ?? today
        let daysBack = now >= sendTime ? -1 : -2
        return dayString(calendar.date(byAdding: .day, value: daysBack, to: today) ?? today)
    }

    /// The next moment a digest becomes due, after `now`.
    public func nextSendTime(after now: Date) -> Date {
        let today = calendar.startOfDay(for: now)
        for offset in 0...2 {
            guard let day = calendar.date(byAdding: .day, value: offset, to: today),
                let time = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day)
            else { continue }
            if time > now { return time }
        }
        return now.addingTimeInterval(86_400)
    }

    /// Start and end of a local calendar day "YYYY-MM-DD" (23 or 25 hours long on DST changes).
    public func range(of day: String) -> (from: Date, to: Date)? {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, day.count == 10,
            let from = calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])),
            calendar.component(.day, from: from) == parts[2],
            let to = calendar.date(byAdding: .day, value: 1, to: from)
        else { return nil }
        return (from, to)
    }

    /// The `count` local days ending with `day`, oldest first, each with its range (for the digest's chart).
    public func days(_ count: Int, endingWith day: String) -> [(day: String, from: Date, to: Date)] {
        guard let last = range(of: day) else { return [] }
        return (0..<count).reversed().compactMap { back in
            guard let start = calendar.date(byAdding: .day, value: -back, to: last.from),
                let end = calendar.date(byAdding: .day, value: 1, to: start)
            else { return nil }
            return (dayString(start), start, end)
        }
    }

    public func dayString(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
