/// Texts strung together from `pieces` at random, the same on every run (SplitMix64 from `seed`):
/// `count` texts of up to `longest - 1` pieces each.
func randomTexts(from pieces: [String], count: Int, longest: Int, seed: UInt64) -> [String] {
    var state = seed
    func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
    return (0..<count).map { _ in (0..<next(longest)).map { _ in pieces[next(pieces.count)] }.joined() }
}
