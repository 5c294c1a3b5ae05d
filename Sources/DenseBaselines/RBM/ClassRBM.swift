import Learning

/// A classification restricted Boltzmann machine (Larochelle & Bengio 2008): binary {0,1}
/// pixel units `v`, a one-hot (softmax) group of label units `y`, and binary hidden units `h`,
/// every hidden unit connected to every visible one. Its energy is
///
///     E(v, y, h) = −b·v − d·y − c·h − vᵀ W h − yᵀ U h.
///
/// Pixels and labels are stored as one visible vector `x = (v, y)` of `pixels + classes`
/// units, so `W` and `U` are one matrix: `weights` is `visible × hidden`, row-major, rows
/// `0..<pixels` for the pixels and then one row per class. `visibleBiases` is `(b, d)`.
public struct ClassRBM: Sendable, Equatable {
    /// Pixel units (784 for MNIST).
    public let pixels: Int
    /// Label units, one per class.
    public let classes: Int
    public let hidden: Int
    /// `visible × hidden`, row-major: row `i` holds visible unit `i`'s weight to every hidden unit.
    public var weights: [Float]
    /// `c`, one per hidden unit.
    public var hiddenBiases: [Float]
    /// `b` (pixels) then `d` (labels).
    public var visibleBiases: [Float]
    /// Pixels strictly above this grey level are 1, the others 0 (as for the DBM's ±1 spins).
    public var binarizer: Binarizer

    /// Pixel and label units together.
    public var visible: Int { pixels + classes }

    /// `visible·hidden` weights plus `hidden + visible` biases; for MNIST with 4,096 hidden
    /// units 784·4096 + 10·4096 + 4096 + 794 = 3,256,314.
    public var parameterCount: Int { visible * hidden + hidden + visible }

    /// A model of the given sizes with all parameters zero.
    public init(pixels: Int, classes: Int, hidden: Int, binarizer: Binarizer = Binarizer()) throws(LearningError) {
        try Self.checkSizes(pixels: pixels, classes: classes, hidden: hidden)
        self.pixels = pixels
        self.classes = classes
        self.hidden = hidden
        self.binarizer = binarizer
        weights = [Float](repeating: 0, count: (pixels + classes) * hidden)
        hiddenBiases = [Float](repeating: 0, count: hidden)
        visibleBiases = [Float](repeating: 0, count: pixels + classes)
    }

    /// Bounds that keep `visible × hidden` within memory and the BLAS 32-bit sizes.
    static func checkSizes(pixels: Int, classes: Int, hidden: Int) throws(LearningError) {
        guard pixels >= 1, pixels <= 1 << 20 else { throw .invalid("pixels must be between 1 and 2^20 (got \(pixels))") }
        guard classes >= 2, classes <= 1 << 16 else { throw .invalid("classes must be between 2 and 65536 (got \(classes))") }
        guard hidden >= 1, hidden <= 1 << 20 else { throw .invalid("--hidden must be between 1 and 1048576 (got \(hidden))") }
        guard (pixels + classes).multipliedReportingOverflow(by: hidden).partialValue <= 1 << 30 else {
            throw .invalid("\(pixels + classes) × \(hidden) weights are more than 2^30")
        }
    }
}

extension Binarizer {
    /// The pixels of `image` as {0, 1} units: 1 where `pixel > threshold`, as `spins` gives +1.
    func bits(_ image: ArraySlice<UInt8>, into out: UnsafeMutableBufferPointer<Float>) {
        for (k, p) in image.enumerated() { out[k] = p > threshold ? 1 : 0 }
    }
}
