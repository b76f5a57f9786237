// TEMPORARY STUB (replaced by helper)
public enum HTMLEntities {
    public static func character(named name: some StringProtocol) -> String? { nil }
    public static func decode(_ text: String) -> String { text }
}
