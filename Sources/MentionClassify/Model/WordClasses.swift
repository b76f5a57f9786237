/// Classes of words that the model weighs as a class as well as one by one (docs/model.md, "Word
/// classes"): a praise or an insult it never saw in training still weighs as its class, so "⟨p⟩ is
/// a gem" is not read as "⟨p⟩ is a …" alone.
enum WordClasses {
    /// A normalised word's polarity: -2 very negative, -1 negative, 1 positive, 2 very positive.
    /// From `Lexicon/polarity.txt`, which `tools/polarity.py` makes from Pattern's and VADER's
    /// lexicons, and `Lexicon/polarity-nouns.txt`, written by hand: nouns of praise and contempt for a
    /// person, which those lexicons of adjectives lack. Where both have a word, polarity.txt's counts.
    static let polarity: [String: Int8] = parse(String(decoding: PackageResources.polarity_txt, as: UTF8.self))
        .merging(parse(String(decoding: PackageResources.polarity_nouns_txt, as: UTF8.self))) { generated, _ in
            generated
        }

    static func parse(_ text: String) -> [String: Int8] {
        var classes: [String: Int8] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let value = Int8(fields[1]) else { continue }
            classes[TextFeatures.normalised(String(fields[0]))] = value
        }
        return classes
    }
}
