import Foundation

/// Exact statistics of a small Ising model by summing over all `2ⁿ` states: the reference
/// that every sampler is tested against.
public struct ExactDistribution: Sendable {
    public let beta: Double
    /// `probabilities[s]` for the state whose bit `i` is 1 when `m_i = +1`.
    public let probabilities: [Double]
    /// `⟨m_i⟩`.
    public let magnetization: [Double]
    /// `⟨m_i m_j⟩` for each edge in `graph.edges` order.
    public let correlations: [Double]
    public let energyMean: Double
    public let logPartition: Double

    /// Enumerates every state; `n` must be at most 24.
    public init(model: IsingModel, beta: Double) throws(ModelError) {
        let n = model.nodeCount
        guard n <= 24 else { throw .invalid("exact enumeration needs at most 24 nodes (got \(n))") }
        guard beta.isFinite else { throw .nonFinite("beta must be finite") }
        let count = 1 << n
        var energies = [Double](repeating: 0, count: count)
        var state = [Int8](repeating: -1, count: n)
        for s in 0..<count {
            for i in 0..<n { state[i] = (s >> i) & 1 == 1 ? 1 : -1 }
            energies[s] = model.energy(state)
        }
        let minE = energies.min() ?? 0
        var weights = energies.map { exp(-beta * ($0 - minE)) }
        let z = weights.reduce(0, +)
        for s in 0..<count { weights[s] /= z }
        var mag = [Double](repeating: 0, count: n)
        let edges = model.graph.edges
        var corr = [Double](repeating: 0, count: edges.count)
        var eMean = 0.0
        for s in 0..<count {
            let p = weights[s]
            eMean += p * energies[s]
            for i in 0..<n { mag[i] += (s >> i) & 1 == 1 ? p : -p }
            for (e, (i, j)) in edges.enumerated() {
                corr[e] += ((s >> i) ^ (s >> j)) & 1 == 0 ? p : -p
            }
        }
        self.beta = beta
        probabilities = weights
        magnetization = mag
        correlations = corr
        energyMean = eMean
        logPartition = log(z) - beta * minE
    }

    /// Index of a ±1 state in `probabilities`.
    public static func index(of state: some Collection<Int8>) -> Int {
        var s = 0
        for (i, m) in state.enumerated() where m > 0 { s |= 1 << i }
        return s
    }

    /// Total-variation distance `½ Σ |p(s) − q(s)|` to an empirical histogram of states.
    public func totalVariation(counts: [Int]) -> Double {
        let total = Double(counts.reduce(0, +))
        guard total > 0 else { return 1 }
        var d = 0.0
        for s in 0..<probabilities.count { d += abs(probabilities[s] - Double(counts[s]) / total) }
        return d / 2
    }
}

/// How far sampled (or otherwise approximate) statistics are from exact ones: the largest and
/// the mean of `|⟨m_i⟩ − ⟨m_i⟩_exact|` over nodes and of `|⟨m_i m_j⟩ − ⟨m_i m_j⟩_exact|` over edges.
public struct StatisticsError: Sendable, Codable, Equatable {
    public var magnetizationMax: Double
    public var magnetizationMean: Double
    public var correlationMax: Double
    public var correlationMean: Double

    /// `correlations` in `graph.edges` order, as `ExactDistribution` has them.
    public init(magnetization: [Double], correlations: [Double], exact: ExactDistribution) {
        func maxMean(_ a: [Double], _ b: [Double]) -> (Double, Double) {
            let d = zip(a, b).map { abs($0 - $1) }
            return (d.max() ?? 0, d.isEmpty ? 0 : d.reduce(0, +) / Double(d.count))
        }
        (magnetizationMax, magnetizationMean) = maxMean(magnetization, exact.magnetization)
        (correlationMax, correlationMean) = maxMean(correlations, exact.correlations)
    }
}
