import Foundation
import Learning

/// Exact classification by free energy. Summing the hidden units out of `exp(−E)` gives
///
///     F(v, y) = −b·v − d_y − Σ_j softplus(c_j + W_j·v + U_jy),    p(y | v) ∝ exp(−F(v, y)),
///
/// so the most probable label is `argmin_y F(v, y)`, with no sampling. For a batch of images
/// the shared part `c + vᵀW` is one matrix product; each class then adds its row of `U`.
public struct FreeEnergyClassifier {
    public let model: ClassRBM
    /// Images per matrix product: bounds the `batch × hidden` scratch.
    public var batchSize = 500

    public init(model: ClassRBM) {
        self.model = model
    }

    /// `softplus(x) = log(1 + eˣ)`, written so that neither branch overflows.
    @inline(__always)
    static func softplus(_ x: Float) -> Float {
        max(x, 0) + log1p(exp(-abs(x)))
    }

    /// `F(v, y)` for every image and class: `count × classes`, row-major. `bits` holds `count`
    /// images of `pixels` {0,1} values each.
    public func freeEnergies(bits: [Float], count: Int) -> [Float] {
        let m = model, p = m.pixels, h = m.hidden, k = m.classes
        precondition(bits.count == count * p, "FreeEnergyClassifier: \(bits.count) values are not \(count) images of \(p)")
        var energies = [Float](repeating: 0, count: count * k)
        var pre = [Float](repeating: 0, count: min(batchSize, max(count, 1)) * h)
        bits.withUnsafeBufferPointer { v in
            m.weights.withUnsafeBufferPointer { w in
                m.hiddenBiases.withUnsafeBufferPointer { c in
                    m.visibleBiases.withUnsafeBufferPointer { b in
                        pre.withUnsafeMutableBufferPointer { a in
                            energies.withUnsafeMutableBufferPointer { f in
                                var start = 0
                                while start < count {
                                    let n = min(batchSize, count - start)
                                    // a = V·W_pixels (n × h): the first `p` rows of W.
                                    BLAS.gemm(m: n, n: h, k: p, v.baseAddress! + start * p, lda: p,
                                              w.baseAddress!, ldb: h, a.baseAddress!, ldc: h)
                                    for i in 0..<n {
                                        var pixelTerm: Float = 0
                                        for q in 0..<p { pixelTerm += b[q] * v[(start + i) * p + q] }
                                        for j in 0..<h { a[i * h + j] += c[j] }
                                        for y in 0..<k {
                                            let u = (p + y) * h
                                            var s: Float = 0
                                            for j in 0..<h { s += Self.softplus(a[i * h + j] + w[u + j]) }
                                            f[(start + i) * k + y] = -pixelTerm - b[p + y] - s
                                        }
                                    }
                                    start += n
                                }
                            }
                        }
                    }
                }
            }
        }
        return energies
    }

    /// The {0,1} pixels of `images`, row after row, binarised as the model was trained.
    public func bits(_ images: LabeledImages) throws(LearningError) -> [Float] {
        guard images.pixelsPerImage == model.pixels else {
            throw .invalid("the model has \(model.pixels) pixel units but the images have \(images.pixelsPerImage) pixels")
        }
        var out = [Float](repeating: 0, count: images.count * model.pixels)
        out.withUnsafeMutableBufferPointer { o in
            for i in 0..<images.count {
                model.binarizer.bits(images.image(i), into: UnsafeMutableBufferPointer(rebasing: o[(i * model.pixels)...]))
            }
        }
        return out
    }

    /// Classifies `images` (argmin of the free energy; ties go to the smaller class) and
    /// counts hits against their labels. `progress(done, total)` after each batch.
    public func classify(_ images: LabeledImages, progress: (Int, Int) -> Void = { _, _ in }) throws(LearningError) -> Classification {
        guard images.labels.allSatisfy({ Int($0) < model.classes }) else {
            throw .invalid("the images have labels beyond the model's \(model.classes) classes")
        }
        let k = model.classes
        var predictions: [Int] = []
        predictions.reserveCapacity(images.count)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: k), count: k)
        var correct = 0
        var start = 0
        while start < images.count {
            let n = min(batchSize, images.count - start)
            let chunk = images.subset(Array(start..<(start + n)))
            let f = freeEnergies(bits: try bits(chunk), count: n)
            for i in 0..<n {
                var best = 0
                for y in 1..<k where f[i * k + y] < f[i * k + best] { best = y }
                predictions.append(best)
                let truth = Int(chunk.labels[i])
                confusion[truth][best] += 1
                if truth == best { correct += 1 }
            }
            start += n
            progress(start, images.count)
        }
        return Classification(predictions: predictions, confusion: confusion, correct: correct)
    }
}
