import Foundation

/// Trains a `LinearModel` (docs/model.md, "Training"): logistic regression per head with AdaGrad,
/// a small L2 penalty on the weights a post touches, and a fixed seed, so the same corpus gives the
/// same file byte for byte.
public struct ModelTraining: Sendable {
    public struct Example: Sendable {
        public var words: [String]
        public var categories: Set<ProtocolCategory>

        public init(words: [String], categories: Set<ProtocolCategory>) {
            self.words = words
            self.categories = categories
        }
    }

    public var buckets = 1 << 18
    public var epochs = 12
    public var learningRate: Float = 0.4
    public var l2: Float = 1e-5
    public var seed: UInt64 = 20_261_204
    /// Units of the hidden layer (`HiddenLayer`); 0: the linear heads alone. Measured and not shipped
    /// (docs/model.md, "The hidden layer"); `train --hidden-units` measures it again.
    public var hiddenUnits = 0
    public var hiddenRate: Float = 0.02

    public init() {}

    /// A model with thresholds 0.5/0.5 and no version; the caller sets the header it chose.
    public func train(_ examples: [Example]) -> LinearModel {
        let heads = LinearModel.expectedHeads.count
        let featurizer = TextFeatures(buckets: buckets)
        let rows = examples.map { featurizer.features(of: $0.words).map(\.bucket) }
        let targets = examples.map { example in
            ProtocolCategory.allCases.map { example.categories.contains($0) ? Float(1) : 0 }
                + [example.categories.isEmpty ? 0 : 1]
        }
        // Rare heads weigh their positives up (at most 4×), so they are not drowned by negatives.
        let positiveWeight: [Float] = (0..<heads).map { head in
            let positives = targets.filter { $0[head] > 0 }.count
            guard positives > 0 else { return 1 }
            return min(4, (Float(examples.count - positives) / Float(positives)).squareRoot())
        }
        var weights = [Float](repeating: 0, count: buckets * heads)
        var squares = [Float](repeating: 1e-6, count: buckets * heads)
        var bias = [Float](repeating: 0, count: heads)
        var biasSquares = [Float](repeating: 1e-6, count: heads)
        var random = SplitMix64(seed: seed)
        var layer = HiddenTraining(size: hiddenUnits, buckets: buckets, heads: heads, random: &random)
        var order = Array(examples.indices)
        var gradients = [Float](repeating: 0, count: heads)
        var sums = [Float](repeating: 0, count: heads)
        for _ in 0..<epochs {
            for index in order.indices.reversed() {  // Fisher–Yates with our own generator
                order.swapAt(index, Int(random.next() % UInt64(index + 1)))
            }
            for example in order {
                let features = rows[example]
                let norm = 1 / (Float(features.count) + TextFeatures.smoothing).squareRoot()
                for head in 0..<heads { sums[head] = bias[head] }
                layer.forward(features, norm: norm, into: &sums)
                for head in 0..<heads {
                    var sum = sums[head]
                    for bucket in features { sum += weights[bucket * heads + head] * norm }
                    let probability = 1 / (1 + exp(-sum))
                    let target = targets[example][head]
                    gradients[head] = (probability - target) * (target > 0 ? positiveWeight[head] : 1)
                    biasSquares[head] += gradients[head] * gradients[head]
                    bias[head] -= learningRate * gradients[head] / biasSquares[head].squareRoot()
                }
                layer.backward(features, norm: norm, gradients: gradients, rate: hiddenRate, l2: l2)
                for bucket in features {
                    for head in 0..<heads {
                        let at = bucket * heads + head
                        let gradient = gradients[head] * norm + l2 * weights[at]
                        squares[at] += gradient * gradient
                        weights[at] -= learningRate * gradient / squares[at].squareRoot()
                    }
                }
            }
        }
        let model = quantised(weights: weights, bias: bias, heads: heads)
        guard hiddenUnits > 0 else { return model }
        var header = model.header
        header.hiddenUnits = hiddenUnits
        return LinearModel(
            header: header, scales: model.scales, bias: model.bias, weights: model.weights,
            hidden: layer.quantised())
    }

    private func quantised(weights: [Float], bias: [Float], heads: Int) -> LinearModel {
        let (scales, quantised) = Self.eightBit(weights, columns: heads)
        let header = LinearModel.Header(
            version: "", scheme: TextFeatures.scheme, buckets: buckets, heads: LinearModel.expectedHeads,
            alertThreshold: 0.5, reviewThreshold: 0.5, vetoThreshold: 0, trainedOn: 0, corpusDigest: "")
        return LinearModel(header: header, scales: scales, bias: bias, weights: quantised)
    }
}

extension ModelTraining {
    /// Weights in 8 bits with one scale per column (a head, a hidden unit): the largest magnitude of a
    /// column maps to 127.
    static func eightBit(_ values: [Float], columns: Int) -> (scales: [Float], values: [Int8]) {
        var largest = [Float](repeating: 0, count: columns)
        for index in values.indices { largest[index % columns] = max(largest[index % columns], abs(values[index])) }
        let scales = largest.map { $0 > 0 ? $0 / 127 : 1 }
        let eight = values.indices.map { index in
            Int8(max(-127, min(127, (values[index] / scales[index % columns]).rounded())))
        }
        return (scales, eight)
    }
}

/// A small, fast generator with a seed (Swift's default generator cannot be seeded).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
