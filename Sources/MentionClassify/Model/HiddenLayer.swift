/// A hidden layer beside the linear heads (docs/model.md, "The hidden layer"): each feature bucket
/// has a short vector; a post's vectors are summed (scaled as the linear part is), passed through a
/// ReLU, and each head adds a weighted sum of the result to its log-odds. The linear heads weigh each
/// feature alone; the layer lets features weigh together ("⟨p⟩" near "pakken" is not "pakken").
public struct HiddenLayer: Sendable, Equatable {
    /// Units of the layer.
    public let size: Int
    /// One scale per unit for the 8-bit vectors.
    public let scales: [Float]
    public let bias: [Float]
    /// `size × heads`, one row per unit.
    public let output: [Float]
    /// `buckets × size`, one row per bucket.
    public let vectors: [Int8]

    public init(size: Int, scales: [Float], bias: [Float], output: [Float], vectors: [Int8]) {
        self.size = size
        self.scales = scales
        self.bias = bias
        self.output = output
        self.vectors = vectors
    }

    /// Adds the layer's part to each head's log-odds.
    func add(to sums: inout [Float], buckets: [Int], norm: Float) {
        let heads = sums.count
        var units = bias
        vectors.withUnsafeBufferPointer { vectors in
            units.withUnsafeMutableBufferPointer { units in
                for bucket in buckets {
                    let row = bucket * size
                    for unit in 0..<size { units[unit] += Float(vectors[row + unit]) * scales[unit] * norm }
                }
            }
        }
        for unit in 0..<size where units[unit] > 0 {
            for head in 0..<heads { sums[head] += output[unit * heads + head] * units[unit] }
        }
    }
}
