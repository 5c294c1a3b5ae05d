/// A 32-bit Galois linear-feedback shift register, the random source of many p-bit chips.
///
/// Taps x³² + x²² + x² + x + 1 give the maximal period 2³² − 1. Hardware often reads the
/// register after a single shift, so consecutive numbers share 31 bits; `shifts` sets how many
/// shifts happen between reads, so an emulation can show what that correlation does.
public struct LFSR32: Sendable {
    public var state: UInt32
    public static let taps: UInt32 = 0x8020_0003

    /// A zero state would stay zero forever, so it is replaced by a fixed non-zero one.
    @inlinable
    public init(seed: UInt32) { state = seed == 0 ? 0xACE1_2345 : seed }

    @inlinable
    public mutating func shift() {
        let lsb = state & 1
        state >>= 1
        state ^= (0 &- lsb) & LFSR32.taps
    }

    /// Shifts `shifts` times and returns the register as a uniform in (0, 1) from its top 23
    /// bits, each value the centre of its bin (exact in Float, so never 0 or 1).
    @inlinable
    public mutating func nextUnit(shifts: Int) -> Float {
        for _ in 0..<shifts { shift() }
        return Float(state >> 9) * 0x1.0p-23 + 0x1.0p-24
    }
}
