import FeedKit
import Foundation
import Testing

/// feedparser's date cases, at ../shared/data/feed-cases/date_cases.json from
/// the package root (the directory above this file that holds Package.swift).
private let dateCasesURL: URL? = {
    var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    while dir.path != "/" {
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
            let url = dir.appendingPathComponent("../shared/data/feed-cases/date_cases.json").standardized
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        dir = dir.deletingLastPathComponent()
    }
    return nil
}()

private struct DateCase: Decodable {
    let parseDate: String
    let inputValue: String
    /// Python time tuple (UTC): year, month, day, hour, minute, second, ...
    let expectedValue: [Int]?
}

/// Cases deliberately not supported, with the reason.
private let excludedCases: [String: String] = [
    "Κυρ, 11 Ιούλ 2004 12:00:00 EST": "Greek names; only English and Dutch are in scope",
    "2004-július-13T9:15-05:00": "Hungarian month name",
    "2004-05-25 오후 11:23:17": "Korean (Nate) with an implied +09:00",
    "2004년 05월 28일  01:31:15": "Korean (OnBlog) with an implied +09:00",
    // ISO 8601:1988 two-digit-year forms: withdrawn in ISO 8601:2004, not in
    // RFC 3339, and "03335" (YYDDD) contradicts the W3C-DTF case "22013" -> nil.
    "-0312": "ISO 8601:1988 -YYMM", "031231": "ISO 8601:1988 YYMMDD",
    "03-12-31": "ISO 8601:1988 YY-MM-DD", "-03-12": "ISO 8601:1988 -YY-MM",
    "03335": "ISO 8601:1988 YYDDD",
    "2003-012-31T10:14:55+00:00": "three-digit month is valid in no ISO 8601 profile",
]

/// Epoch seconds by counting days year by year: independent of FeedDate's arithmetic.
private func naiveEpoch(_ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> Int {
    func isLeap(_ y: Int) -> Bool { y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) }
    var days = 0
    if y >= 1970 {
        for year in 1970..<y { days += isLeap(year) ? 366 : 365 }
    } else {
        for year in y..<1970 { days -= isLeap(year) ? 366 : 365 }
    }
    let lengths = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    days += lengths.prefix(mo - 1).reduce(0, +) + d - 1
    return days * 86_400 + h * 3600 + mi * 60 + s
}

struct FeedDateTests {
    @Test(.enabled(if: dateCasesURL != nil, "../shared/data/feed-cases/date_cases.json not found; skipped"))
    func feedparserDateCases() throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let cases = try decoder.decode([DateCase].self, from: Data(contentsOf: try #require(dateCasesURL)))
        #expect(cases.count == 72)
        var passed = 0
        for c in cases {
            let parsed = FeedDate.parse(c.inputValue)
            let ok: Bool
            if let e = c.expectedValue {
                let want = naiveEpoch(e[0], e[1], e[2], e[3], e[4], e[5])
                ok = parsed.map { Int($0.timeIntervalSince1970.rounded(.down)) } == want
            } else {
                ok = parsed == nil
            }
            if ok { passed += 1 }
            if excludedCases[c.inputValue] == nil {
                #expect(
                    ok, "\(c.parseDate): \(c.inputValue.debugDescription) -> \(parsed.map(FeedDate.rfc3339) ?? "nil")")
            }
        }
        print("FeedDate: \(passed)/\(cases.count) feedparser date cases pass (\(excludedCases.count) excluded)")
        #expect(passed >= cases.count - excludedCases.count)
    }

    @Test(arguments: [
        ("Wed, 02 Oct 2002 13:00:00 GMT", "2002-10-02T13:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 EST", "2002-10-02T18:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 EDT", "2002-10-02T17:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 CST", "2002-10-02T19:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 CDT", "2002-10-02T18:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 MST", "2002-10-02T20:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 MDT", "2002-10-02T19:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 PST", "2002-10-02T21:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 PDT", "2002-10-02T20:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 UT", "2002-10-02T13:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 UTC", "2002-10-02T13:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 Z", "2002-10-02T13:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 A", "2002-10-02T13:00:00Z"),  // military: -0000 per RFC 5322 §4.3
        ("Wed, 02 Oct 2002 13:00:00 +0200", "2002-10-02T11:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 -0330", "2002-10-02T16:30:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 +01:30", "2002-10-02T11:30:00Z"),
        ("Wed, 02 Oct 2002 13:00:00 -0700 (PDT)", "2002-10-02T20:00:00Z"),
        ("Wed, 02 Oct 2002 13:00:00", "2002-10-02T13:00:00Z"),
        ("02 Oct 2002 13:00 +0200", "2002-10-02T11:00:00Z"),
        ("Wed, 02 Oct 02 13:00:00 GMT", "2002-10-02T13:00:00Z"),
        ("Sat, 02 Oct 99 13:00:00 GMT", "1999-10-02T13:00:00Z"),
        ("  wed,   02  OCT   2002\t13:00:00   gmt  ", "2002-10-02T13:00:00Z"),
        ("wo, 02 okt 2002 13:00:00 +0200", "2002-10-02T11:00:00Z"),
        ("Maandag, 3 mrt 2025 10:00 CET", "2025-03-03T09:00:00Z"),
        ("di 14 mei 2024 08:30:00 CEST", "2024-05-14T06:30:00Z"),
        ("zo 1 maa. 2026", "2026-03-01T00:00:00Z"),
        ("Vrijdag 31 december 2021 23:59:59 +0100", "2021-12-31T22:59:59Z"),
        ("Oct 2, 2002 13:00 GMT", "2002-10-02T13:00:00Z"),
        ("2003-12-13T18:30:02Z", "2003-12-13T18:30:02Z"),
        ("2003-12-13T18:30:02.25+01:00", "2003-12-13T17:30:02Z"),
        ("2003-12-13T18:30:02.999999999999Z", "2003-12-13T18:30:02Z"),
        ("2003-12-13t18:30:02z", "2003-12-13T18:30:02Z"),
        ("2003-12-13T18:30Z", "2003-12-13T18:30:00Z"),
        ("2003-12-13T18:30:02-0500", "2003-12-13T23:30:02Z"),
        ("2003-12-13T23:30:00-01:00", "2003-12-14T00:30:00Z"),
        ("2003-12-13 18:30:02", "2003-12-13T18:30:02Z"),
        ("2003-12-13", "2003-12-13T00:00:00Z"),
        ("2003-12", "2003-12-01T00:00:00Z"),
        ("2003", "2003-01-01T00:00:00Z"),
        ("20031213T183002Z", "2003-12-13T18:30:02Z"),
        ("20031213", "2003-12-13T00:00:00Z"),
        ("2004-02-29T12:00:00Z", "2004-02-29T12:00:00Z"),
        ("2016-12-31T23:59:60Z", "2017-01-01T00:00:00Z"),  // leap second, RFC 3339 §5.7
    ])
    func accepted(input: String, expected: String) {
        #expect(FeedDate.parse(input).map(FeedDate.rfc3339) == expected)
    }

