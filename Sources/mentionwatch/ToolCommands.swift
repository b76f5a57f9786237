import ArgumentParser
import FeedKit
import Foundation
import MentionClassify
import MentionConfig
import MentionFetch
import MentionMail
import MentionMatch
import MentionRender

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the configuration and print what would be watched; exit 78 on error.")
    @OptionGroup var options: ConfigOption
    @Flag(help: "Also fetch and parse every feed once (nothing is stored); exit 69 when one fails.")
    var fetch = false
    @Flag(
        help:
            "Also try, as the unit's User= (and groups), to open every file and folder the service needs; exit 1 when one fails."
    )
    var asService = false
    @Option(help: "With --as-service: check as this user instead of the unit's (e.g. nobody).")
    var asUser: String?
    @Option(help: "With --as-service: the unit file to read User=, Group= and SupplementaryGroups= from.")
    var unit: String?

    func run() async throws {
        let config = try options.load()
        var problems: [String] = []
        let databaseFolder = (config.storage.database as NSString).deletingLastPathComponent
        if !isWritableOrCreatable(databaseFolder) {
            problems.append("storage.database: folder \(databaseFolder) is not writable")
        }
        for (key, spool) in [("alerts.spool", config.alerts.spool), ("digest.spool", config.digest.spool)] {
            switch spool {
            case .maildir(let path) where !isWritableOrCreatable(path):
                problems.append("\(key): \(path) is not writable")
            case .sendmail(let path) where !FileManager.default.isExecutableFile(atPath: path):
                problems.append("\(key): \(path) is not executable")
            case .smtp(let server):
                // A credential exists only inside the unit (LoadCredential=): nothing to read from here.
                if case .file = server.password, let source = server.password {
                    do { _ = try SmtpSpool(server: server).readPassword(source) } catch {
                        problems.append("alerts.smtp.password_file: \(error)")
                    }
                }
            default: break
            }
        }
        // The daemon does not make node_exporter's folder: it must be there, and writable.
        if let textfile = config.metrics.textfile {
            let folder = (textfile as NSString).deletingLastPathComponent
            if !FileManager.default.isWritableFile(atPath: folder) {
                problems.append("metrics.textfile: folder \(folder) does not exist or is not writable")
            }
        }
        print(
            "school: \(config.school.name) (\(config.school.aliases.count) aliases, \(config.school.handles.count) handles, \(config.school.hashtags.count) hashtags, \(config.school.domains.count) domains)"
        )
        print("staff: \(config.staff.count)")
        for member in config.staff {
            print("  \(member.id): \(member.name)\(member.commonName ? " (common name: needs school context)" : "")")
        }
        print("feeds: \(config.feeds.count)")
        for feed in config.feeds {
            print(
                "  \(feed.id): \(feed.url) every \(durationText(feed.interval)) (\(feed.kind.rawValue))\(feed.allowPrivate ? ", private addresses allowed" : "")"
            )
        }
        print(
            "alerts: severity \(config.alerts.minSeverity.rawValue) and up to \(config.alerts.to.joined(separator: ", ")) via \(Self.describe(config.alerts.spool))"
        )
        // What the MT's mails look like, so an admin sees the zone and subject mode in force.
        print("  times in \(config.schoolTimeZone), subject \(config.alerts.subject.rawValue)")
        print(
            "digest: \(String(format: "%02d:%02d", config.digest.hour, config.digest.minute)) \(config.digest.timezone) to \(config.digest.to.joined(separator: ", ")) via \(Self.describe(config.digest.spool))"
        )
        print("database: \(config.storage.database)")
        print(Self.describeModel(config))
        print(Self.describeDictionaries(config))
        for problem in problems { FileHandle.standardError.write(Data("\(options.config): \(problem)\n".utf8)) }
        if !problems.isEmpty { throw ExitCode(ExitStatus.configError) }
        if asService || asUser != nil,
            try !ServiceCheck.run(config, configPath: options.config, user: asUser, unit: unit)
        {
            throw ExitCode(1)
        }
        if fetch, await !Self.tryFeeds(config) { throw ExitCode(ExitStatus.unavailable) }
    }

    /// The model's file, release and thresholds (config overrides shown as such), or that the rules judge alone.
    static func describeModel(_ config: Config) -> String {
        guard let model = config.classification.model else {
            return "model: off (classification.model: off): the rules judge alone"
        }
        let classifier = Classifier(config: config)
        let header = model.header
        let thresholds = classifier.thresholds
        let bars = thresholds.categoryAlert.filter { $0.value.belief < thresholds.alert }
            .sorted { $0.key.rawValue < $1.key.rawValue }
        let threat =
            (thresholds.threat < thresholds.alert ? String(format: ", a likely threat at %.3f", thresholds.threat) : "")
            + bars.map {
                String(format: ", %@ (its head %.1f) at %.3f", $0.key.rawValue, $0.value.likely, $0.value.belief)
            }.joined()
        if config.classification.alertScore != nil, header.alertScore == nil {
            // Said, not silently ignored: this model file decides by the thresholds.
            return String(
                format:
                    "model: %@ version %@ (%d posts) has no alert score: classification.alert_score is not used; alert at %.3f, review at %.3f, veto below %.3f",
                config.classification.modelPath ?? "?", header.version, header.trainedOn, thresholds.alert,
                thresholds.review, thresholds.veto)
        }
        if let score = thresholds.alertScore {
            // The alert score decides a post aimed at a target; the thresholds on the belief stay for `score`'s
            // "model alone" and for a config that sets them.
            return String(
                format: "model: %@ version %@ (%d posts), alert score at %.3f, review at %.3f%@",
                config.classification.modelPath ?? "?", header.version, header.trainedOn, score.threshold,
                thresholds.review, Self.describePossibleAlert(thresholds))
        }
        return String(
            format: "model: %@ version %@ (%d posts), alert at %.3f%@, review at %.3f, veto below %.3f%@",
            config.classification.modelPath ?? "?", header.version, header.trainedOn, thresholds.alert,
            threat, thresholds.review, thresholds.veto, Self.describePossibleAlert(thresholds))
    }

    /// ", alert at a role, a misspelt name or the school's bare name from 0.900" (docs/model.md,
    /// "Possible targets"); empty when never.
    static func describePossibleAlert(_ thresholds: ModelThresholds) -> String {
        guard thresholds.possibleAlert < 1 else { return "" }
        return String(
            format: ", alert at a role, a misspelt name or the school's bare name from %.3f", thresholds.possibleAlert)
    }

    /// The word lists read, and what they taught: slips read back, name words that are ordinary words.
    static func describeDictionaries(_ config: Config) -> String {
        let lists = config.classification.dictionaries ?? []
        guard !lists.isEmpty, let spelling = config.classification.spelling else {
            return "dictionaries: none: obfuscated words are not read back (install wdutch and wamerican)"
        }
        let names = config.matching.ordinaryWords.sorted()
        return "dictionaries: \(lists.joined(separator: ", ")): \(spelling.count) slips of lexicon words read back"
            + (names.isEmpty ? "" : "; name words that are also ordinary words: \(names.joined(separator: ", "))")
    }

    /// Fetches and parses each feed once, printing one line per feed and, for an HTML page that
    /// links its feed, the URL to configure instead. True when every feed worked. Fetched as the
    /// daemon would: with the `fetch:` limits (concurrency, per host, host interval) and settings.
    private static func tryFeeds(_ config: Config) async -> Bool {
        let fetcher = CurlFetcher(limits: FetchLimits(config.fetch))
        let results = await withTaskGroup(of: (Int, String, Bool).self) { group in
            for (index, feed) in config.feeds.enumerated() {
                group.addTask {
                    let request = FetchRequest(
                        url: feed.url, etag: nil, lastModified: nil, allowPrivate: feed.allowPrivate,
                        settings: config.fetch)
                    switch await fetcher.fetch(request).outcome {
                    case .success(.fetched(let response)):
                        do throws(FeedParseError) {
                            let parsed = try FeedParser.parse(
                                response.body, contentType: response.contentType, baseURL: response.effectiveURL)
                            let note = parsed.malformed ? ", malformed but recovered" : ""
                            return (
                                index,
                                "ok: \(parsed.format.rawValue), \(parsed.items.count) items, \(parsed.encoding ?? "utf-8")\(note)",
                                true
                            )
                        } catch {
                            let hint = error.feedHint.map { "\n    hint: set this feed's url to \($0)" } ?? ""
                            return (index, "error: \(error)\(hint)", false)
                        }
                    case .success(.notModified):
                        return (index, "error: the server answered 304 to a request without validators", false)
                    case .failure(let error):
                        return (index, "error: \(error)", false)
                    }
                }
            }
            var lines: [(Int, String, Bool)] = []
            for await line in group { lines.append(line) }
            return lines.sorted { $0.0 < $1.0 }
        }
        fetcher.stop()
        print("fetched:")
        // What a server sent is printed, so control characters (terminal escapes) are not.
        for (index, line, _) in results { print("  \(config.feeds[index].id): \(Self.printable(line))") }
        return results.allSatisfy { $0.2 }
    }

    private static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0 == "\n" || $0.properties.generalCategory != .control ? $0 : "\u{FFFD}" }))
    }

    private static func describe(_ spool: SpoolTarget) -> String {
        switch spool {
        case .maildir(let path): return "Maildir \(path)"
        case .sendmail(let path): return "\(path) -i -t"
        case .smtp(let server):
            let tls =
                server.url.hasPrefix("smtps:") ? "TLS" : server.requireStartTLS ? "STARTTLS required" : "no TLS"
            return "\(server.url) (\(tls)\(server.user.map { ", as \($0)" } ?? ""))"
        }
    }

    private func isWritableOrCreatable(_ path: String) -> Bool {
        var candidate = path
        while !FileManager.default.fileExists(atPath: candidate) {
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return false }
            candidate = parent
        }
        return FileManager.default.isWritableFile(atPath: candidate)
    }
}

