/// The contrastive-divergence gradient of a `ClassRBM` on a minibatch, as matrix products.
///
/// With `X⁺` the batch (B × visible, the data with one-hot labels), `X⁻` the negative
/// samples after k Gibbs steps, and `P± = σ(X± W + c)` the hidden probabilities,
///
///     ∂W = (X⁺ᵀ P⁺ − X⁻ᵀ P⁻) / B,   ∂c = mean(P⁺ − P⁻),   ∂(b, d) = mean(X⁺ − X⁻),
///
/// the difference of data and model correlations that ascends the log-likelihood.
/// `∂W` is two `sgemm`s with the batch as the inner dimension.
struct RBMGradient {
    var weights: [Float]
    var hidden: [Float]
    var visible: [Float]

    init(visible v: Int, hidden h: Int) {
        weights = [Float](repeating: 0, count: v * h)
        hidden = [Float](repeating: 0, count: h)
        visible = [Float](repeating: 0, count: v)
    }

    /// Overwrites the gradient from `positive`/`negative` states (batch × visible) and their
    /// hidden probabilities (batch × hidden).
    mutating func compute(positive: UnsafeBufferPointer<Float>, positiveHidden: UnsafeBufferPointer<Float>,
                          negative: UnsafeBufferPointer<Float>, negativeHidden: UnsafeBufferPointer<Float>,
                          batch: Int, visible v: Int, hidden h: Int) {
        let scale = 1 / Float(batch)
        weights.withUnsafeMutableBufferPointer { g in
            BLAS.gemm(transposeA: true, m: v, n: h, k: batch, alpha: scale, positive.baseAddress!, lda: v,
                      positiveHidden.baseAddress!, ldb: h, beta: 0, g.baseAddress!, ldc: h)
            BLAS.gemm(transposeA: true, m: v, n: h, k: batch, alpha: -scale, negative.baseAddress!, lda: v,
                      negativeHidden.baseAddress!, ldb: h, beta: 1, g.baseAddress!, ldc: h)
        }
        hidden.withUnsafeMutableBufferPointer { g in
            for j in 0..<h { g[j] = 0 }
            for r in 0..<batch {
                for j in 0..<h { g[j] += positiveHidden[r * h + j] - negativeHidden[r * h + j] }
            }
            for j in 0..<h { g[j] *= scale }
        }
        visible.withUnsafeMutableBufferPointer { g in
            for i in 0..<v { g[i] = 0 }
            for r in 0..<batch {
                for i in 0..<v { g[i] += positive[r * v + i] - negative[r * v + i] }
            }
            for i in 0..<v { g[i] *= scale }
        }
    }
}

extension ClassRBM {
    /// The CD gradient for given positive and negative visible states (`batch × visible`
    /// each), the same products the trainer uses: `(∂W, ∂c, ∂(b, d))`.
    public func contrastiveGradient(positive: [Float], negative: [Float], batch: Int)
        -> (weights: [Float], hidden: [Float], visible: [Float]) {
        precondition(positive.count == batch * visible && negative.count == batch * visible,
                     "contrastiveGradient: states must be batch × visible")
        var p0 = [Float](repeating: 0, count: batch * hidden), pk = p0
        var g = RBMGradient(visible: visible, hidden: hidden)
        positive.withUnsafeBufferPointer { x0 in
            negative.withUnsafeBufferPointer { xk in
                p0.withUnsafeMutableBufferPointer { hiddenProbabilities(x0, batch: batch, into: $0) }
                pk.withUnsafeMutableBufferPointer { hiddenProbabilities(xk, batch: batch, into: $0) }
                p0.withUnsafeBufferPointer { a in
                    pk.withUnsafeBufferPointer { b in
                        g.compute(positive: x0, positiveHidden: a, negative: xk, negativeHidden: b,
                                  batch: batch, visible: visible, hidden: hidden)
                    }
                }
            }
        }
        return (g.weights, g.hidden, g.visible)
    }
}
