/// Turns greyscale pixels into the ±1 spins of a Boltzmann machine's visible units.
///
/// A pixel brighter than `threshold` becomes +1, any other −1. The default threshold 0 is the
/// choice of the original work: every pixel with any ink is "on", which keeps thin strokes
/// that a midpoint threshold of 127 would break up. The mapping is deterministic (not a
/// Bernoulli draw with the grey level as probability), so an image always gives the same
/// spins and a run is reproducible.
public struct Binarizer: Sendable, Codable, Equatable {
    /// Pixels strictly above this value are +1.
    public var threshold: UInt8 = 0

    public init(threshold: UInt8 = 0) {
        self.threshold = threshold
    }

    /// The spin of every pixel, in the order given: +1 where `pixel > threshold`, else −1.
    public func spins(_ image: ArraySlice<UInt8>) -> [Int8] {
        image.map { $0 > threshold ? 1 : -1 }
    }

    /// `spins(_:)` as `Float`s (+1.0 / −1.0), for the floating-point learning code.
    public func spinsFloat(_ image: ArraySlice<UInt8>) -> [Float] {
        image.map { $0 > threshold ? 1 : -1 }
    }
}
