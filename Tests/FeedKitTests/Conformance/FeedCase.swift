import Foundation

@testable import FeedKit

/// One line of `../shared/data/feed-cases/manifest_assertions.jsonl`: a feed document from
/// feedparser's test suite and checks over feedparser's result shape.
struct FeedCase {
    struct Assertion {
        var path: [Any]
        var op: String
        var value: Any?
    }

    var path: String
    var folder: String
    var group: String
    var headers: [String: String]
    /// True when feedparser's suite serves the file over HTTP (its URL is then the document's base).
    var http: Bool
    var assertions: [Assertion]?

    init?(json line: Substring) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
            let path = object["path"] as? String
        else { return nil }
        self.path = path
        let parts = path.split(separator: "/")
        folder = String(parts[0])
        group = parts.count > 2 ? String(parts[1]) : ""
        headers = object["headers"] as? [String: String] ?? [:]
        http = object["http"] as? Bool ?? false
        assertions = (object["assertions"] as? [[String: Any]])?.map {
            Assertion(
                path: $0["path"] as? [Any] ?? [], op: $0["op"] as? String ?? "",
                value: $0["value"] is NSNull ? nil : $0["value"])
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.key.lowercased() == name.lowercased() }?.value
    }

    /// The URL feedparser's suite fetched the file from, and Content-Location resolved against it.
    var baseURL: String? {
        let location = header("Content-Location")
        let documentURL = http || location != nil ? "http://127.0.0.1:8097/tests/" + path : nil
        guard let location else { return documentURL }
        return URLResolution.resolve(location, against: documentURL) ?? location
    }

    static func load(from directory: String) throws -> [FeedCase] {
        let text = try String(contentsOfFile: directory + "/manifest_assertions.jsonl", encoding: .utf8)
        return text.split(separator: "\n").compactMap(FeedCase.init(json:))
    }
}
