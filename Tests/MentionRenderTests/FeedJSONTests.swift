import FeedKit
import Foundation
import Testing

@testable import MentionRender

/// `mentionwatch parse --json` (docs/feed-parser.md): categories with term, label and scheme, left out when absent.
struct FeedJSONTests {
    @Test func categoriesCarryTermLabelAndScheme() throws {
        var item = FeedItem(id: "1", title: "Open dag")
        item.categories = [FeedCategory(term: "open-dag", label: "Open dag", scheme: "https://zeehoek-pro.nl/tags")]
        var feed = Feed(format: .atom10, title: "De Zeehoek", items: [item, FeedItem(id: "2")])
        feed.categories = [FeedCategory(term: "onderwijs")]
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(FeedJSON(feed).encoded().utf8)) as? [String: Any])
        #expect((json["categories"] as? [[String: String]]) == [["term": "onderwijs"]])
        let items = try #require(json["items"] as? [[String: Any]])
        #expect(
            (items[0]["categories"] as? [[String: String]]) == [
                ["term": "open-dag", "label": "Open dag", "scheme": "https://zeehoek-pro.nl/tags"]
            ])
        #expect(items[1]["categories"] == nil)
    }
}
