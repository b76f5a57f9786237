import FeedKit
import Foundation

/// The 14-day chart as HTML table bars: a cell's CSS width (and the `width` attribute for Outlook) is the
/// count. Many clients block SVG, scripts and external images, and nearly all draw tables, so it shows.
/// Each bar has its number beside it: without colours the chart still reads as a table.
enum DigestChart {
    static let mentionColor = "#4a7fc1"
    static let alertColor = "#c0392b"
    /// Pixels of the longest bar.
    static let barWidth = 300

    static func html(_ days: [DigestInput.DayCount]) -> [String] {
        guard !days.isEmpty else { return [] }
        let largest = max(1, days.map { max($0.mentions, $0.alerts) }.max() ?? 1)
        var rows: [String] = []
        for day in days {
            rows.append(
                "<tr><td rowspan=\"2\" style=\"padding:2px 8px 2px 0;white-space:nowrap;border-bottom:1px solid #eee\">"
                    + HTMLEntities.escaped(day.day) + "</td>" + bar(day.mentions, largest, mentionColor, "vermeldingen")
                    + "</tr>")
            rows.append("<tr>" + bar(day.alerts, largest, alertColor, "gemarkeerd") + "</tr>")
        }
        let legend =
            "<p style=\"margin:4px 0\"><span style=\"color:\(mentionColor)\">■</span> vermeldingen &nbsp; "
            + "<span style=\"color:\(alertColor)\">■</span> gemarkeerd</p>"
        return [
            "<h2 style=\"font-size:16px;margin:20px 0 6px;border-bottom:1px solid #ccc\">Afgelopen \(days.count) dagen</h2>",
            legend,
            "<table cellpadding=\"0\" cellspacing=\"0\" role=\"presentation\" style=\"border-collapse:collapse\">"
                + rows.joined() + "</table>",
        ]
    }

    /// A bar of `count`: a coloured cell at least 1 px wide when not zero, then the number.
    private static func bar(_ count: Int, _ largest: Int, _ color: String, _ label: String) -> String {
        let width = count == 0 ? 0 : max(2, count * barWidth / largest)
        let drawn =
            width == 0
            ? ""
            : "<td width=\"\(width)\" bgcolor=\"\(color)\" style=\"width:\(width)px;height:8px;background:\(color);font-size:0;line-height:0\">&nbsp;</td>"
        return "<td style=\"padding:1px 0\"><table cellpadding=\"0\" cellspacing=\"0\" role=\"presentation\" "
            + "title=\"\(count) \(label)\"><tr>\(drawn)<td style=\"padding-left:4px;font-size:11px;color:#555\">\(count)</td></tr></table></td>"
    }
}
