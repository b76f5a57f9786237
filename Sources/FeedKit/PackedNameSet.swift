/// A fixed set of packed tag names (`HTMLText.pack`), looked up by one multiply and a probe or
/// two: `Set<UInt64>` hashes with SipHash, which was most of the cost of a tag in `plainText`.
struct PackedNameSet {
    /// Open addressing, linear probing; 0 marks an empty slot (no name packs to 0 but the
    /// overlong ones, which are never members).
    private let slots: [UInt64]

    init(_ names: [UInt64]) {
        var slots = [UInt64](repeating: 0, count: 128)  // at most a third full: short probes
        precondition(names.count <= 42, "PackedNameSet holds at most 42 names")
        for name in names where name != 0 {
            var slot = Self.slot(name)
            while slots[slot] != 0, slots[slot] != name { slot = (slot + 1) & 127 }
            slots[slot] = name
        }
        self.slots = slots
    }

    func contains(_ name: UInt64) -> Bool {
        guard name != 0 else { return false }
        var slot = Self.slot(name)
        while slots[slot] != 0 {
            if slots[slot] == name { return true }
            slot = (slot + 1) & 127
        }
        return false
    }

    private static func slot(_ name: UInt64) -> Int { Int(truncatingIfNeeded: (name &* 0x9E37_79B9_7F4A_7C15) >> 57) }
}
