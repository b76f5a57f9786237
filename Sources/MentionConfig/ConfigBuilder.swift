import FeedKit
import Foundation
import MentionClassify
import MentionMatch
internal import Yams

/// Builds each section of `Config` from YAML nodes, with the defaults of docs/configuration.md.
struct ConfigBuilder {
    var reader: YAMLReader
    let baseDirectory: String
    let isKnownTimeZone: (String) -> Bool
    let isKnownGroup: (String) -> Bool

    mutating func build(_ top: [String: Node], root: Node) -> Config? {
        var school: School?
        var schoolTimeZone: String?
        if let node = top["school"] {
            school = self.school(node)
            schoolTimeZone = timeZone(node, key: "time_zone", path: "school.time_zone")
        } else {
            reader.report(root, "school", "is required (at least school.name)")
        }
        var staff: [StaffMember] = []
        if let node = top["staff"] { staff = staffList(node) }
        var feeds: [FeedConfig] = []
        if let node = top["feeds"] {
            feeds = feedList(node)
        } else {
            reader.report(root, "feeds", "is required: at least one feed")
        }
        var alerts = AlertSettings()
        var smtpNode: Node?
        if let node = top["alerts"] { alerts = alertSettings(node, smtp: &smtpNode) }
        var digest = DigestSettings()
        switch alerts.spool {
        case .sendmail, .smtp: digest.spool = alerts.spool
        case .maildir: break
        }
        if let node = top["digest"] { digest = digestSettings(node, defaults: digest) }
        if let node = smtpNode { applySmtpAccount(node, to: &alerts.spool, and: &digest.spool) }
        inheritSpoolGroup(&digest, from: alerts, digestNode: top["digest"])
        var storage = StorageSettings()
        if let node = top["storage"] { storage = storageSettings(node) }
        storage.database = resolve(storage.database)
        var fetch = FetchSettings()
        if let node = top["fetch"] { fetch = fetchSettings(node) }
        guard let school else { return nil }
        var matching = MatchingSettings()
        if let node = top["matching"] { matching = matchingSettings(node) }
        var classification = ClassificationSettings()
        if let node = top["classification"] { classification = classificationSettings(node) }
        var metrics = MetricsSettings()
        if let node = top["metrics"] { metrics = metricsSettings(node) }
        return Config(
            school: school, staff: staff, feeds: feeds, alerts: alerts, digest: digest, storage: storage, fetch: fetch,
            matching: matching, classification: classification, schoolTimeZoneSetting: schoolTimeZone, metrics: metrics)
    }

    private mutating func school(_ node: Node) -> School? {
        let keys: Set = ["name", "aliases", "handles", "hashtags", "domains", "context", "exclude", "time_zone"]
        guard let map = reader.mapping(node, "school", allowed: keys) else { return nil }
        guard let nameNode = map["name"] else {
            reader.report(node, "school.name", "is required")
            return nil
        }
        guard let name = reader.string(nameNode, "school.name") else { return nil }
        var school = School(name: name)
        school.aliases = list(map, "aliases", in: "school")
        school.handles = list(map, "handles", in: "school")
        school.hashtags = list(map, "hashtags", in: "school")
        school.domains = list(map, "domains", in: "school")
        school.context = list(map, "context", in: "school")
        school.exclude = list(map, "exclude", in: "school")
        return school
    }

