/// SplitMix64 (Steele, Lea and Flood 2014): a 64-bit generator whose only job here is to
/// turn one user seed into many well-separated seeds for the fast generators.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable
    public init(seed: UInt64) { state = seed }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A seed for stream `index` of a run seeded with `seed`: independent of how many streams
    /// exist or which thread uses them, which is what makes results thread-count independent.
    @inlinable
    public static func streamSeed(_ seed: UInt64, stream index: UInt64, salt: UInt64 = 0) -> UInt64 {
        var g = SplitMix64(seed: seed ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = g.next()
        var h = SplitMix64(seed: g.next() &+ index &* 0xA076_1D64_78BD_642F)
        return h.next()
    }
}
