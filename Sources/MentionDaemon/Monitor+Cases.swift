import Foundation
import MentionRender
import MentionStore

extension Monitor {
    /// Cases, newest first (`mentionwatch cases`).
    public func cases(openOnly: Bool, person: String?) throws -> [CaseSummary] {
        try store.cases(openOnly: openOnly, person: person)
    }

    /// One case with its history and its alerts as they were mailed (`mentionwatch case MW-000042`).
    public func caseDetail(_ id: String) throws -> (summary: CaseSummary, history: [CaseEvent], alerts: [AlertContent])?
    {
        guard let summary = try store.caseSummary(id) else { return nil }
        let alerts = try summary.itemIDs.compactMap { try store.alertContent(itemID: $0) }
        return (summary, try store.caseHistory(summary.id), alerts)
    }

    /// Takes, closes or marks a case as a false alarm; the journal says who did what.
    /// - Throws: `CaseError` for an unknown or closed case; database errors as they come.
    @discardableResult
    public func act(on id: String, _ action: CaseAction, by person: String, note: String?) throws -> CaseSummary {
        let changed = try store.act(on: id, action, by: person, at: now(), note: note)
        logger.notice("case \(changed.number) \(changed.state.rawValue) by \(person)")
        return changed
    }
}

extension Monitor {
    /// The posts people judged false alarms (`mentionwatch false-alarms`).
    public func falseAlarms() throws -> [FalseAlarm] {
        try store.falseAlarms()
    }
}
