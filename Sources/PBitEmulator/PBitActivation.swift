/// The p-bit decision, vectorised.
///
/// A p-bit sets `m = sgn(tanh(βI) − r)` with `r ~ U(−1, 1)`. Writing `r = 2u − 1` with
/// `u ~ U(0, 1)` and `e = exp(−2βI)`, `tanh(βI) > r` ⟺ `u·(1 + e) < 1`, so one exponential
/// and no division or tanh decide the new state; it is the same event, so the statistics are
/// exact up to float rounding. The exponential is `2^t` with `t = −2βI·log₂e`, clamped to
/// ±126 (beyond that the decision is certain), split as `2^n · 2^f` with `|f| ≤ ½`, and `2^f`
/// from Cephes' degree-6 polynomial (relative error about 1e-7).
public enum PBitActivation {
    /// `−2·log₂(e)`: multiply `βI` by this to get the exponent of 2.
    public static let minusTwoLog2e: Float = -2.885_390_081_777_926_8

    @inline(always)
    static func exp2(_ t0: SIMD16<Float>) -> SIMD16<Float> {
        var t = t0
        t.replace(with: 126, where: t .> 126)
        t.replace(with: -126, where: t .< -126)
        // Adding 1.5·2²³ rounds to the nearest integer and leaves it in the low mantissa bits:
        // no float-to-integer conversion, which generic SIMD code would do lane by lane.
        let magic = SIMD16<Float>(repeating: 12_582_912)
        let big = t + magic
        let n = big - magic
        let f = t - n
        var p = SIMD16<Float>(repeating: 1.535_336_188_319_500e-4)
        p = SIMD16<Float>(repeating: 1.339_887_440_266_574e-3).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 9.618_437_357_674_640e-3).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 5.550_332_471_162_809e-2).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 2.402_264_791_363_012e-1).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 6.931_472_028_550_421e-1).addingProduct(p, f)
        p = SIMD16<Float>(repeating: 1).addingProduct(p, f)
        let integer = unsafeBitCast(big, to: SIMD16<Int32>.self) &- 0x4B40_0000
        return p * unsafeBitCast((integer &+ 127) &<< 23, to: SIMD16<Float>.self)
    }

    /// New states (±1) for sixteen p-bits with fields `field`, at `scaledBeta = −2β·log₂e`,
    /// given uniforms `u` in (0, 1).
    @inline(always)
    static func decide(field: SIMD16<Float>, scaledBeta: Float, uniform u: SIMD16<Float>) -> SIMD16<Float> {
        let e = exp2(field * scaledBeta)
        var m = SIMD16<Float>(repeating: -1)
        m.replace(with: 1, where: u.addingProduct(u, e) .< 1)
        return m
    }
}