    @Test(arguments: [
        "", "   ", "hello", "2003-13-01", "2003-00-10", "2003-12-32", "2003-02-29", "1900-02-29",
        "2003-12-13T25:00:00Z", "2003-12-13T24:00:00Z", "2003-12-13T18:60:00Z", "2003-12-13T18:30:61Z",
        "2003-12-13T18:30:02+24:00", "2003-12-13T18:30:02+01:60", "2003-12-13T", "2003-12-13T18",
        "2003-12-13T18:30:02.", "2003-1-5", "2003-12-13Z", "2003-12-13T18:30:02Z junk",
        "Wed, 32 Oct 2002 13:00:00 GMT", "Wed, 00 Oct 2002 13:00:00 GMT", "Wed, 02 Foo 2002 13:00:00 GMT",
        "Wed, 02 Oct 2002 25:00:00 GMT", "Wed, 02 Oct 2002 13:61:00 GMT", "Wed, 02 Oct 2002 13:00:00 +2500",
        "Wed, 02 Oct 2002 13:00:00 GMT extra", "Wed, 02 Oct 2002 13:00:00 America/New_York",
        "Fooday, 02 Oct 2002", "Wed, 02 Oct 12345 13:00:00 GMT", "02 Oct", "Oct 2002", "Wed,",
        String(repeating: "1", count: 10_000), String(repeating: "Wed, ", count: 100),
    ])
    func rejected(input: String) {
        #expect(FeedDate.parse(input) == nil)
    }

    @Test func formats() {
        let date = Date(timeIntervalSince1970: 1_795_627_529.75)
        #expect(FeedDate.rfc3339(date) == "2026-11-25T17:25:29Z")
        #expect(FeedDate.rfc5322(date) == "Wed, 25 Nov 2026 17:25:29 +0000")
        #expect(FeedDate.rfc5322(Date(timeIntervalSince1970: 1_033_563_600)) == "Wed, 02 Oct 2002 13:00:00 +0000")
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
        // Out-of-range values clamp to what four-digit years can say.
        #expect(FeedDate.rfc3339(.distantFuture) == "4001-01-01T00:00:00Z")
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: 1e18)) == "9999-12-31T23:59:59Z")
        #expect(FeedDate.rfc5322(Date(timeIntervalSince1970: .infinity)) == "Fri, 31 Dec 9999 23:59:59 +0000")
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: -.infinity)) == "0000-01-01T00:00:00Z")
        #expect(FeedDate.rfc3339(Date(timeIntervalSince1970: .nan)) == "1970-01-01T00:00:00Z")
    }

    /// Every 97th day from 1600 to 2400 (all weekdays, months and leap rules),
    /// checked against Foundation's formatter and round-tripped through both formats.
    @Test func roundTrip() {
        let oracle = ISO8601DateFormatter()
        oracle.formatOptions = [.withInternetDateTime]
        let start = naiveEpoch(1600, 1, 1, 0, 0, 0)
        let end = naiveEpoch(2400, 12, 31, 0, 0, 0)
        var checked = 0
        for seconds in stride(from: start, through: end, by: 97 * 86_400 + 3_917) {
            let date = Date(timeIntervalSince1970: Double(seconds))
            let text = FeedDate.rfc3339(date)
            #expect(text == oracle.string(from: date))
            #expect(FeedDate.parse(text) == date, "\(text)")
            #expect(FeedDate.parse(FeedDate.rfc5322(date)) == date, "\(FeedDate.rfc5322(date))")
            checked += 1
        }
        #expect(checked > 3000)
    }
}
