/// Feed autodiscovery in an HTML page (the RSS Advisory Board's "RSS Autodiscovery"):
/// `<link rel="alternate" type="application/rss+xml" href="...">` in the page's head.
enum FeedDiscovery {
    /// In order of preference. Not plain `application/json`: WordPress links its REST API so.
    static let feedTypes = [
        "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json",
    ]

    /// The linked feed's URL, absolute and http(s), of the most preferred type; nil when the page links none.
    static func alternateFeedLink(_ html: MarkupElement, baseURL: String?) -> String? {
        var best: (rank: Int, url: String)?
        var pending = [html]
        var visited = 0
        while let element = pending.popLast(), visited < 10_000 {
            visited += 1
            if element.name.lowercased() == "link",
                let rel = element.attribute("rel")?.lowercased(), rel.split(separator: " ").contains("alternate"),
                let type = element.attribute("type")?.lowercased(), let rank = feedTypes.firstIndex(of: type),
                let href = element.attribute("href")?.trimmed, !href.isEmpty,
                let url = URLResolution.resolve(href, against: element.base ?? baseURL),
                url.lowercased().hasPrefix("http://") || url.lowercased().hasPrefix("https://"),
                !url.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }),
                rank < (best?.rank ?? .max)
            {
                best = (rank, url)
            }
            pending.append(contentsOf: element.children.reversed())
        }
        return best?.url
    }
}