struct Parse: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Parse one feed (a file or URL) and print it.")
    @Argument(help: "A file path, or an http(s) or file URL.")
    var source: String
    @Flag(help: "Print the JSON described in docs/feed-parser.md.")
    var json = false

    func run() async throws {
        var bytes: [UInt8]
        var contentType: String?
        var baseURL: String?
        if source.contains("://") {
            // An admin's explicit request: private addresses are allowed here.
            switch await CurlFetcher().fetch(FetchRequest(url: source, allowPrivate: true)).outcome {
            case .success(.fetched(let response)):
                bytes = response.body
                contentType = response.contentType
                baseURL = response.effectiveURL
            case .success(.notModified):
                throw fail(
                    "\(source): the server answered 304 without a conditional request", status: ExitStatus.dataError)
            case .failure(let error):
                throw fail("\(source): \(error)", status: ExitStatus.ioError)
            }
        } else {
            guard let data = FileManager.default.contents(atPath: source) else {
                throw fail("\(source): cannot read the file", status: ExitStatus.ioError)
            }
            bytes = Array(data)
        }
        let feed: Feed
        do {
            feed = try FeedParser.parse(bytes, contentType: contentType, baseURL: baseURL)
        } catch {
            throw fail("\(source): \(error)", status: ExitStatus.dataError)
        }
        if json {
            print(FeedJSON(feed).encoded())
            return
        }
        print(
            "\(feed.title ?? "(untitled)") [\(feed.format.rawValue)]\(feed.malformed ? " (malformed, recovered)" : "")")
        for item in feed.items {
            print(
                "- \(item.published.map(FeedDate.rfc3339) ?? "undated")  \(item.title ?? "(untitled)")  \(item.link ?? "")"
            )
        }
    }
}

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read posts as JSON Lines on stdin, write one JSON result per line (no network, no database).")
    @OptionGroup var options: ConfigOption

    func run() throws {
        let classifier = Classifier(config: try options.load())
        var forwarding = ForwardingMemory()
        var lineNumber = 0
        var bad = 0
        while let line = readLine(strippingNewline: true) {
            lineNumber += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            do {
                let input = try JSONDecoder().decode(MatchInputLine.self, from: Data(line.utf8))
                // Earlier flagged lines are remembered, so a later copy from another source is `forwarding`.
                let assessment = classifier.assess(input.post, forwarding: forwarding)
                classifier.remember(input.post, assessment, in: &forwarding)
                print(MatchOutputLine(id: input.id, assessment: assessment).encoded())
            } catch {
                bad += 1
                FileHandle.standardError.write(
                    Data("stdin:\(lineNumber): not a post object: \(Self.reason(error))\n".utf8))
            }
        }
        if bad > 0 { throw ExitCode(ExitStatus.dataError) }
    }

    private static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "invalid JSON"
        }
    }
}

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the classifier on labelled posts (JSON Lines with an \"expect\" object, like posts-dev.jsonl)."
    )
    @OptionGroup var options: ConfigOption
    @Argument(help: "The labelled posts.")
    var file: String
    @Flag(help: "Also print each post judged differently from its label.")
    var misses = false
    @Flag(help: "Score the rules alone, the model alone and both together, side by side.")
    var compare = false

    func run() throws {
        let config = try options.load()
        let posts = try readLabelledPosts(file)
        let modes: [DecisionMode] = compare ? [.rules, .model, .combined] : [.combined]
        for mode in modes {
            if compare && mode != .rules && config.classification.model == nil { continue }
            let classifier = Classifier(config: config, mode: mode)
            let scoring = LabelledPost.score(posts, with: classifier) { post, assessment in
                guard misses else { return }
                let found = assessment.categories.filter { $0.severity > .low }.map(\.category.rawValue)
                print(
                    "miss \(post.id): found \(found) \(assessment.tier.rawValue); labelled \(post.expect.categories) alert \(post.expect.alert)"
                )
            }
            let title = compare || classifier.mode == .rules ? "\(file) [\(classifier.mode.rawValue)]" : file
            print(scoring.report(title: title))
            if compare { print("") }
        }
    }
}

/// Labelled posts from a JSON Lines file; a line that is not one stops with exit 65, an unreadable file with 74.
func readLabelledPosts(_ file: String) throws -> [LabelledPost] {
    guard let data = FileManager.default.contents(atPath: file) else {
        FileHandle.standardError.write(Data("\(file): cannot read the file\n".utf8))
        throw ExitCode(ExitStatus.ioError)
    }
    var posts: [LabelledPost] = []
    for (number, line) in String(decoding: data, as: UTF8.self).split(
        separator: "\n", omittingEmptySubsequences: false
    ).enumerated()
    where !line.trimmingCharacters(in: .whitespaces).isEmpty {
        guard let post = try? JSONDecoder().decode(LabelledPost.self, from: Data(line.utf8)) else {
            FileHandle.standardError.write(
                Data("\(file):\(number + 1): not a labelled post (id, text, expect.categories, expect.alert)\n".utf8))
            throw ExitCode(ExitStatus.dataError)
        }
        posts.append(post)
    }
    return posts
}
