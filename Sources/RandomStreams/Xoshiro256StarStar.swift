/// xoshiro256** (Blackman and Vigna 2018): the scalar generator of the project.
/// Seeded through SplitMix64 so that any 64-bit seed, zero included, gives a good state.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    public var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    @inlinable
    public init(seed: UInt64) {
        var g = SplitMix64(seed: seed)
        s0 = g.next(); s1 = g.next(); s2 = g.next(); s3 = g.next()
    }

    @inlinable
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in the open interval (0, 1) from 53 bits.
    @inlinable
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    @inlinable
    func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
