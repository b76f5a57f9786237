import CCrypto

/// SHA-256 (FIPS 180-4) from OpenSSL's libcrypto. The digest is evidence the MT may hand on,
/// so it comes from a vetted implementation, not our own code.
public enum SHA256 {
    /// The 32-byte digest of `bytes`.
    public static func digest(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        // Arrays, slices and native strings' UTF-8 hand out contiguous storage;
        // anything else is copied once.
        if let result = bytes.withContiguousStorageIfAvailable({ hash($0) }) { return result }
        return Array(bytes).withUnsafeBufferPointer { hash($0) }
    }

    /// The digest of `bytes` as 64 lowercase hex characters.
    public static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let hexDigits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest(bytes) {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hash(_ buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            // An empty buffer may have no base address; libcrypto wants a pointer all the same.
            let result = withUnsafePointer(to: UInt8(0)) { empty in
                CCrypto.SHA256(buffer.baseAddress ?? empty, buffer.count, out.baseAddress)
            }
            // OpenSSL 3 returns NULL when it cannot digest (no provider, no memory). The digest names
            // items and messages: 32 bytes of garbage would store an item twice and mail it twice.
            precondition(result != nil, "libcrypto's SHA-256 failed")
            count = 32
        }
    }
}
