/// The hidden layer's part of `ModelTraining`: AdaGrad on its vectors, bias and output weights, in
/// step with the linear heads (both read the same features of the same post).
struct HiddenTraining {
    let size: Int
    let heads: Int
    var vectors: [Float]
    var vectorSquares: [Float]
    var bias: [Float]
    var biasSquares: [Float]
    var output: [Float]
    var outputSquares: [Float]
    /// The last forward pass: each unit's input, and its ReLU.
    private var input: [Float]
    private var units: [Float]

    init(size: Int, buckets: Int, heads: Int, random: inout SplitMix64) {
        self.size = size
        self.heads = heads
        // Small random vectors break the symmetry between units; the output starts at 0, as the heads do.
        let spread: Float = 0.1
        vectors = (0..<(size > 0 ? buckets * size : 0)).map { _ in
            (Float(random.next() >> 40) / Float(1 << 24) * 2 - 1) * spread
        }
        vectorSquares = [Float](repeating: 1e-6, count: vectors.count)
        bias = [Float](repeating: 0, count: size)
        biasSquares = [Float](repeating: 1e-6, count: size)
        output = [Float](repeating: 0, count: size * heads)
        outputSquares = [Float](repeating: 1e-6, count: size * heads)
        input = [Float](repeating: 0, count: size)
        units = [Float](repeating: 0, count: size)
    }

    mutating func forward(_ features: [Int], norm: Float, into sums: inout [Float]) {
        guard size > 0 else { return }
        for unit in 0..<size { input[unit] = bias[unit] }
        vectors.withUnsafeBufferPointer { vectors in
            input.withUnsafeMutableBufferPointer { input in
                for bucket in features {
                    let row = bucket * size
                    for unit in 0..<size { input[unit] += vectors[row + unit] * norm }
                }
            }
        }
        for unit in 0..<size {
            units[unit] = max(0, input[unit])
            guard units[unit] > 0 else { continue }
            for head in 0..<heads { sums[head] += output[unit * heads + head] * units[unit] }
        }
    }

    mutating func backward(_ features: [Int], norm: Float, gradients: [Float], rate: Float, l2: Float) {
        guard size > 0 else { return }
        var unitGradients = [Float](repeating: 0, count: size)
        for unit in 0..<size where input[unit] > 0 {
            var gradient: Float = 0
            for head in 0..<heads {
                let at = unit * heads + head
                gradient += gradients[head] * output[at]
                let step = gradients[head] * units[unit] + l2 * output[at]
                outputSquares[at] += step * step
                output[at] -= rate * step / outputSquares[at].squareRoot()
            }
            unitGradients[unit] = gradient
            biasSquares[unit] += gradient * gradient
            bias[unit] -= rate * gradient / biasSquares[unit].squareRoot()
        }
        vectors.withUnsafeMutableBufferPointer { vectors in
            vectorSquares.withUnsafeMutableBufferPointer { squares in
                for bucket in features {
                    let row = bucket * size
                    for unit in 0..<size where unitGradients[unit] != 0 {
                        let at = row + unit
                        let step = unitGradients[unit] * norm + l2 * vectors[at]
                        squares[at] += step * step
                        vectors[at] -= rate * step / squares[at].squareRoot()
                    }
                }
            }
        }
    }

    /// The layer with its vectors in 8 bits, one scale per unit.
    func quantised() -> HiddenLayer {
        let (scales, eight) = ModelTraining.eightBit(vectors, columns: size)
        return HiddenLayer(size: size, scales: scales, bias: bias, output: output, vectors: eight)
    }
}
