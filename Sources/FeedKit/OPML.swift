import Foundation

/// OPML 2.0 subscription lists (http://opml.org/spec2.opml), the feed readers' way to exchange
/// feeds: `<outline type="rss" xmlUrl="…" htmlUrl="…" text="…">`, nested in category outlines.
/// Read strictly: a list is imported whole or not at all, so every problem comes with its line.
public enum OPML {
    public struct Outline: Sendable, Equatable {
        public var text: String?
        public var xmlURL: String
        public var htmlURL: String?
        /// The enclosing category outlines' texts, outermost first.
        public var categories: [String]
        public var line: Int

        public init(text: String?, xmlURL: String, htmlURL: String? = nil, categories: [String] = [], line: Int = 0) {
            (self.text, self.xmlURL, self.htmlURL, self.categories, self.line) = (
                text, xmlURL, htmlURL, categories, line
            )
        }
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// Every problem of a refused list.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var problems: [Problem]
        public var description: String { problems.map(\.description).joined(separator: "\n") }
    }

    /// Bigger than any subscription list; the parser's own limits still apply within it.
    public static let maxBytes = 4 << 20

    /// The feeds of an OPML document, or every problem found (each with its line; 0: the whole file).
    public static func read(_ bytes: [UInt8]) throws(Invalid) -> [Outline] {
        guard bytes.count <= maxBytes else {
            throw Invalid(problems: [
                Problem(line: 0, message: "larger than \(maxBytes) bytes: not a subscription list")
            ])
        }
        // The XML declaration's encoding (ISO-8859-1 from old readers, UTF-16) read as feeds are.
        let decoded = CharacterDecoding.decode(bytes, httpCharset: nil)
        let bytes = decoded.utf8
        var parser = MarkupParser(bytes)
        let root: MarkupElement?
        do {
            root = try parser.parse()
        } catch {
            throw Invalid(problems: [Problem(line: 0, message: "\(error)")])
        }
        if decoded.damaged {
            throw Invalid(problems: [Problem(line: 0, message: "bytes that are not text in the declared encoding")])
        }
        if parser.malformed {
            let line = lineNumber(at: parser.malformedAt ?? 0, in: bytes)
            throw Invalid(problems: [Problem(line: line, message: "not well-formed XML")])
        }
        guard let root, root.name == "opml" else {
            throw Invalid(problems: [Problem(line: 1, message: "not OPML (the root element is not <opml>)")])
        }
        guard let body = root.children.first(where: { $0.name == "body" }) else {
            throw Invalid(problems: [
                Problem(line: lineNumber(at: root.outerRange.lowerBound, in: bytes), message: "<opml> has no <body>")
            ])
        }
        var outlines: [Outline] = []
        var problems: [Problem] = []
        func walk(_ element: MarkupElement, categories: [String]) {
            for child in element.children where child.name == "outline" {
                let line = lineNumber(at: child.outerRange.lowerBound, in: bytes)
                let text = (child.attribute("text") ?? child.attribute("title"))?.trimmed.nonEmpty
                let type = child.attribute("type")?.lowercased()
                if let url = child.attribute("xmlUrl")?.trimmed {
                    if let problem = urlProblem(url) {
                        problems.append(Problem(line: line, message: "outline \(quoted(text)): xmlUrl \(problem)"))
                    } else {
                        outlines.append(
                            Outline(
                                text: text, xmlURL: url, htmlURL: child.attribute("htmlUrl")?.trimmed.nonEmpty,
                                categories: categories, line: line))
                    }
                } else if type == "rss" || type == "atom" {
                    problems.append(
                        Problem(line: line, message: "outline \(quoted(text)) of type \(type!) has no xmlUrl"))
                }
                // An outline without xmlUrl is a category (or a note): its children are in it.
                walk(child, categories: child.attribute("xmlUrl") == nil ? categories + [text ?? ""] : categories)
            }
        }
        walk(body, categories: [])
        guard problems.isEmpty else { throw Invalid(problems: problems) }
        return outlines
    }

    /// Only http and https: a list from elsewhere must not point the daemon at local files.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            let scheme = url.split(separator: ":", maxSplits: 1).first.map { "\($0):" } ?? url
            return "must be http or https, not '\(scheme.prefix(20))'"
        }
        let rest = url.dropFirst(lower.hasPrefix("https://") ? 8 : 7)
        guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }),
            let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first, !host.isEmpty,
            URL(string: url)?.host?.isEmpty == false
        else { return "is not a valid URL with a host: '\(url.prefix(200))'" }
        return nil
    }

    static func quoted(_ text: String?) -> String { text.map { "'\($0.prefix(80))'" } ?? "(no text)" }

    static func lineNumber(at offset: Int, in bytes: [UInt8]) -> Int {
        1 + bytes[..<min(offset, bytes.count)].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// An OPML 2.0 document of `feeds`, grouped in a category outline each (in first-seen order).
    public static func write(title: String, feeds: [(text: String, xmlURL: String, category: String)]) -> String {
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head>
                <title>\(escape(title))</title>
              </head>
              <body>

            """
        var categories: [String] = []
        for feed in feeds where !categories.contains(feed.category) { categories.append(feed.category) }
        for category in categories {
            out += "    <outline text=\"\(escape(category))\">\n"
            for feed in feeds where feed.category == category {
                out +=
                    "      <outline type=\"rss\" text=\"\(escape(feed.text))\" title=\"\(escape(feed.text))\" xmlUrl=\"\(escape(feed.xmlURL))\"/>\n"
            }
            out += "    </outline>\n"
        }
        return out + "  </body>\n</opml>\n"
    }

    /// Text for an attribute or element: the five XML specials, and line breaks kept in attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
