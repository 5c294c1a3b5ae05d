import COpenBLAS
import Foundation

/// The OpenBLAS calls the dense baselines use.
public enum BLAS {
    /// Threads OpenBLAS may use. Set it explicitly: its own pool and Dispatch's workers
    /// would otherwise compete for the same cores.
    public static func setThreads(_ n: Int) {
        openblas_set_num_threads(Int32(max(1, n)))
    }

    /// `C = A·B` for row-major `A` (m×k), `B` (k×n), `C` (m×n), single precision.
    @inlinable
    public static func multiply(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ c: UnsafeMutablePointer<Float>,
                                m: Int, n: Int, k: Int) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(m), Int32(n), Int32(k),
                    1, a, Int32(k), b, Int32(n), 0, c, Int32(n))
    }

    /// `C = α·op(A)·op(B) + β·C`, row-major, single precision, where `op(X)` is `X` or `Xᵀ`:
    /// `op(A)` is m×k, `op(B)` k×n, `C` m×n; `lda`, `ldb`, `ldc` are the row strides of the
    /// matrices as stored (so `A` stored k×m when transposed has `lda ≥ m`).
    @inlinable
    public static func gemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                            alpha: Float = 1, _ a: UnsafePointer<Float>, lda: Int, _ b: UnsafePointer<Float>, ldb: Int,
                            beta: Float = 0, _ c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }

    /// Measured single-precision matrix product speed (GFLOP/s) for square matrices of side `n`.
    public static func sgemmGFLOPS(size n: Int = 1024, repeats: Int = 5) -> Double {
        let a = [Float](repeating: 0.5, count: n * n), b = [Float](repeating: 0.25, count: n * n)
        var c = [Float](repeating: 0, count: n * n)
        var best = Double.infinity
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    for _ in 0..<repeats {
                        let start = DispatchTime.now().uptimeNanoseconds
                        multiply(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: n, n: n, k: n)
                        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start))
                    }
                }
            }
        }
        return 2 * Double(n) * Double(n) * Double(n) / best
    }
}