    private mutating func staffList(_ node: Node) -> [StaffMember] {
        guard let items = reader.sequence(node, "staff") else { return [] }
        var staff: [StaffMember] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "staff[\(index)]"
            let keys: Set = ["id", "name", "aliases", "handles", "role", "common_name"]
            guard let map = reader.mapping(item, path, allowed: keys) else { continue }
            guard
                let id = required(map, "id", in: path, of: item).flatMap({ identifier($0, map["id"]!, "\(path).id") }),
                let name = required(map, "name", in: path, of: item)
            else { continue }
            if id == "school" {
                reader.report(map["id"], "\(path).id", "'school' is reserved for the school itself")
                continue
            }
            if !seen.insert(id).inserted {
                reader.report(map["id"], "\(path).id", "duplicate id '\(id)'")
                continue
            }
            var member = StaffMember(id: id, name: name)
            member.aliases = list(map, "aliases", in: path)
            member.handles = list(map, "handles", in: path)
            member.role = map["role"].flatMap { reader.string($0, "\(path).role", allowEmpty: true) }?.nonEmpty
            member.commonName = map["common_name"].flatMap { reader.bool($0, "\(path).common_name") } ?? false
            staff.append(member)
        }
        return staff
    }

    private mutating func feedList(_ node: Node) -> [FeedConfig] {
        guard let items = reader.sequence(node, "feeds") else { return [] }
        if items.isEmpty { reader.report(node, "feeds", "must list at least one feed") }
        var feeds: [FeedConfig] = []
        var seen: Set<String> = []
        for (index, item) in items.enumerated() {
            let path = "feeds[\(index)]"
            let keys: Set = ["id", "url", "interval", "kind", "school_specific", "allow_private"]
            guard let map = reader.mapping(item, path, allowed: keys) else { continue }
            guard
                let id = required(map, "id", in: path, of: item).flatMap({ identifier($0, map["id"]!, "\(path).id") }),
                let url = required(map, "url", in: path, of: item)
            else { continue }
            if !seen.insert(id).inserted {
                reader.report(map["id"], "\(path).id", "duplicate id '\(id)'")
                continue
            }
            guard let checkedURL = feedURL(url, map["url"]!, "\(path).url") else { continue }
            var feed = FeedConfig(id: id, url: checkedURL)
            if let node = map["interval"], let interval = reader.duration(node, "\(path).interval") {
                feed.interval = interval
            }
            if let node = map["kind"], let kind = reader.choice(node, "\(path).kind", FeedKind.self) {
                feed.kind = kind
            }
            if let node = map["school_specific"], let value = reader.bool(node, "\(path).school_specific") {
                feed.schoolSpecific = value
            }
            if let node = map["allow_private"], let value = reader.bool(node, "\(path).allow_private") {
                feed.allowPrivate = value
            }
            feeds.append(feed)
        }
        return feeds
    }

    private mutating func alertSettings(_ node: Node, smtp: inout Node?) -> AlertSettings {
        var alerts = AlertSettings()
        guard
            let map = reader.mapping(
                node, "alerts",
                allowed: [
                    "min_severity", "max_per_hour", "to", "from", "spool", "subject", "group_window", "spool_group",
                    "smtp",
                ])
        else { return alerts }
        if let node = map["min_severity"], let value = reader.choice(node, "alerts.min_severity", Severity.self) {
            alerts.minSeverity = value
        }
        if let node = map["max_per_hour"], let value = reader.integer(node, "alerts.max_per_hour", range: 1...10_000) {
            alerts.maxPerHour = value
        }
        if let node = map["group_window"], let value = reader.duration(node, "alerts.group_window", allowZero: true) {
            alerts.groupWindow = value
        }
        if let node = map["to"] { alerts.to = addresses(node, "alerts.to") ?? alerts.to }
        if let node = map["from"], let value = reader.string(node, "alerts.from"), address(value, node, "alerts.from") {
            alerts.from = value
        }
        if let node = map["spool"], let spool = spool(node, "alerts.spool") { alerts.spool = spool }
        smtp = map["smtp"]
        if let node = map["subject"], let mode = reader.choice(node, "alerts.subject", SubjectMode.self) {
            alerts.subject = mode
        }
        alerts.spoolGroup = spoolGroup(map, "alerts", spool: alerts.spool)
        return alerts
    }

    private mutating func digestSettings(_ node: Node, defaults: DigestSettings) -> DigestSettings {
        var digest = defaults
        guard let map = reader.mapping(node, "digest", allowed: ["at", "timezone", "to", "spool", "spool_group"]) else {
            return digest
        }
        if let node = map["at"], let text = reader.string(node, "digest.at") {
            let parts = text.split(separator: ":")
            if parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour),
                (0...59).contains(minute)
            {
                digest.hour = hour
                digest.minute = minute
            } else {
                reader.report(node, "digest.at", "must be a time of day like \"07:30\", not '\(text)'")
            }
        }
        if let zone = timeZone(node, key: "timezone", path: "digest.timezone") { digest.timezone = zone }
        if let node = map["to"] { digest.to = addresses(node, "digest.to") ?? digest.to }
        if let node = map["spool"], let spool = spool(node, "digest.spool") { digest.spool = spool }
        digest.spoolGroup = spoolGroup(map, "digest", spool: digest.spool)
        return digest
    }

    private mutating func storageSettings(_ node: Node) -> StorageSettings {
        var storage = StorageSettings()
        guard let map = reader.mapping(node, "storage", allowed: ["database", "retention"]) else { return storage }
        if let node = map["database"], let path = reader.string(node, "storage.database") { storage.database = path }
        if let node = map["retention"],
            let retention = reader.mapping(
                node, "storage.retention", allowed: ["unflagged", "closed_cases", "false_alarms"])
        {
            if let node = retention["unflagged"], let value = reader.duration(node, "storage.retention.unflagged") {
                storage.retainUnflagged = value
            }
            if let node = retention["closed_cases"], let value = reader.duration(node, "storage.retention.closed_cases")
            {
                storage.retainClosedCases = value
            }
            if let node = retention["false_alarms"], let value = reader.duration(node, "storage.retention.false_alarms")
            {
                storage.retainFalseAlarms = value
            }
        }
        return storage
    }

    private mutating func fetchSettings(_ node: Node) -> FetchSettings {
        var fetch = FetchSettings()
        let keys: Set = [
            "concurrency", "per_host", "host_interval", "timeout", "connect_timeout", "low_speed_time", "max_size",
            "contact", "ca_file", "proxy",
        ]
        guard let map = reader.mapping(node, "fetch", allowed: keys) else { return fetch }
        if let node = map["concurrency"], let value = reader.integer(node, "fetch.concurrency", range: 1...256) {
            fetch.concurrency = value
        }
        if let node = map["per_host"], let value = reader.integer(node, "fetch.per_host", range: 1...32) {
            fetch.perHost = value
        }
        if let node = map["host_interval"], let value = reader.duration(node, "fetch.host_interval", allowZero: true) {
            fetch.hostInterval = value
        }
        if let node = map["timeout"], let value = reader.duration(node, "fetch.timeout") { fetch.timeout = value }
        if let node = map["connect_timeout"], let value = reader.duration(node, "fetch.connect_timeout") {
            fetch.connectTimeout = value
        }
        if let node = map["low_speed_time"], let value = reader.duration(node, "fetch.low_speed_time") {
            fetch.lowSpeedTime = value
        }
        if let node = map["max_size"], let value = reader.size(node, "fetch.max_size") { fetch.maxBytes = value }
        if let node = map["contact"], let text = reader.string(node, "fetch.contact") {
            if text.hasPrefix("https://") || text.hasPrefix("http://") || text.hasPrefix("mailto:"),
                !text.contains(where: { $0.isWhitespace || $0 == ")" })
            {
                fetch.contact = text
            } else {
                reader.report(node, "fetch.contact", "must be an http(s) or mailto: URL without spaces, not '\(text)'")
            }
        }
        if let node = map["ca_file"], let path = reader.string(node, "fetch.ca_file") { fetch.caFile = resolve(path) }
        if let node = map["proxy"], let text = reader.string(node, "fetch.proxy") { fetch.proxy = text }
        return fetch
    }

    private mutating func matchingSettings(_ node: Node) -> MatchingSettings {
        var matching = MatchingSettings()
        guard let map = reader.mapping(node, "matching", allowed: ["misspellings", "one_edit_from", "two_edits_from"])
        else { return matching }
        if let node = map["misspellings"], let value = reader.bool(node, "matching.misspellings") {
            matching.misspellings = value
        }
        if let node = map["one_edit_from"], let value = reader.integer(node, "matching.one_edit_from", range: 5...40) {
            matching.oneEditFrom = value
        }
        if let node = map["two_edits_from"], let value = reader.integer(node, "matching.two_edits_from", range: 6...40)
        {
            matching.twoEditsFrom = value
        }
        if matching.twoEditsFrom <= matching.oneEditFrom, let node = map["two_edits_from"] ?? map["one_edit_from"] {
            reader.report(node, "matching.two_edits_from", "must be more than one_edit_from (\(matching.oneEditFrom))")
        }
        return matching
    }

    // MARK: - Small checks

    /// An IANA zone name under `key` of the mapping `node`, checked against the tz database the adapter knows.
    private mutating func timeZone(_ node: Node, key: String, path: String) -> String? {
        guard case .mapping(let mapping) = node, let value = mapping[Node(key)],
            let zone = reader.string(value, path)
        else { return nil }
        guard isKnownTimeZone(zone) else {
            reader.report(value, path, "unknown time zone '\(zone)' (an IANA name like Europe/Amsterdam)")
            return nil
        }
        return zone
    }

    private mutating func required(_ map: [String: Node], _ key: String, in path: String, of parent: Node) -> String? {
        guard let node = map[key] else {
            reader.report(parent, "\(path).\(key)", "is required")
            return nil
        }
        return reader.string(node, "\(path).\(key)")
    }

    private mutating func list(_ map: [String: Node], _ key: String, in path: String) -> [String] {
        map[key].flatMap { reader.strings($0, "\(path).\(key)") } ?? []
    }

    /// Ids end up in file names, Message-IDs and logs: keep them plain.
    private mutating func identifier(_ value: String, _ node: Node, _ path: String) -> String? {
        let allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789-_.")
        guard value.unicodeScalars.allSatisfy(allowed.contains), value.first != "." else {
            reader.report(node, path, "must use only a-z, 0-9, '-', '_' and '.', not '\(value)'")
            return nil
        }
        return value
    }

    /// http(s) with a host, or an absolute `file:///path`; written as a URL (spaces percent-encoded),
    /// because the text goes to libcurl as it is.
    private mutating func feedURL(_ text: String, _ node: Node, _ path: String) -> String? {
        guard !text.contains(where: \.isWhitespace), let url = URL(string: text), let scheme = url.scheme?.lowercased()
        else {
            reader.report(
                node, path,
                "is not a valid URL (spaces and other special characters must be percent-encoded): '\(text)'")
            return nil
        }
        switch scheme {
        case "http", "https":
            if !(url.host ?? "").isEmpty { return text }
            reader.report(node, path, "has no host: '\(text)'")
        case "file":
            if ["", "localhost"].contains(url.host ?? ""), text.lowercased().hasPrefix("file://"),
                url.path.hasPrefix("/")
            {
                return text
            }
            reader.report(node, path, "must be an absolute file URL like file:///srv/feeds/news.xml, not '\(text)'")
        default:
            reader.report(node, path, "must be an http, https or file URL, not '\(scheme):'")
        }
        return nil
    }

    private mutating func addresses(_ node: Node, _ path: String) -> [String]? {
        guard let items = reader.sequence(node, path) else { return nil }
        if items.isEmpty {
            reader.report(node, path, "must list at least one address")
            return nil
        }
        var valid: [String] = []
        for (index, item) in items.enumerated() {
            if let value = reader.string(item, "\(path)[\(index)]"), address(value, item, "\(path)[\(index)]") {
                valid.append(value)
            }
        }
        return valid.count == items.count ? valid : nil
    }

    /// A plain `local@domain` address: nothing that could break a mail header.
    private mutating func address(_ value: String, _ node: Node, _ path: String) -> Bool {
        let forbidden = CharacterSet(charactersIn: " \t\r\n<>,;:\"()[]\\")
        let parts = value.split(separator: "@", omittingEmptySubsequences: false)
        if parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty, value.rangeOfCharacter(from: forbidden) == nil {
            return true
        }
        reader.report(node, path, "is not a mail address like name@example.org: '\(value)'")
        return false
    }

    func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
    }
}
