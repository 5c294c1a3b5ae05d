import Foundation
import RandomStreams
import Topologies

/// Distributions for random couplings and biases on a graph.
public enum CouplingDistribution: String, Sendable, CaseIterable {
    /// Normal with standard deviation `scale`.
    case gaussian
    /// Uniform on `[−scale, scale]`.
    case uniform
    /// `±scale` with equal probability (the ±J spin glass).
    case pm1

    public func sample(scale: Double, using rng: inout some RandomNumberGenerator) -> Double {
        switch self {
        case .gaussian:
            // Box–Muller; u1 in (0, 1] so the logarithm is finite.
            let u1 = 1 - Double(rng.next() >> 11) * 0x1.0p-53
            let u2 = Double(rng.next() >> 11) * 0x1.0p-53
            return scale * (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
        case .uniform:
            return scale * (2 * Double(rng.next() >> 11) * 0x1.0p-53 - 1)
        case .pm1:
            return rng.next() >> 63 == 0 ? scale : -scale
        }
    }
}

extension IsingModel {
    /// A random model on `graph`: couplings on its edges and biases on its nodes drawn from
    /// the given distributions, from one seed (couplings first, in edge order, then biases).
    public static func random(
        on graph: SparseGraph,
        couplings: CouplingDistribution, couplingScale: Double = 1,
        biases: CouplingDistribution, biasScale: Double = 1,
        seed: UInt64
    ) throws(ModelError) -> IsingModel {
        guard couplingScale.isFinite, biasScale.isFinite else {
            throw .nonFinite("coupling and bias scales must be finite")
        }
        var rng = Xoshiro256StarStar(seed: seed)
        let j = (0..<graph.edgeCount).map { _ in couplings.sample(scale: couplingScale, using: &rng) }
        let h = (0..<graph.nodeCount).map { _ in biases.sample(scale: biasScale, using: &rng) }
        return try IsingModel(graph: graph, edgeCouplings: j, biases: h)
    }
}
