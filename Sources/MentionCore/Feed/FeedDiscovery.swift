/// Feed autodiscovery in an HTML page (the RSS Advisory Board's "RSS Autodiscovery"):
/// `<link rel="alternate" type="application/rss+xml" href="...">` in the page's head.
enum FeedDiscovery {
    static let feedTypes: Set<String> = ["application/rss+xml", "application/atom+xml", "application/feed+json", "application/json", "application/rdf+xml"]

    /// The first linked feed's URL, absolute, or nil when the page links none.
    static func alternateFeedLink(_ html: MarkupElement, baseURL: String?) -> String? {
        var pending = [html]
        var visited = 0
        while let element = pending.popLast(), visited < 10_000 {
            visited += 1
            if element.name.lowercased() == "link",
               let rel = element.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("alternate"),
               let type = element.attribute("type")?.lowercased(), feedTypes.contains(type),
               let href = element.attribute("href")?.trimmed, !href.isEmpty {
                return URLResolution.resolve(href, against: element.base ?? baseURL)
            }
            pending.append(contentsOf: element.children.reversed())
        }
        return nil
    }
}
