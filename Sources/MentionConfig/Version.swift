/// The release of mentionwatch, shown in `--version`, the log and the User-Agent.
public let mentionwatchVersion = "0.1.0"
