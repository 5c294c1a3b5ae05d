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
