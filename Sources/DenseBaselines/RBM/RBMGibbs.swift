import Foundation
import RandomStreams

/// Block Gibbs sampling of a `ClassRBM`, a minibatch at a time: the hidden layer given the
/// visible one and back, each one `sgemm` plus an element-wise pass.
extension ClassRBM {
    /// `P(h_j = 1 | x) = σ(c_j + Σ_i x_i W_ij)` for `batch` rows of `x` (batch × visible).
    func hiddenProbabilities(_ x: UnsafeBufferPointer<Float>, batch: Int, into p: UnsafeMutableBufferPointer<Float>) {
        let h = hidden
        weights.withUnsafeBufferPointer { w in
            BLAS.gemm(m: batch, n: h, k: visible, x.baseAddress!, lda: visible, w.baseAddress!, ldb: h,
                      p.baseAddress!, ldc: h)
        }
        hiddenBiases.withUnsafeBufferPointer { c in
            for r in 0..<batch {
                for j in 0..<h { p[r * h + j] = Self.sigmoid(p[r * h + j] + c[j]) }
            }
        }
    }

    /// Samples `x` (batch × visible) given hidden states `h` (batch × hidden): each pixel is
    /// 1 with probability `σ(b_i + W_i·h)`; the label group draws one class from the softmax
    /// of `d_y + U_y·h`. `pre` is batch × visible scratch.
    func sampleVisible(_ hs: UnsafeBufferPointer<Float>, batch: Int, into x: UnsafeMutableBufferPointer<Float>,
                       scratch pre: UnsafeMutableBufferPointer<Float>, rng: inout Xoshiro256StarStar) {
        let v = visible, p = pixels
        weights.withUnsafeBufferPointer { w in
            BLAS.gemm(transposeB: true, m: batch, n: v, k: hidden, hs.baseAddress!, lda: hidden, w.baseAddress!,
                      ldb: hidden, pre.baseAddress!, ldc: v)
        }
        visibleBiases.withUnsafeBufferPointer { b in
            for r in 0..<batch {
                let row = r * v
                for i in 0..<p {
                    x[row + i] = Self.uniform(&rng) < Self.sigmoid(pre[row + i] + b[i]) ? 1 : 0
                }
                // Softmax over the classes, shifted by the largest logit for range.
                var top = -Float.infinity
                for y in 0..<classes { top = max(top, pre[row + p + y] + b[p + y]) }
                var total: Float = 0
                for y in 0..<classes {
                    let e = exp(pre[row + p + y] + b[p + y] - top)
                    pre[row + p + y] = e
                    total += e
                }
                var u = Self.uniform(&rng) * total
                var chosen = classes - 1
                for y in 0..<classes {
                    u -= pre[row + p + y]
                    if u < 0 { chosen = y; break }
                }
                for y in 0..<classes { x[row + p + y] = y == chosen ? 1 : 0 }
            }
        }
    }

    @inline(__always)
    static func sigmoid(_ z: Float) -> Float { 1 / (1 + exp(-z)) }

    /// Uniform in [0, 1) from the top 24 bits (a Float's mantissa).
    @inline(__always)
    static func uniform(_ rng: inout Xoshiro256StarStar) -> Float {
        Float(rng.next() >> 40) * 0x1p-24
    }

    /// Bernoulli samples of `probabilities`, element by element.
    static func sample(_ probabilities: UnsafeBufferPointer<Float>, into out: UnsafeMutableBufferPointer<Float>,
                       count: Int, rng: inout Xoshiro256StarStar) {
        for k in 0..<count { out[k] = uniform(&rng) < probabilities[k] ? 1 : 0 }
    }
}
