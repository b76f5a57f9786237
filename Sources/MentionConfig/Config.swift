import FeedKit
import MentionClassify
import MentionMatch

/// The validated configuration (docs/configuration.md). Built only by `ConfigParser`, so every value here is valid.
public struct Config: Sendable, Equatable {
    public var school: School
    public var staff: [StaffMember]
    public var feeds: [FeedConfig]
    public var alerts: AlertSettings
    public var digest: DigestSettings
    public var storage: StorageSettings
    public var fetch: FetchSettings = FetchSettings()
    public var matching: MatchingSettings = MatchingSettings()
    public var classification: ClassificationSettings = ClassificationSettings()
    /// `school.time_zone` as written; nil: the digest's zone. Kept apart from `School`, which is what the
    /// matcher looks for, not where the school is.
    public var schoolTimeZoneSetting: String?
    public var metrics = MetricsSettings()

    /// The IANA zone the MT reads times in (alert mails): `school.time_zone`, else `digest.timezone`.
    public var schoolTimeZone: String { schoolTimeZoneSetting ?? digest.timezone }
}

public struct FeedConfig: Sendable, Equatable {
    public var id: String
    public var url: String
    public var interval: Seconds = 15 * 60
    public var kind: FeedKind = .news
    /// Every post in this feed is about the school (counts as context).
    public var schoolSpecific = false
    /// Loopback and private addresses may be fetched (intranet feeds, tests).
    public var allowPrivate = false
}

public typealias Seconds = Int

public enum SpoolTarget: Sendable, Equatable {
    case maildir(path: String)
    case sendmail(path: String)
    /// SMTP submission through libcurl: `smtp://HOST[:587]` (STARTTLS required unless `alerts.smtp.starttls: off`)
    /// or `smtps://HOST[:465]`, with the account of `alerts.smtp`.
    case smtp(SmtpTarget)
}

/// A submission server and the account to log in with (docs/configuration.md, "SMTP").
public struct SmtpTarget: Sendable, Equatable {
    /// `smtp://host:port` or `smtps://host:port`, as libcurl takes it.
    public var url: String
    public var host: String
    /// Plain `smtp://` must upgrade with STARTTLS (RFC 3207) or the delivery fails; `off` only for a
    /// server on this machine or a trusted network, and never with a password.
    public var requireStartTLS = true
    public var user: String?
    public var password: SmtpPassword?
    /// Extra CA bundle to trust (a school's own CA, the tests' CA); the system's otherwise.
    public var caFile: String?

    public init(url: String, host: String) {
        self.url = url
        self.host = host
    }
}

/// Where the SMTP password is read at each delivery: never from feeds.yaml itself.
public enum SmtpPassword: Sendable, Equatable {
    /// A file only its owner may read (mode 0600 or 0400).
    case file(String)
    /// A systemd credential (`LoadCredential=NAME:...`), read from `$CREDENTIALS_DIRECTORY/NAME`.
    case credential(String)
}

public struct AlertSettings: Sendable, Equatable {
    public var minSeverity: Severity = .medium
    public var maxPerHour = 10
    public var to: [String] = ["mt@localhost"]
    public var from = "mentionwatch@localhost"
    public var spool: SpoolTarget = .maildir(path: "/var/spool/mentionwatch/mt")
    public var subject: SubjectMode = .full
    /// Alerts about the same person (or the school) within this long of the case's last post join its
    /// case and mail thread (`alerts.group_window`); 0: every alert a case of its own.
    public var groupWindow: Seconds = 3_600
    /// The group a Maildir spool is shared with (`alerts.spool_group`), so Dovecot or a person in it
    /// can read the mailbox; nil: the Maildir is private to the service user.
    public var spoolGroup: String?
}

/// What an alert's subject says (`alerts.subject`). A subject shows on a locked phone's screen, where
/// anyone nearby reads it: `category-only` leaves out the names of the people concerned.
public enum SubjectMode: String, Sendable, Equatable, CaseIterable {
    case full
    case categoryOnly = "category-only"
}

public struct DigestSettings: Sendable, Equatable {
    public var hour = 7
    public var minute = 30
    public var timezone = "Europe/Amsterdam"
    public var to: [String] = ["coordinator@localhost"]
    /// Where the digest is delivered. A Maildir is one mailbox, so the coordinator's is not the MT's:
    /// default `maildir:/var/spool/mentionwatch/coordinator`, or the alerts' sendmail (which routes by To).
    public var spool: SpoolTarget = .maildir(path: "/var/spool/mentionwatch/coordinator")
    /// `digest.spool_group`; default: the alerts' group when both spools are Maildirs.
    public var spoolGroup: String?
}

/// How feeds are fetched: limits that keep the monitor polite to hosts and safe from hostile ones.
public struct FetchSettings: Sendable, Equatable {
    /// Transfers in flight at once, over all hosts.
    public var concurrency = 16
    /// Transfers in flight at once to one host.
    public var perHost = 2
    /// Least time between two requests to the same host, so 200 feeds on one host are not a burst.
    public var hostInterval: Seconds = 1
    public var connectTimeout: Seconds = 10
    public var timeout: Seconds = 60
    /// A transfer slower than 100 bytes/s for this long is aborted (a slow drip holds no slot for long).
    public var lowSpeedTime: Seconds = 30
    /// Body cap, counted after decompression.
    public var maxBytes = 10 * 1024 * 1024
    /// Shown in the User-Agent ("mentionwatch/0.2 (+URL)") so a host's admin can find out who polls.
    public var contact: String?
    /// Extra CA certificates (PEM) to trust, e.g. an intranet CA. TLS verification is always on.
    public var caFile: String?
    /// A proxy for every feed; nil: the usual environment variables (https_proxy, ...).
    public var proxy: String?

    public init() {}
}

public struct StorageSettings: Sendable, Equatable {
    public var database = "/var/lib/mentionwatch/mentionwatch.sqlite"
    public var retainUnflagged: Seconds = 30 * 86_400
    /// Cases `afgehandeld`, and cases judged `vals alarm`, with their evidence (an open case is kept).
    public var retainClosedCases: Seconds = 365 * 86_400
    public var retainFalseAlarms: Seconds = 90 * 86_400
}

/// A duration as it is written in the config: 90s, 15m, 2h, 180d.
public func durationText(_ seconds: Seconds) -> String {
    for (unit, size) in [("d", 86_400), ("h", 3_600), ("m", 60)] where seconds % size == 0 && seconds >= size {
        return "\(seconds / size)\(unit)"
    }
    return "\(seconds)s"
}
