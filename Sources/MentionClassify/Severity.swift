/// How serious a finding is; `alerts.min_severity` sets the bar for an alert.
public enum Severity: String, Sendable, Equatable, Comparable, CaseIterable, Codable {
    case low, medium, high, critical

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}
