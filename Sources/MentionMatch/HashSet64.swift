/// A set of 64-bit hashes in one open-addressing table: a lookup is a multiply and a probe or
/// two, where `Set<UInt64>` runs SipHash first. Values are hashes already, so 0 and 1 share a slot
/// (a false yes is harmless where this is used: it only sends a post the long way).
struct HashSet64: Sendable {
    private var slots: [UInt64]
    private let shift: UInt64

    init(_ values: some Collection<UInt64>) {
        var bits: UInt64 = 3
        while 1 << bits < values.count * 2 { bits += 1 }
        shift = 64 - bits
        slots = [UInt64](repeating: 0, count: 1 << bits)
        for value in values where !contains(value) {
            var slot = index(value)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = max(value, 1)
        }
    }

    private func index(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: (max(value, 1) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    func contains(_ value: UInt64) -> Bool {
        let value = max(value, 1)
        var slot = index(value)
        while slots[slot] != 0 {
            if slots[slot] == value { return true }
            slot = (slot + 1) & (slots.count - 1)
        }
        return false
    }
}
