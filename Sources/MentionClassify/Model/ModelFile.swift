import FeedKit
import Foundation

/// Why a model file cannot be used; the daemon refuses to start with it (exit 78), naming the path.
public enum ModelFileError: Error, Equatable, CustomStringConvertible {
    case notAModel
    case corrupt(String)
    case mismatched(String)

    public var description: String {
        switch self {
        case .notAModel: return "not a mentionwatch model file"
        case .corrupt(let why): return "corrupt model file: \(why)"
        case .mismatched(let why): return "model file does not fit this mentionwatch: \(why)"
        }
    }
}

/// The model file (docs/model.md, "The file"): little-endian throughout.
///
///     "MWLM" | format 1 (UInt32) | header length (UInt32) | header (JSON)
///     | scale per head (Float32) | bias per head (Float32) | weights (Int8, buckets × heads)
///     [ | scale per unit (Float32) | bias per unit (Float32) | output (Float32, units × heads)
///       | vectors (Int8, buckets × units) ]   only when the header names `hiddenUnits`
///     | SHA-256 of all bytes before it
///
/// The checksum catches a truncated or damaged file; the header's scheme, buckets and heads
/// catch a model built for another feature scheme or other categories.
extension LinearModel {
    static let magic: [UInt8] = Array("MWLM".utf8)
    static let format: UInt32 = 1

    public func fileBytes() -> [UInt8] {
        var bytes = Self.magic
        append(Self.format, to: &bytes)
        let header = (try? JSONEncoder.sorted.encode(self.header)) ?? Data()
        append(UInt32(header.count), to: &bytes)
        bytes += header
        for scale in scales { append(scale.bitPattern, to: &bytes) }
        for value in bias { append(value.bitPattern, to: &bytes) }
        bytes += weights.map { UInt8(bitPattern: $0) }
        if let hidden {
            for value in hidden.scales + hidden.bias + hidden.output { append(value.bitPattern, to: &bytes) }
            bytes += hidden.vectors.map { UInt8(bitPattern: $0) }
        }
        bytes += SHA256.digest(bytes)
        return bytes
    }

    public init(fileBytes bytes: [UInt8]) throws(ModelFileError) {
        guard bytes.count >= 12, Array(bytes[0..<4]) == Self.magic else { throw .notAModel }
        guard bytes.count >= 44 else { throw .corrupt("too short") }
        let body = bytes[0..<(bytes.count - 32)]
        guard SHA256.digest(body) == Array(bytes[(bytes.count - 32)...]) else {
            throw .corrupt("checksum does not match (truncated or damaged)")
        }
        var reader = ByteReader(bytes: Array(body), offset: 4)
        let format = try reader.uint32()
        guard format == Self.format else { throw .mismatched("file format \(format), expected \(Self.format)") }
        let headerLength = Int(try reader.uint32())
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(try reader.take(headerLength)))
        } catch let error as ModelFileError {
            throw error
        } catch {
            throw .corrupt("unreadable header")
        }
        guard header.scheme == TextFeatures.scheme else {
            throw .mismatched("feature scheme \(header.scheme), this build reads \(TextFeatures.scheme)")
        }
        guard header.heads == Self.expectedHeads else {
            throw .mismatched(
                "heads \(header.heads.joined(separator: ",")), expected \(Self.expectedHeads.joined(separator: ","))")
        }
        guard header.buckets > 0, header.buckets & (header.buckets - 1) == 0, header.buckets <= 1 << 24 else {
            throw .mismatched("\(header.buckets) buckets is not a power of two up to 2^24")
        }
        guard [header.alertThreshold, header.reviewThreshold, header.vetoThreshold].allSatisfy((0...1).contains) else {
            throw .corrupt("thresholds outside 0...1")
        }
        // An alert score of another build's features would read the wrong numbers (docs/model.md).
        if let score = header.alertScore {
            guard score.weights.count == AlertScore.featureCount else {
                throw .mismatched(
                    "alert score of \(score.weights.count) weights, this build reads \(AlertScore.featureCount)")
            }
            guard score.weights.allSatisfy(\.isFinite), (0...1).contains(score.threshold) else {
                throw .corrupt("alert score not finite or its threshold outside 0...1")
            }
        }
        let heads = header.heads.count
        var scales: [Float] = []
        var bias: [Float] = []
        for _ in 0..<heads { scales.append(Float(bitPattern: try reader.uint32())) }
        for _ in 0..<heads { bias.append(Float(bitPattern: try reader.uint32())) }
        let weights = try reader.take(header.buckets * heads).map { Int8(bitPattern: $0) }
        var hidden: HiddenLayer?
        if let units = header.hiddenUnits {
            guard (1...256).contains(units) else { throw .mismatched("\(units) hidden units, not 1 to 256") }
            var floats: [Float] = []
            for _ in 0..<(units * (2 + heads)) { floats.append(Float(bitPattern: try reader.uint32())) }
            guard floats.allSatisfy(\.isFinite) else { throw .corrupt("hidden layer not finite") }
            hidden = HiddenLayer(
                size: units, scales: Array(floats[0..<units]), bias: Array(floats[units..<2 * units]),
                output: Array(floats[(2 * units)...]),
                vectors: try reader.take(header.buckets * units).map { Int8(bitPattern: $0) })
        }
        guard reader.offset == body.count else { throw .corrupt("\(body.count - reader.offset) bytes too many") }
        guard scales.allSatisfy(\.isFinite), bias.allSatisfy(\.isFinite) else { throw .corrupt("weights not finite") }
        self.init(header: header, scales: scales, bias: bias, weights: weights, hidden: hidden)
    }

    private func append(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset: Int

    mutating func take(_ count: Int) throws(ModelFileError) -> ArraySlice<UInt8> {
        guard count >= 0, offset + count <= bytes.count else { throw .corrupt("ends early") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func uint32() throws(ModelFileError) -> UInt32 {
        try take(4).reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }
}

extension JSONEncoder {
    fileprivate static var sorted: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }
}
