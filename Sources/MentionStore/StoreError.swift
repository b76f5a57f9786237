/// A stored value the store cannot turn back into what it meant: reading it fails rather than
/// dropping or guessing it (a finding lost in the outbox is an alert never sent).
public struct StoreError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }

    init(_ message: String) { self.message = message }
}

extension Row {
    /// The column's text as a case of `T`; `context` names the row for the error (e.g. "item 12").
    func decode<T: RawRepresentable>(_ type: T.Type, _ column: String, of context: @autoclosure () -> String) throws
        -> T
    where T.RawValue == String {
        let value = try self[column]
        guard let text = value.string else { throw StoreError("\(context()): \(column) is \(value), not text") }
        guard let decoded = T(rawValue: text) else { throw StoreError("\(context()): unknown \(column) \"\(text)\"") }
        return decoded
    }
}
