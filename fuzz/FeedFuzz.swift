// libFuzzer entry point for the feed parser (Sources/FeedKit/).
// Built by fuzz/build.sh together with the FeedKit sources as one module;
// libFuzzer supplies `main`, so this file is compiled with -parse-as-library.
//
// Input layout: when the first byte is 0x01...0x06 it picks the HTTP Content-Type
// (see `contentTypes`) and the document is the rest; any other first byte means
// "no Content-Type" and the whole input is the document, so plain feed files work
// as seeds unchanged.

import Foundation

private let contentTypes: [String?] = [
    nil,
    "text/xml; charset=windows-1252",
    "application/xml; charset=utf-16",
    "text/xml; charset=iso-8859-2",
    "application/feed+json",
    "application/rss+xml; charset=\"ISO-8859-1\"",
    "application/atom+xml; charset=utf-8",
]

/// Relative links in the feed resolve against this (URLResolution).
private let baseURL = "https://example.org/news/feeds/main.xml?page=1"

/// Keeps results alive so the optimiser cannot drop the work.
@inline(never)
private func consume<T>(_ value: T) {
    withExtendedLifetime(value) {}
}

private func exercise(_ date: Date?) {
    guard let date else { return }
    consume(FeedDate.rfc3339(date))
    consume(FeedDate.rfc5322(date))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    var contentType: String? = nil
    var document = Array(input)
    if let first = input.first, (1...6).contains(first) {
        contentType = contentTypes[Int(first)]
        document.removeFirst()
    }

    // 1. The parser itself, and every derived value the daemon reads.
    if let feed = try? FeedParser.parse(document, contentType: contentType, baseURL: baseURL) {
        consume(feed.title); consume(feed.link); consume(feed.description); consume(feed.language)
        consume(feed.ttl); consume(feed.format.rawValue); consume(feed.malformed); consume(feed.categories)
        exercise(feed.updated)
        for item in feed.items {
            consume(item.text)
            consume(item.identity)
            consume(item.authors); consume(item.categories); consume(item.media); consume(item.raw.count)
            exercise(item.published)
            exercise(item.updated)
            if let title = item.title { consume(HTMLText.plainText(title)) }
        }
        consume(feed == feed)
    }

    // 2. HTML to plain text on the whole document, read as UTF-8.
    let text = String(decoding: document, as: UTF8.self)
    consume(HTMLText.plainText(text))

    // 3. Dates: the whole document (FeedDate refuses > 256 bytes) and each of its first lines.
    exercise(FeedDate.parse(text))
    var lines = 0
    for line in document.split(separator: 0x0A, omittingEmptySubsequences: true) {
        exercise(FeedDate.parse(String(decoding: line, as: UTF8.self)))
        lines += 1
        if lines == 64 { break }
    }
    return 0
}
