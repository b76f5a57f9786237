import Testing

@testable import MentionClassify

/// The hidden layer beside the linear heads (docs/model.md, "The hidden layer").
struct HiddenLayerTests {
    /// Posts of six words: a breach when exactly one of two words far apart is in it, not both, not
    /// neither (an exclusive or). No weighing of each feature alone can fit that; the layer can.
    static func example(_ first: Bool, _ last: Bool, filler: Int) -> ModelTraining.Example {
        let fillers = ["de", "bus", "was", "laat", "vandaag", "weer", "en", "toen", "regen", "fiets"]
        let middle = (0..<4).map { fillers[(filler + $0 * 3) % fillers.count] }
        let words = [first ? "zwaard" : "tafel"] + middle + [last ? "draak" : "stoel"]
        return ModelTraining.Example(words: words, categories: first != last ? [.threat] : [])
    }

    static let examples = (0..<120).map { example($0 % 4 < 2, $0 % 2 == 0, filler: $0 / 4) }

    static func trained(hiddenUnits: Int) -> LinearModel {
        var training = ModelTraining()
        training.buckets = 1 << 12
        training.epochs = 40
        training.hiddenUnits = hiddenUnits
        training.hiddenRate = 0.1  // a few posts, many epochs: faster steps
        return training.train(examples)
    }

    /// The share of the four shapes (one word, the other, both, neither) a model judges right.
    static func rightShapes(_ model: LinearModel) -> Int {
        [(true, false), (false, true), (true, true), (false, false)].filter { first, last in
            let held = example(first, last, filler: 7)
            return (model.scores(words: held.words).any > 0.5) == !held.categories.isEmpty
        }.count
    }

    @Test func theLayerLearnsWhatWordsMeanTogether() {
        #expect(Self.rightShapes(Self.trained(hiddenUnits: 8)) == 4)
        #expect(Self.rightShapes(Self.trained(hiddenUnits: 0)) < 4)
    }

    @Test func aModelWithALayerRoundTripsThroughItsFile() throws {
        let model = Self.trained(hiddenUnits: 8)
        #expect(model.header.hiddenUnits == 8)
        let bytes = model.fileBytes()
        let read = try LinearModel(fileBytes: bytes)
        #expect(read.hidden == model.hidden)
        let words = Self.example(true, false, filler: 3).words
        #expect(read.scores(words: words) == model.scores(words: words))
        // The layer adds a scale, a bias and an output weight per head for each unit, and the vectors.
        let heads = LinearModel.expectedHeads.count
        #expect(bytes.count - Self.trained(hiddenUnits: 0).fileBytes().count >= 8 * (2 + heads) * 4 + 8 * 4096)
    }

    @Test func aFileWithoutItsLayerOrWithAnImpossibleOneIsRefused() {
        let model = Self.trained(hiddenUnits: 8)
        var header = model.header
        header.hiddenUnits = 300
        let impossible = LinearModel(
            header: header, scales: model.scales, bias: model.bias, weights: model.weights, hidden: model.hidden)
        #expect(throws: ModelFileError.mismatched("300 hidden units, not 1 to 256")) {
            try LinearModel(fileBytes: impossible.fileBytes())
        }
        // A header naming a layer the bytes do not hold: the file ends early.
        header.hiddenUnits = 8
        let missing = LinearModel(header: header, scales: model.scales, bias: model.bias, weights: model.weights)
        #expect(throws: ModelFileError.corrupt("ends early")) { try LinearModel(fileBytes: missing.fileBytes()) }
    }
}
