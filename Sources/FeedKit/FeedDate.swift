import Foundation

/// Dates as found in feeds: RFC 822/1123/2822/5322 (RSS) and RFC 3339 /
/// ISO 8601 / W3C-DTF (Atom), with the usual real-world deviations.
/// Plain arithmetic on UTF-8 bytes: no Calendar, Locale or DateFormatter,
/// so results never depend on the host's settings.
public enum FeedDate {
    /// The instant `text` denotes, or nil when it is not a date we understand
    /// or a field is out of range. A missing zone means UTC.
    public static func parse(_ text: String) -> Date? {
        guard text.utf8.count <= 256 else { return nil }  // no date is this long
        var bytes = Array(text.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        var lo = 0
        var hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        let s = bytes[lo..<hi]
        guard !s.isEmpty else { return nil }
        if s.count >= 4, s.prefix(4).allSatisfy(isDigit), let date = parseISO(s) { return date }
        return parseRFC822(s)
    }

    /// "2026-11-25T17:25:29Z": RFC 3339 in UTC, fractional seconds dropped.
    public static func rfc3339(_ date: Date) -> String {
        let (y, mo, d, h, mi, s, _) = fields(date)
        return "\(pad(y, 4))-\(pad(mo))-\(pad(d))T\(pad(h)):\(pad(mi)):\(pad(s))Z"
    }

    /// "Wed, 25 Nov 2026 17:25:29 +0000": RFC 5322 §3.3 date-time in UTC.
    public static func rfc5322(_ date: Date) -> String {
        let (y, mo, d, h, mi, s, wd) = fields(date)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(days[wd]), \(pad(d)) \(months[mo - 1]) \(pad(y, 4)) \(pad(h)):\(pad(mi)):\(pad(s)) +0000"
    }

    // MARK: RFC 3339 / ISO 8601 / W3C-DTF

    /// YYYY, YYYY-MM, YYYY-MM-DD or YYYYMMDD, then optionally "T" or spaces,
    /// hh:mm[:ss[.frac]] or hhmm[ss[.frac]], and a zone. ISO 8601:1988's
    /// two-digit-year forms are not accepted (RFC 3339 §5.6 has four-digit years only).
    private static func parseISO(_ s: ArraySlice<UInt8>) -> Date? {
        var sc = Scanner(s)
        guard let year = sc.digits(4) else { return nil }
        var month = 1
        var day = 1
        if sc.skip("-") {
            guard let m = sc.digits(2) else { return nil }
            if sc.atEnd { return makeDate(year, m, 1) }
            guard sc.skip("-"), let d = sc.digits(2) else { return nil }
            (month, day) = (m, d)
        } else if !sc.atEnd {
            guard let m = sc.digits(2), let d = sc.digits(2) else { return nil }
            (month, day) = (m, d)
        }
        if sc.atEnd { return makeDate(year, month, day) }
        // RFC 3339 §5.6 NOTE: a space may replace "T"; feeds do that often.
        if sc.peek == UInt8(ascii: "t") {
            sc.i += 1
        } else if isSpace(sc.peek ?? 0) {
            sc.skipSpaces()
        } else {
            return nil
        }
        guard let hour = sc.digits(2) else { return nil }
        let extended = sc.skip(":")
        guard let minute = sc.digits(2) else { return nil }
        var second = 0
        var fraction = 0.0
        if extended ? sc.skip(":") : sc.peek.map(isDigit) == true {
            guard let sec = sc.digits(2) else { return nil }
            second = sec
            if sc.skip(".") || sc.skip(",") {
                let start = sc.i
                while let c = sc.peek, isDigit(c) { sc.i += 1 }
                guard sc.i > start else { return nil }
                // Nanoseconds are plenty; Date keeps less than that anyway.
                fraction = Double("0." + String(decoding: s[start..<min(sc.i, start + 9)], as: UTF8.self)) ?? 0
            }
        }
        sc.skipSpaces()
        var offset = 0
        if !sc.atEnd {
            guard let zone = zoneOffset(s[sc.i...]) else { return nil }
            offset = zone
        }
        return makeDate(year, month, day, hour, minute, second, fraction, offset: offset)
    }

    // MARK: RFC 822 and relatives

    /// [weekday,] day month year [time] [zone] per RFC 822 §5 / RFC 5322 §3.3,
    /// plus the variants feeds use: "month day year" (JavaScript's toString),
    /// asctime "Sun Jan  4 16:29:06 [+0000] 2004", and "2006/09/15 08:19:53".
    private static func parseRFC822(_ s: ArraySlice<UInt8>) -> Date? {
        // A trailing RFC 822 comment, as in "-0700 (PDT)", carries nothing we need.
        let tokens = s.prefix { $0 != UInt8(ascii: "(") }
            .split { isSpace($0) || $0 == UInt8(ascii: ",") }
        var t = 0
        func token() -> ArraySlice<UInt8>? { t < tokens.count ? tokens[t] : nil }
        var day: Int?
        var month: Int?
        var year: Int?
        // The year normally follows the day and month; asctime puts it after
        // the time, and Twitter's variant after the zone as well.
        func takeYear() {
            if year == nil, let tok = token(), let y = parseYear(tok) {
                year = y
                t += 1
            }
        }
        if let first = token(), weekdays.contains(word(first)) { t += 1 }
        guard let first = token() else { return nil }
        t += 1
        if first.contains(UInt8(ascii: "/")) {
            let parts = first.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4 else { return nil }
            (year, month, day) = (number(parts[0], 4), number(parts[1], 2), number(parts[2], 2))
        } else if let m = months[word(first)] {
            (month, day) = (m, token().flatMap { number($0, 2) })
            t += 1
        } else {
            (day, month) = (number(first, 2), token().flatMap { months[word($0)] })
            t += 1
        }
        guard let day, let month else { return nil }
        takeYear()
        var time = (0, 0, 0)
        if let tok = token(), tok.contains(UInt8(ascii: ":")) {
            guard let parsed = parseTime(tok) else { return nil }
            time = parsed
            t += 1
        }
        takeYear()
        var offset = 0
        if let tok = token() {
            guard let zone = zoneOffset(tok) else { return nil }
            offset = zone
            t += 1
        }
        takeYear()
        guard let year, t == tokens.count else { return nil }
        return makeDate(year, month, day, time.0, time.1, time.2, 0, offset: offset)
    }

    /// RFC 5322 §4.3: two-digit years 00–49 are 20xx, 50–99 are 19xx, and
    /// three-digit years are offset from 1900. Four digits are taken as written.
    private static func parseYear(_ tok: ArraySlice<UInt8>) -> Int? {
        guard let y = number(tok, 4) else { return nil }
        switch tok.count {
        case 2: return y < 50 ? 2000 + y : 1900 + y
        case 3: return 1900 + y
        case 4: return y
        default: return nil
        }
    }

    /// h:mm or h:mm:ss (RFC 822 requires two digits; feeds do not always).
    private static func parseTime(_ tok: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let parts = tok.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        let values = parts.compactMap { number($0, 2) }
        guard values.count == parts.count, values.count == 2 || values.count == 3 else { return nil }
        return (values[0], values[1], values.count == 3 ? values[2] : 0)
    }

    /// Zone → seconds east of UTC: "z", names, "+hhmm", "+hh:mm", "+h[h]", "gmt+hh:mm".
    private static func zoneOffset(_ tok: ArraySlice<UInt8>) -> Int? {
        var z = tok
        if z.starts(with: "etc/".utf8) { z = z.dropFirst(4) }
        let letters = z.prefix(while: isLetter)
        if !letters.isEmpty {
            let rest = z[letters.endIndex...]
            let name = word(letters)
            if rest.isEmpty {
                if let hours = zoneHours[name] { return hours * 3600 }
                // RFC 5322 §4.3: other alphabetic zones, and the military letters
                // (whose signs RFC 822 got backwards), are to be read as -0000.
                return letters.count <= 5 ? 0 : nil
            }
            guard ["gmt", "utc", "ut"].contains(name) else { return nil }
            z = rest
        }
        guard let sign = z.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let d = Array(z.dropFirst())
        let hours: Int?
        let minutes: Int?
        switch d.count {
        case 1, 2: (hours, minutes) = (number(d, 2), 0)
        case 4: (hours, minutes) = (number(d[..<2], 2), number(d[2...], 2))
        case 5 where d[2] == UInt8(ascii: ":"): (hours, minutes) = (number(d[..<2], 2), number(d[3...], 2))
        default: return nil
        }
        guard let hours, let minutes, hours <= 23, minutes <= 59 else { return nil }
        let seconds = hours * 3600 + minutes * 60
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }

    private static let zoneHours: [String: Int] = [
        "ut": 0, "gmt": 0, "utc": 0, "z": 0,
        // RFC 822 §5.1 North American zones, plus the generic forms feeds use.
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "ast": -4, "adt": -3, "at": -4, "et": -5, "ct": -6, "mt": -7, "pt": -8,
        // Western/Central European zones, common in Dutch and British feeds.
        "wet": 0, "west": 1, "bst": 1, "cet": 1, "cest": 2, "met": 1, "mest": 2,
    ]

    private static let months: [String: Int] = {
        var table: [String: Int] = [:]
        let names = [
            "jan january januari", "feb february februari", "mar march mrt maa maart",
            "apr april", "may mei", "jun june juni", "jul july juli", "aug august augustus",
            "sep sept september", "oct october okt oktober", "nov november", "dec december",
        ]
        for (index, line) in names.enumerated() {
            for name in line.split(separator: " ") { table[String(name)] = index + 1 }
        }
        return table
    }()

    private static let weekdays: Set<String> = Set(
        """
        mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat saturday
        sun sunday ma maandag di dinsdag wo woensdag do donderdag vr vrijdag za zaterdag zo zondag
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    // MARK: Arithmetic

    private static func makeDate(
        _ year: Int, _ month: Int, _ day: Int,
        _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0, _ fraction: Double = 0, offset: Int = 0
    ) -> Date? {
        // Second 60 is a leap second (RFC 3339 §5.7); it lands on the next second.
        guard (1...12).contains(month), (1...daysIn(month, year)).contains(day),
            (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second)
        else { return nil }
        let seconds = daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
        // Keep rounding from carrying ".9999999" into the next second.
        return Date(timeIntervalSince1970: min(Double(seconds) + fraction, Double(seconds + 1).nextDown))
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        if month == 2 { return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28 }
        return [4, 6, 9, 11].contains(month) ? 30 : 31
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar, counting
    /// years from March so the leap day falls last (after H. Hinnant's
    /// "chrono-Compatible Low-Level Date Algorithms").
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `daysFromCivil`.
    private static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * mp + 2) / 5 + 1)
    }

    /// UTC fields and weekday (0 = Sunday), clamped to years 0000–9999, which
    /// is all both formats can express; NaN counts as the epoch.
    private static func fields(_ date: Date) -> (Int, Int, Int, Int, Int, Int, Int) {
        let raw = date.timeIntervalSince1970
        let clamped = raw.isNaN ? 0 : min(max(raw.rounded(.down), -62_167_219_200), 253_402_300_799)
        let total = Int(clamped)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secs = total - days * 86_400
        let (y, mo, d) = civilFromDays(days)
        let weekday = ((days % 7) + 11) % 7  // 1970-01-01 was a Thursday
        return (y, mo, d, secs / 3600, secs % 3600 / 60, secs % 60, weekday)
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    private static func word(_ tok: ArraySlice<UInt8>) -> String {
        // "Okt." and "Mon." appear in the wild; the dot carries nothing.
        String(decoding: tok.last == UInt8(ascii: ".") ? tok.dropLast() : tok, as: UTF8.self)
    }

    /// The value of 1...maxDigits ASCII digits, nil for anything else.
    private static func number(_ tok: some Collection<UInt8>, _ maxDigits: Int) -> Int? {
        guard !tok.isEmpty, tok.count <= maxDigits, tok.allSatisfy(isDigit) else { return nil }
        return tok.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    private static func isLetter(_ c: UInt8) -> Bool { c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z") }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (0x09...0x0D).contains(c) }

    /// A cursor over the bytes of an ISO 8601 date.
    private struct Scanner {
        let s: ArraySlice<UInt8>
        var i: Int
        init(_ s: ArraySlice<UInt8>) {
            self.s = s
            i = s.startIndex
        }
        var atEnd: Bool { i >= s.endIndex }
        var peek: UInt8? { atEnd ? nil : s[i] }
        mutating func skip(_ c: Unicode.Scalar) -> Bool {
            guard peek == UInt8(ascii: c) else { return false }
            i += 1
            return true
        }
        mutating func skipSpaces() { while let c = peek, FeedDate.isSpace(c) { i += 1 } }
        /// Exactly `n` digits.
        mutating func digits(_ n: Int) -> Int? {
            guard s.endIndex - i >= n, let v = FeedDate.number(s[i..<(i + n)], n) else { return nil }
            i += n
            return v
        }
    }
}
