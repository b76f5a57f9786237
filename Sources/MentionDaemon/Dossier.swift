import FeedKit
import Foundation
import MentionRender
import MentionStore

/// Writes a case's evidence dossier: a folder the MT can hand to the police or the board
/// (docs/operations.md, "Evidence dossier"). The page is rendered by `DossierPage`; this adapter
/// reads the database and writes the files, the checksums last.
extension Monitor {
    public enum DossierError: Error, CustomStringConvertible {
        case notEmpty(String)

        public var description: String {
            switch self {
            case .notEmpty(let path): "\(path) exists and is not empty: a dossier is written into a new folder"
            }
        }
    }

    /// The files written, in the order of SHA256SUMS.
    /// - Throws: `CaseError.unknown`, `DossierError.notEmpty`, and file or database errors as they come.
    @discardableResult
    public func writeDossier(_ id: String, to folder: String) throws -> [String] {
        guard let summary = try store.caseSummary(id) else { throw CaseError.unknown(id) }
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: folder), !existing.isEmpty {
            throw DossierError.notEmpty(folder)
        }
        try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files: [(name: String, bytes: [UInt8])] = []
        var posts: [DossierInput.Post] = []
        for (number, evidence) in try store.dossierEvidence(caseID: summary.id).enumerated() {
            guard let content = try store.alertContent(itemID: evidence.itemID) else { continue }
            let entryFile = "bericht-\(number + 1)-\(content.caseNumber).xml"
            files.append((entryFile, evidence.entry))
            var responseFile: String?
            if let document = evidence.document {
                let name = "feed-\(evidence.documentSHA256.prefix(16)).xml"
                if !files.contains(where: { $0.name == name }) { files.append((name, document)) }
                responseFile = name
            }
            posts.append(
                DossierInput.Post(
                    content: content, url: evidence.url, entryFile: entryFile, entrySHA256: evidence.entrySHA256,
                    responseFile: responseFile, responseSHA256: evidence.documentSHA256))
        }
        let history = try store.caseHistory(summary.id).map {
            DossierInput.HistoryLine(at: $0.at, by: $0.by, action: $0.action, state: $0.state.rawValue, note: $0.note)
        }
        let input = DossierInput(
            caseNumber: summary.number, state: summary.state.rawValue, takenBy: summary.takenBy, history: history,
            posts: posts, madeAt: now())
        let page = DossierPage(config: config)
        files.insert(("index.html", Array(page.html(input).utf8)), at: 0)
        files.append(("LEESMIJ.txt", Array(page.readme(input).utf8)))
        for file in files {
            try Data(file.bytes).write(to: URL(fileURLWithPath: folder + "/" + file.name), options: .atomic)
        }
        let sums = DossierPage.checksums(files.map { ($0.name, SHA256.hex($0.bytes)) })
        try Data(sums.utf8).write(to: URL(fileURLWithPath: folder + "/SHA256SUMS"), options: .atomic)
        logger.notice("dossier of case \(summary.number) written to \(folder)")
        return files.map(\.name) + ["SHA256SUMS"]
    }
}
