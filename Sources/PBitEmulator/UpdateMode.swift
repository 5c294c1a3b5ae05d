import Foundation

/// How p-bits take turns, the thing hardware timing decides.
public enum UpdateMode: Sendable, Equatable, CustomStringConvertible {
    /// Colours take turns, as phase-shifted clocks do; a whole colour updates at once. Exact Gibbs.
    case colored
    /// One p-bit at a time, in index order or a fresh random order every sweep. Exact Gibbs.
    case sequential(randomOrder: Bool)
    /// Every p-bit from the previous state at once. Not Gibbs sampling: wrong on purpose.
    case synchronous
    /// Each p-bit fires on its own Poisson clock (one update per sweep on average) and reads
    /// its neighbours as they were `delay` sweeps earlier. `delay → 0` is exact Gibbs.
    case asynchronous(delay: Double)

    public var description: String {
        switch self {
        case .colored: "colored"
        case .sequential(let r): r ? "sequential (random order)" : "sequential"
        case .synchronous: "synchronous"
        case .asynchronous(let d): "asynchronous (delay \(d))"
        }
    }

    /// Emulated clock periods per sweep: one for parallel modes, one per p-bit when sequential.
    func periodsPerSweep(nodes: Int) -> Double {
        if case .sequential = self { return Double(nodes) }
        return 1
    }
}

/// Inverse temperature as a function of the sweep index.
public enum BetaSchedule: Sendable, Equatable {
    case constant(Double)
    /// From `start` at the first sweep to `end` at the last, linearly.
    case linear(start: Double, end: Double)
    /// From `start` to `end` geometrically (both > 0).
    case geometric(start: Double, end: Double)
    /// One value per sweep; the last repeats if the run is longer.
    case values([Double])

    /// β for sweep `t` of `total`.
    public func beta(sweep t: Int, of total: Int) -> Double {
        let x = total > 1 ? Double(t) / Double(total - 1) : 1
        switch self {
        case .constant(let b): return b
        case .linear(let a, let b): return a + (b - a) * x
        case .geometric(let a, let b): return a * Foundation.pow(b / a, x)
        case .values(let v): return v.isEmpty ? 1 : v[min(t, v.count - 1)]
        }
    }

    /// β·I must stay a finite Float in the kernels.
    public static let maximumBeta = 1e6

    public func validate() throws(SamplerError) {
        switch self {
        case .constant(let b):
            guard b.isFinite, b >= 0, b <= Self.maximumBeta else {
                throw .invalid("--beta must be between 0 and \(Self.maximumBeta) (got \(b))")
            }
        case .linear(let a, let b):
            guard a.isFinite, b.isFinite, a >= 0, b >= 0, max(a, b) <= Self.maximumBeta else {
                throw .invalid("beta schedule ends must be finite and non-negative (got \(a), \(b))")
            }
        case .geometric(let a, let b):
            guard a.isFinite, b.isFinite, a > 0, b > 0, max(a, b) <= Self.maximumBeta else {
                throw .invalid("a geometric schedule needs positive finite ends (got \(a), \(b))")
            }
        case .values(let v):
            guard !v.isEmpty else { throw .invalid("the beta schedule file has no values") }
            if let bad = v.first(where: { !$0.isFinite || $0 < 0 || $0 > Self.maximumBeta }) {
                throw .invalid("beta schedule values must be finite and non-negative (found \(bad))")
            }
        }
    }
}

public enum SamplerError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    public var description: String {
        switch self { case .invalid(let s): s }
    }
}
