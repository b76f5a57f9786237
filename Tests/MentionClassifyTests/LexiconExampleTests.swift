import Foundation
import TestSupport
import Testing

@testable import MentionClassify
@testable import MentionConfig
@testable import MentionMatch

/// Every pattern group of the category lexicons proves itself (issue 13, "rules that are general"):
/// a section (`# ---------- title`) carries at least one positive example (`#+ post`) and one
/// negative (`#- post`) directly under its header. A positive must fire an entry of that section at
/// medium or above, aimed so that it alerts (a section of low entries only: a hit of the section
/// is enough); a negative is a near miss that fires no entry of the section at medium or above and
/// raises no alert (a section of low entries only: no hit of the section at all).
/// An example may start with options in brackets: `#+ [author=@djmulder source=news media] ...`.
struct LexiconExampleTests {
    /// The category lexicons; `cues.txt` holds cue lists, not entries.
    static let categoryFiles = [
        "insult.txt", "threat.txt", "gossip.txt", "stalking.txt", "media.txt", "impersonation.txt",
        "discrimination.txt", "staff.txt",
    ]

    struct Example: CustomTestStringConvertible, Sendable {
        var file: String
        var line: Int
        var section: String
        var positive: Bool
        var text: String
        var author = ""
        var source = "forum"
        var media = false
        var testDescription: String { "\(file):\(line) \(positive ? "+" : "-") \(text)" }
    }

    struct Section: CustomTestStringConvertible, Sendable {
        var file: String
        var title: String
        /// The header's line and the last line before the next header, both inclusive.
        var lines: ClosedRange<Int>
        var entries = 0
        /// The highest severity among its entries.
        var severity = Severity.low
        var examples: [Example] = []
        var problems: [String] = []
        var testDescription: String { "\(file):\(lines.lowerBound) \(title)" }

        func contains(_ origin: String) -> Bool {
            let parts = origin.split(separator: ":")
            guard parts.count == 2, String(parts[0]) == file, let line = Int(parts[1]) else { return false }
            return lines.contains(line)
        }
    }

    /// Reads the sections and their examples from lexicon files.
    static func sections(in files: [(name: String, text: String)]) -> [Section] {
        var sections: [Section] = []
        for file in files where categoryFiles.contains(file.name) {
            var current: Section?
            var entriesOutside: [Int] = []
            func close(before line: Int) {
                guard var section = current else { return }
                section.lines = section.lines.lowerBound...(line - 1)
                sections.append(section)
                current = nil
            }
            let lines = file.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for (index, raw) in lines.enumerated() {
                let number = index + 1
                let line = raw.trimmingCharacters(in: .whitespaces)
                if line.hasPrefix("# ----------") {
                    close(before: number)
                    let title = line.dropFirst("# ----------".count).trimmingCharacters(in: .whitespaces)
                    current = Section(file: file.name, title: title, lines: number...number)
                } else if line.hasPrefix("# ==========") {
                    close(before: number)
                } else if line.hasPrefix("#+") || line.hasPrefix("#-") {
                    guard var section = current else {
                        sections.append(
                            Section(
                                file: file.name, title: "(none)", lines: number...number,
                                problems: ["line \(number): an example outside a section"]))
                        continue
                    }
                    if section.entries > 0 {
                        section.problems.append("line \(number): an example below the entries, not under the header")
                    }
                    section.examples.append(
                        example(
                            String(line.dropFirst(2)), file: file.name, line: number, section: section.title,
                            positive: line.hasPrefix("#+")))
                    current = section
                } else if let first = line.split(separator: " ").first, !first.hasPrefix("#"),
                    first != "cue", first != "ignore"
                {
                    guard var section = current else {
                        entriesOutside.append(number)
                        continue
                    }
                    section.entries += 1
                    let fields = line.split(whereSeparator: \.isWhitespace)
                    if fields.count > 1, let severity = Severity(rawValue: String(fields[1])) {
                        section.severity = max(section.severity, severity)
                    }
                    current = section
                }
            }
            close(before: lines.count + 1)
            if !entriesOutside.isEmpty {
                sections.append(
                    Section(
                        file: file.name, title: "(none)", lines: entriesOutside[0]...entriesOutside[0],
                        problems: ["entries outside any section, lines \(entriesOutside)"]))
            }
        }
        return sections
    }

    /// `[author=@x source=news media] text`: the options, then the post.
    static func example(_ body: String, file: String, line: Int, section: String, positive: Bool) -> Example {
        var text = body.trimmingCharacters(in: .whitespaces)
        var item = Example(file: file, line: line, section: section, positive: positive, text: text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            for option in text[text.index(after: text.startIndex)..<close].split(separator: " ") {
                let parts = option.split(separator: "=", maxSplits: 1).map(String.init)
                switch parts[0] {
                case "author": item.author = parts.count > 1 ? parts[1] : ""
                case "source": item.source = parts.count > 1 ? parts[1] : "forum"
                case "media": item.media = true
                default: break
                }
            }
            text = text[text.index(after: close)...].trimmingCharacters(in: .whitespaces)
        }
        item.text = text
        return item
    }

