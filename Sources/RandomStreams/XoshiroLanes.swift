/// Eight independent xoshiro256** streams in the lanes of `SIMD8<UInt64>`: one step yields
/// 512 random bits, cut into sixteen uniforms for the sixteen lanes of a p-bit update.
///
/// AVX2 has neither a 64-bit multiply nor a 64-bit rotate, so the multiplications by 5 and 9
/// are shifts and adds, and the rotations add two shifted copies (the bits do not overlap, so
/// `+` equals `|`); LLVM would turn a `|` of shifts into a rotate that it then does lane by
/// lane in scalar registers.
public struct XoshiroLanes: Sendable {
    public var s0: SIMD8<UInt64>, s1: SIMD8<UInt64>, s2: SIMD8<UInt64>, s3: SIMD8<UInt64>

    /// Lane `l` is the xoshiro256** stream seeded with `streamSeed(seed, stream: 8·stream + l)`.
    @inlinable
    public init(seed: UInt64, stream: UInt64) {
        var a = SIMD8<UInt64>(), b = a, c = a, d = a
        for l in 0..<8 {
            let x = Xoshiro256StarStar(seed: SplitMix64.streamSeed(seed, stream: 8 &* stream &+ UInt64(l)))
            a[l] = x.s0; b[l] = x.s1; c[l] = x.s2; d[l] = x.s3
        }
        s0 = a; s1 = b; s2 = c; s3 = d
    }

    @inlinable @inline(always)
    public mutating func next() -> SIMD8<UInt64> {
        let x5 = (s1 &<< 2) &+ s1
        let r = (x5 &<< 7) &+ (x5 &>> 57)
        let result = (r &<< 3) &+ r
        let t = s1 &<< 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 45) &+ (s3 &>> 19)
        return result
    }

    /// Sixteen uniforms in the open interval (0, 1), 23 bits each: the bits are placed in the
    /// mantissa of a float in [1, 2) (no integer-to-float conversion), and the shift by 2⁻²⁴
    /// centres each value in its bin, so neither 0 nor 1 can occur.
    @inlinable @inline(always)
    public mutating func nextUnit16() -> SIMD16<Float> {
        let bits = unsafeBitCast(next(), to: SIMD16<UInt32>.self)
        let one = (bits &>> 9) | 0x3F80_0000
        return unsafeBitCast(one, to: SIMD16<Float>.self) - (1 - 0x1.0p-24)
    }
}
