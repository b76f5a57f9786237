import Foundation
import Testing

@testable import FeedKit

/// A JSON Feed is known by its `version` (https://jsonfeed.org/version/1 or /1.1). One with a wrong
/// or missing version but a JSON Feed's shape is read and flagged as malformed; other JSON is refused.
struct JSONFeedVersionTests {
    static func json(version: String?, extra: String = #""title": "Ouderraad De Zeehoek","#) -> [UInt8] {
        let versionField = version.map { #""version": \#($0),"# } ?? ""
        return Array(
            """
            {\(versionField) \(extra)
             "items": [{"id": "1", "content_text": "Open dag bij juf Marieke", "tags": ["open dag"]}]}
            """.utf8)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var document: [UInt8]
        var format: FeedFormat
        var malformed: Bool
        var testDescription: String { name }
    }

    static let readCases: [Case] = [
        Case(
            name: "version 1.1", document: json(version: #""https://jsonfeed.org/version/1.1""#), format: .json11,
            malformed: false),
        Case(
            name: "version 1", document: json(version: #""https://jsonfeed.org/version/1""#), format: .json10,
            malformed: false),
        Case(
            name: "http instead of https", document: json(version: #""http://jsonfeed.org/version/1""#),
            format: .json10,
            malformed: true),
        Case(
            name: "a trailing slash", document: json(version: #""https://jsonfeed.org/version/1.1/""#), format: .json11,
            malformed: true),
        Case(
            name: "a version that does not exist", document: json(version: #""https://jsonfeed.org/version/2""#),
            format: .json11, malformed: true),
        Case(name: "a bare number", document: json(version: "1.1"), format: .json11, malformed: true),
        Case(name: "no version, but a title and items", document: json(version: nil), format: .json11, malformed: true),
        Case(
            name: "no version, a home_page_url and items",
            document: json(version: nil, extra: #""home_page_url": "https://ouders.example/","#), format: .json11,
            malformed: true),
        Case(
            name: "no version, a feed_url and items",
            document: json(version: nil, extra: #""feed_url": "https://ouders.example/feed.json","#), format: .json11,
            malformed: true),
    ]

    @Test(arguments: readCases)
    func readsAJSONFeed(_ testCase: Case) throws {
        let feed = try FeedParser.parse(testCase.document)
        #expect(feed.format == testCase.format)
        #expect(feed.malformed == testCase.malformed)
        #expect(feed.title == nil || feed.title == "Ouderraad De Zeehoek")
        let item = try #require(feed.items.first)
        #expect(item.text == "Open dag bij juf Marieke")
        #expect(item.categories == [FeedCategory(term: "open dag")])
    }

    static let refusedCases: [(String, [UInt8], String)] = [
        (
            "items without any JSON Feed field", json(version: nil, extra: #""count": 1,"#),
            "JSON without a JSON Feed version"
        ),
        (
            "a title without items", Array(#"{"title": "Ouderraad", "entries": []}"#.utf8),
            "JSON without a JSON Feed version"
        ),
        (
            "items that are not an array", Array(#"{"title": "Ouderraad", "items": {}}"#.utf8),
            "JSON without a JSON Feed version"
        ),
        (
            "a version from elsewhere", Array(#"{"version": "2.0", "data": [1]}"#.utf8),
            "JSON without a JSON Feed version"
        ),
        ("JSON cut short", Array(#"{"title": "Ouderraad", "items": ["#.utf8), "JSON that is not an object"),
    ]

    @Test(arguments: refusedCases)
    func refusesOtherJSON(_ name: String, _ document: [UInt8], _ reason: String) {
        #expect(throws: FeedParseError.notAFeed(rootElement: reason), "\(name)") { try FeedParser.parse(document) }
    }
}