    /// What is wrong with one example, or nil when it proves its section.
    static func problem(with example: Example, in section: Section, classifier: Classifier) -> String? {
        let post = Post(
            id: "example", source: example.source, author: example.author, text: example.text,
            hasMedia: example.media)
        let found = classifier.hits(in: post)
        let assessment = classifier.assess(post)
        let ofSection = found.hits.filter { hit in
            guard case .lexicon(let index) = hit.kind else { return false }
            return section.contains(classifier.lexicon.entries[index].origin)
        }
        func describe(_ hits: [Hit]) -> String {
            hits.map { hit in
                var origin = "\(hit.category.rawValue) (a rule)"
                if case .lexicon(let index) = hit.kind { origin = classifier.lexicon.entries[index].origin }
                let aimed = !hit.aimedAt.isEmpty || hit.aimedAtAuthor
                return "\(origin) \(hit.effectiveSeverity.rawValue)\(aimed ? " aimed" : "")"
            }.joined(separator: ", ")
        }
        let all = describe(found.hits)
        if example.positive {
            if section.severity < .medium {
                return ofSection.isEmpty ? "no hit from the section; hits: [\(all)]" : nil
            }
            let counted = ofSection.filter {
                $0.effectiveSeverity >= .medium && (!$0.aimedAt.isEmpty || $0.aimedAtAuthor)
            }
            if counted.isEmpty {
                return "no aimed hit at medium or above from the section; hits: [\(all)]"
            }
            if !assessment.alert { return "no alert; hits: [\(all)]" }
            return nil
        }
        let firing =
            section.severity < .medium ? ofSection : ofSection.filter { $0.effectiveSeverity >= .medium }
        if !firing.isEmpty { return "the section fires: [\(describe(firing))]" }
        if assessment.alert { return "an alert: [\(all)]" }
        return nil
    }

    static let classifier = Classifier(config: WorldFixture.config)
    static let builtInSections = sections(in: Lexicon.builtInFiles)
    static let positives = builtInSections.flatMap { $0.examples.filter(\.positive) }
    static let negatives = builtInSections.flatMap { $0.examples.filter { !$0.positive } }

    static func section(of example: Example) -> Section? {
        builtInSections.first { $0.file == example.file && $0.lines.contains(example.line) }
    }

    @Test(arguments: builtInSections)
    func everySectionHasAPositiveAndANegativeExample(_ section: Section) {
        #expect(section.problems.isEmpty, "\(section.file), section '\(section.title)': \(section.problems)")
        guard section.entries > 0 else { return }
        #expect(
            section.examples.contains { $0.positive },
            "\(section.file), section '\(section.title)': no positive example (#+)")
        #expect(
            section.examples.contains { !$0.positive },
            "\(section.file), section '\(section.title)': no negative example (#-)")
    }

    @Test func everyCategoryFileHasSections() {
        for file in Self.categoryFiles {
            #expect(Self.builtInSections.contains { $0.file == file && $0.entries > 0 }, "\(file)")
        }
    }

    @Test(arguments: positives)
    func aPositiveFiresItsSection(_ example: Example) throws {
        let section = try #require(Self.section(of: example))
        let problem = Self.problem(with: example, in: section, classifier: Self.classifier)
        #expect(problem == nil, "\(section.testDescription): \(problem ?? "")")
    }

    @Test(arguments: negatives)
    func aNegativeDoesNotFireItsSection(_ example: Example) throws {
        let section = try #require(Self.section(of: example))
        let problem = Self.problem(with: example, in: section, classifier: Self.classifier)
        #expect(problem == nil, "\(section.testDescription): \(problem ?? "")")
    }

    /// The test reads its own input right: sections end at the next header, options are read.
    @Test func theReaderSplitsSectionsAndOptions() {
        let text = """
            # ========== DUTCH
            # ---------- one
            #+ [author=@djmulder source=news media] juf Marieke is een sukkel
            #- een sukkeltje suiker
            insult medium sukkel
            # ---------- two (low)
            #+ kut
            insult low kut
            """
        let found = Self.sections(in: [("insult.txt", text)])
        #expect(found.map(\.title) == ["one", "two (low)"])
        #expect(found.map(\.lines) == [2...5, 6...8])
        #expect(found.map(\.severity) == [.medium, .low])
        let first = found[0].examples[0]
        #expect(first.author == "@djmulder" && first.source == "news" && first.media)
        #expect(first.text == "juf Marieke is een sukkel")
        #expect(found[0].contains("insult.txt:5") && !found[0].contains("insult.txt:7"))
        #expect(found[1].examples.map(\.positive) == [true])
    }
}
