import Foundation

/// Which configured account wrote a post: the school's or a staff member's handles (`handles:` in
/// feeds.yaml). Apart from `Matcher`, so the alert mail can say who the author is without building
/// the name automaton.
public struct AccountOwners: Sendable {
    /// Handles ("name", or "name@server" when configured with a server) to the entity they belong to.
    private let handles: [String: String]
    /// The same, by name only: for authors whose server a feed does not give.
    private let serverlessOwners: [String: String]

    public init(school: School, staff: [StaffMember]) {
        var handles: [String: String] = [:]
        for handle in school.handles { handles[Self.handleKey(handle)] = "school" }
        for member in staff { for handle in member.handles { handles[Self.handleKey(handle)] = member.id } }
        self.handles = handles
        // Sorted so that an ambiguous author without a server resolves the same way every time.
        serverlessOwners = Dictionary(
            handles.sorted { $0.key < $1.key }.map { (String($0.key.prefix { $0 != "@" }), $0.value) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Whether the school or a staff member has configured handles (so any other handle is not theirs).
    public func hasHandles(_ entity: String) -> Bool {
        handles.values.contains(entity)
    }

    /// The school ("school") or staff member (its id) who owns the account that wrote a post, if any.
    /// A handle configured with its server ("@djmulder@social.example") matches only on that server,
    /// so the same name on another server (a likely impersonation) is not taken for the real account.
    public func owner(ofAuthor author: String) -> String? {
        let key = Self.handleKey(author)
        guard !key.isEmpty else { return nil }
        if let entity = handles[key] { return entity }
        let name = String(key.prefix { $0 != "@" })
        if key.contains("@") { return handles[name] }  // configured without a server: any server
        return serverlessOwners[name]  // the feed gave no server
    }

    /// "@DJMulder@Social.Example" → "djmulder@social.example"; "@djmulder" and "djmulder" → "djmulder";
    /// "@djmulder_" stays "djmulder_".
    static func handleKey(_ handle: String) -> String {
        var text = Substring(handle.trimmingCharacters(in: .whitespaces))
        if text.hasPrefix("@") { text = text.dropFirst() }
        let parts = text.split(separator: "@", maxSplits: 1)
        guard let name = parts.first else { return "" }
        // Handles as written, only case folded: "@djmulder_" and "@fatma.yilmaz.docent" are other
        // accounts than "@djmulder" and "@fatma_yilmaz_docent" (look-alikes are how impostors work).
        let folded = name.lowercased()
        return parts.count == 2 ? folded + "@" + parts[1].lowercased() : folded
    }
}
