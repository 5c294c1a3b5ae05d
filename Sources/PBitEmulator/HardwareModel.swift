import Foundation
import IsingModel

/// Signed fixed-point numbers with `integerBits` bits before the point and `fractionBits`
/// after it (plus a sign bit), saturating at the largest representable magnitude, as a
/// p-bit chip stores its weights and biases.
public struct FixedPointFormat: Sendable, Equatable, CustomStringConvertible {
    public var integerBits: Int
    public var fractionBits: Int

    public init(integerBits: Int, fractionBits: Int) throws(ModelError) {
        guard integerBits >= 0, fractionBits >= 0, integerBits + fractionBits <= 30 else {
            throw .invalid("fixed point needs 0 ≤ integer bits, 0 ≤ fraction bits and at most 30 bits in all (got s\(integerBits).\(fractionBits))")
        }
        self.integerBits = integerBits
        self.fractionBits = fractionBits
    }

    /// Parses `s4.6` or `4.6` (integer bits, fraction bits).
    public init(parsing text: String) throws(ModelError) {
        let body = text.hasPrefix("s") ? String(text.dropFirst()) : text
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let f = Int(parts[1]) else {
            throw .invalid("fixed-point format '\(text)' must look like s4.6 (integer bits . fraction bits)")
        }
        try self.init(integerBits: i, fractionBits: f)
    }

    public var step: Double { Foundation.pow(2, -Double(fractionBits)) }
    public var maximum: Double { Foundation.pow(2, Double(integerBits)) - step }

    /// Rounds to the nearest representable value, saturating.
    public func quantize(_ x: Double) -> Double {
        let q = (x / step).rounded() * step
        return Swift.min(Swift.max(q, -maximum), maximum)
    }

    public var description: String { "s\(integerBits).\(fractionBits)" }
}

/// A lookup table in place of `tanh`: the input `βI` is clamped to `[−range, range]` and cut
/// into `entries` equal bins; each bin holds `tanh` at its centre, as a hardware activation ROM.
public struct ActivationTable: Sendable, Equatable {
    public let entries: Int
    public let range: Double
    public let values: [Double]

    public init(entries: Int, range: Double) throws(ModelError) {
        guard entries >= 2, entries <= 1 << 20 else {
            throw .invalid("lookup-table size must be between 2 and 1048576 (got \(entries))")
        }
        guard range.isFinite, range > 0 else {
            throw .invalid("lookup-table input range must be positive and finite (got \(range))")
        }
        self.entries = entries
        self.range = range
        values = (0..<entries).map { k in
            Foundation.tanh(range * (2 * (Double(k) + 0.5) / Double(entries) - 1))
        }
    }

    /// The table's value for input `x`; inputs beyond ±range use the end bins (NaN the middle).
    @inlinable
    public func tanh(_ x: Double) -> Double {
        let clamped = x.isNaN ? 0 : Swift.min(Swift.max(x, -range), range)
        let k = Int(((clamped + range) / (2 * range) * Double(entries)).rounded(.down))
        return values[Swift.min(Swift.max(k, 0), entries - 1)]
    }
}

/// What the emulated chip does differently from ideal arithmetic. Every knob is off by default.
public struct HardwareModel: Sendable, Equatable {
    /// Weights and biases stored in fixed point (quantised before sampling).
    public var fixedPoint: FixedPointFormat?
    /// Activation by lookup table instead of exact `tanh`.
    public var activationTable: ActivationTable?
    /// Per-p-bit 32-bit LFSRs instead of xoshiro, shifted this many times per update.
    public var lfsrShifts: Int?
    /// The p-bit clock: each p-bit updates once per period (colour phases share the period).
    public var clockHz: Double

    /// 15 MHz: 4,264 p-bits at this clock make the 64 flips/ns of the FPGA in Niazi et al. 2024.
    public static let defaultClockHz = 15e6

    public init(fixedPoint: FixedPointFormat? = nil, activationTable: ActivationTable? = nil,
                lfsrShifts: Int? = nil, clockHz: Double = HardwareModel.defaultClockHz) {
        self.fixedPoint = fixedPoint
        self.activationTable = activationTable
        self.lfsrShifts = lfsrShifts
        self.clockHz = clockHz
    }

    public static let ideal = HardwareModel()

    /// True when the sampler needs the scalar reference path (table or LFSR per p-bit).
    public var needsReferencePath: Bool { activationTable != nil || lfsrShifts != nil }

    /// The model as the chip stores it.
    public func apply(to model: IsingModel) -> IsingModel {
        guard let fixedPoint else { return model }
        return model.mapped(fixedPoint.quantize)
    }
}
