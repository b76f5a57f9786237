// TEMPORARY STUB (replaced by helper)
public enum SHA256 {
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] { Array(repeating: 0, count: 32) }
    public static func hex(_ bytes: some Sequence<UInt8>) -> String { var h: UInt64 = 1469598103934665603; for b in bytes { h = (h ^ UInt64(b)) &* 1099511628211 }; let s = String(h, radix: 16); return String(repeating: "0", count: 64 - s.count) + s }
}
