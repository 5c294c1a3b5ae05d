extension MutableCollection where Self: RandomAccessCollection, Index == Int {
    /// Fisher–Yates with a fixed use of the generator: unlike the standard library's
    /// `shuffle(using:)`, whose algorithm may change between Swift releases, the same seed
    /// gives the same order on every toolchain, which keeps training runs reproducible.
    @inlinable
    public mutating func stableShuffle(using rng: inout Xoshiro256StarStar) {
        guard count > 1 else { return }
        var i = endIndex - 1
        while i > startIndex {
            // Lemire's multiply-shift maps 64 random bits to 0...i (the bias is below 2⁻³²).
            let j = startIndex + Int((UInt64(i - startIndex + 1).multipliedFullWidth(by: rng.next())).high)
            swapAt(i, j)
            i -= 1
        }
    }
}
