import Foundation

/// The learned text classifier: one logistic regression per head over `TextFeatures`
/// (docs/model.md). A head per protocol category, and `any`: "this post commits some breach",
/// which decides the tier. Weights are 8-bit with one scale per head, so a model of 2^18
/// buckets and 11 heads is under 3 MB.
public struct LinearModel: Sendable {
    /// What the model file says of itself.
    public struct Header: Codable, Sendable, Equatable {
        /// The release of the model, shown by `mentionwatch check` and in the docs' scores.
        public var version: String
        public var scheme: Int
        public var buckets: Int
        /// The heads in weight order: category raw values, then "any".
        public var heads: [String]
        /// Thresholds chosen by cross-validation on the training corpus (docs/model.md).
        public var alertThreshold: Double
        public var reviewThreshold: Double
        public var vetoThreshold: Double
        /// A post the model holds more likely than not a threat alerts from this belief on (below
        /// `alertThreshold`): a missed threat costs more than a false alarm. Nil in older files: off.
        public var threatThreshold: Double?
        /// The same for other categories (raw value → bar; `ModelThresholds.categoryAlert`). Nil in
        /// older files (before 2026.12.54): none.
        public var categoryAlertThresholds: [String: CategoryAlert]?
        /// From which belief each category is named. Nil in older files: `CategoryThresholds.standard`.
        public var categoryThresholds: CategoryThresholds?
        /// The alert score's weights and threshold (`AlertScore`). Nil in older files (before
        /// 2026.12.59): the thresholds above decide.
        public var alertScore: AlertScore?
        /// The belief from which a post at a possible target that points at one person or at the school
        /// alerts (`ModelThresholds.possibleAlert`). Nil in older files (before 2026.12.66): never.
        public var possibleAlertThreshold: Double?
        /// Units of the hidden layer (`HiddenLayer`). Nil: none (no release has one; docs/model.md).
        public var hiddenUnits: Int?
        /// How many posts it was trained on, and the SHA-256 of the training files.
        public var trainedOn: Int
        public var corpusDigest: String
    }

    public let header: Header
    public let features: TextFeatures
    public let scales: [Float]
    public let bias: [Float]
    /// `buckets × heads`, one row per bucket.
    public let weights: [Int8]
    /// Nil: the linear heads alone, as in every release (measured, not shipped: docs/model.md, "The hidden layer").
    public let hidden: HiddenLayer?

    public static var expectedHeads: [String] { ProtocolCategory.allCases.map(\.rawValue) + ["any"] }

    public init(header: Header, scales: [Float], bias: [Float], weights: [Int8], hidden: HiddenLayer? = nil) {
        self.header = header
        self.hidden = hidden
        self.features = TextFeatures(buckets: header.buckets)
        self.scales = scales
        self.bias = bias
        self.weights = weights
    }

    /// The model's judgement of one post.
    public struct Scores: Sendable, Equatable {
        /// The probability of a breach of each category.
        public var categories: [ProtocolCategory: Double]
        /// The probability of any breach.
        public var any: Double
        /// The words that weighed most for `any`, heaviest first.
        public var words: [String]
    }

    public func scores(words: [String]) -> Scores {
        let found = features.features(of: words)
        let heads = header.heads.count
        var sums = bias
        // Sums are kept per feature for the "any" head, to name the words that weighed most.
        var perWord = [Float](repeating: 0, count: words.count)
        let anyHead = heads - 1
        let norm = 1 / (Float(found.count) + TextFeatures.smoothing).squareRoot()
        weights.withUnsafeBufferPointer { weights in
            for feature in found {
                let row = feature.bucket * heads
                for head in 0..<heads {
                    sums[head] += Float(weights[row + head]) * scales[head] * norm
                }
                if feature.word >= 0 { perWord[feature.word] += Float(weights[row + anyHead]) * scales[anyHead] }
            }
        }
        hidden?.add(to: &sums, buckets: found.map(\.bucket), norm: norm)
        var categories: [ProtocolCategory: Double] = [:]
        for (index, category) in ProtocolCategory.allCases.enumerated() {
            categories[category] = Self.sigmoid(sums[index])
        }
        let heaviest = perWord.indices.filter { perWord[$0] > 0 && !words[$0].hasPrefix("⟨") }
            .sorted { perWord[$0] > perWord[$1] }
        var named: [String] = []
        for index in heaviest where !named.contains(words[index]) && named.count < 3 { named.append(words[index]) }
        return Scores(categories: categories, any: Self.sigmoid(sums[anyHead]), words: named)
    }

    static func sigmoid(_ value: Float) -> Double { 1 / (1 + exp(-Double(value))) }
}
