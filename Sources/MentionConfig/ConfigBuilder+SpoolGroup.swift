internal import Yams

extension ConfigBuilder {
    /// `alerts.spool_group` / `digest.spool_group`: the group a Maildir is shared with. Only a Maildir
    /// has one; the name must exist on this machine (checked through the adapter's `isKnownGroup`).
    mutating func spoolGroup(_ map: [String: Node], _ section: String, spool: SpoolTarget) -> String? {
        guard let node = map["spool_group"], let name = reader.string(node, "\(section).spool_group") else {
            return nil
        }
        guard case .maildir = spool else {
            reader.report(
                node, "\(section).spool_group", "applies to a maildir: spool only; \(section).spool is not one")
            return nil
        }
        guard isKnownGroup(name) else {
            reader.report(
                node, "\(section).spool_group",
                "no group '\(name)' on this machine (create it, e.g. with groupadd, or name an existing one)")
            return nil
        }
        return name
    }

    /// The coordinator's Maildir is shared with the alerts' group unless `digest.spool_group` says otherwise.
    func inheritSpoolGroup(_ digest: inout DigestSettings, from alerts: AlertSettings, digestNode: Node?) {
        if case .mapping(let mapping) = digestNode, mapping[Node("spool_group")] != nil { return }
        guard case .maildir = digest.spool else { return }
        digest.spoolGroup = alerts.spoolGroup
    }
}
