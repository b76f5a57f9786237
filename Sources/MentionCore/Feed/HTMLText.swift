// TEMPORARY STUB (replaced by helper)
public enum HTMLText {
    public static func plainText(_ html: String) -> String { html }
}
