import Foundation
import MentionClassify

/// A finding's evidence as stored in `findings.evidence` (migration 3): a JSON array, one object a piece,
/// in step with `CategoryFinding.evidence`. A piece keeps its text whole, newlines included.
struct StoredEvidence: Codable, Equatable {
    enum Place: Equatable {
        case at(EvidenceSpan)
        /// A nil span: evidence outside the text (an account name); "start" and "end" are null.
        case outside
        /// No span was given: rows from before migration 3, findings built without spans; no "start" or "end".
        case unknown
    }

    var text: String
    var place: Place

    private enum Key: String, CodingKey { case text, start, end }

    init(text: String, place: Place) {
        self.text = text
        self.place = place
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        text = try container.decode(String.self, forKey: .text)
        let start = try container.decodeIfPresent(Int.self, forKey: .start)
        let end = try container.decodeIfPresent(Int.self, forKey: .end)
        switch (start, end, container.contains(.start) || container.contains(.end)) {
        case (let start?, let end?, _): place = .at(EvidenceSpan(start: start, end: end))
        case (nil, nil, true): place = .outside
        case (nil, nil, false): place = .unknown
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .start, in: container, debugDescription: "start and end must both be set or both null")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(text, forKey: .text)
        switch place {
        case .at(let span):
            try container.encode(span.start, forKey: .start)
            try container.encode(span.end, forKey: .end)
        case .outside:
            try container.encodeNil(forKey: .start)
            try container.encodeNil(forKey: .end)
        case .unknown: break
        }
    }

    /// The column's text for a finding; spans beyond its evidence have no text to belong to, so they are refused.
    static func json(for finding: CategoryFinding) throws -> String {
        guard finding.spans.count <= finding.evidence.count else {
            throw StoreError(
                "\(finding.category.rawValue) finding: \(finding.spans.count) spans for \(finding.evidence.count) pieces of evidence"
            )
        }
        let pieces = finding.evidence.enumerated().map { index, text in
            StoredEvidence(
                text: text,
                place: index < finding.spans.count ? finding.spans[index].map(Place.at) ?? .outside : .unknown)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(pieces), as: UTF8.self)
    }

    /// The evidence and spans back from the column's text; `context` names the finding for the error.
    static func read(_ json: String, of context: String) throws -> (evidence: [String], spans: [EvidenceSpan?]) {
        let pieces: [StoredEvidence]
        do {
            pieces = try JSONDecoder().decode([StoredEvidence].self, from: Data(json.utf8))
        } catch {
            throw StoreError("\(context): evidence is not a JSON array of {text, start, end}: \(error)")
        }
        // Spans are written for a leading run of pieces (all of them, in practice): read them back the same way.
        let placed = pieces.prefix { $0.place != .unknown }
        guard pieces[placed.count...].allSatisfy({ $0.place == .unknown }) else {
            throw StoreError("\(context): evidence with a place after evidence without one")
        }
        let spans = placed.map { piece -> EvidenceSpan? in if case .at(let span) = piece.place { span } else { nil } }
        return (pieces.map(\.text), spans)
    }
}
