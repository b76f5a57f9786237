import Foundation

extension Store {
    /// What a dossier hands on of each post in a case: the entry and the response as fetched.
    public struct DossierEvidence: Sendable {
        public var itemID: Int64
        public var url: String
        public var fetchedAt: Date
        public var etag: String?
        public var lastModified: String?
        public var entry: [UInt8]
        public var entrySHA256: String
        public var documentSHA256: String
        /// nil for evidence stored before responses were kept (schema 6).
        public var document: [UInt8]?
    }

    public func dossierEvidence(caseID: Int64) throws -> [DossierEvidence] {
        try db.query(
            """
            SELECT e.item_id, e.url, e.fetched_at, e.etag, e.last_modified, e.raw, e.sha256, e.document_sha256, d.body
            FROM case_items ci JOIN evidence e ON e.item_id = ci.item_id
            LEFT JOIN documents d ON d.sha256 = e.document_sha256
            WHERE ci.case_id = ? ORDER BY e.item_id
            """, [.integer(caseID)]
        ).map { row in
            DossierEvidence(
                itemID: Int64(try row["item_id"].int ?? 0), url: try row["url"].string ?? "",
                fetchedAt: Date(unixSeconds: try row["fetched_at"].int ?? 0), etag: try row["etag"].string,
                lastModified: try row["last_modified"].string, entry: try row["raw"].bytes ?? [],
                entrySHA256: try row["sha256"].string ?? "", documentSHA256: try row["document_sha256"].string ?? "",
                document: try row["body"].bytes)
        }
    }
}
