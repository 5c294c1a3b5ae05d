import IsingModel
import PBitEmulator
import Topologies

/// Small models with exact answers, shared by the emulator tests.
enum TestModels {
    /// A connected 16-node piece of Pegasus P4 (breadth-first from node 0), Gaussian J and h.
    static func pegasusPiece(nodes: Int = 16, seed: UInt64 = 7) throws -> IsingModel {
        let p = try Topology.make(.pegasus(m: 4)).graph
        var order = [0], seen: Set<Int> = [0], k = 0
        while order.count < nodes {
            for w in p.neighbors(of: order[k]) where order.count < nodes && !seen.contains(Int(w)) {
                seen.insert(Int(w))
                order.append(Int(w))
            }
            k += 1
        }
        let g = p.induced(by: order)
        return try IsingModel.random(on: g, couplings: .gaussian, couplingScale: 0.6,
                                     biases: .gaussian, biasScale: 0.3, seed: seed)
    }

    /// A 4×4 triangular lattice (every square gets one diagonal): full of triangles, and with
    /// antiferromagnetic couplings every triangle is frustrated.
    static func frustratedTriangular(side: Int = 4, coupling: Double = -0.8, seed: UInt64 = 3) throws -> IsingModel {
        let g = try SparseGraph(nodeCount: side * side, edges: lattice(side: side, diagonals: true))
        let random = try IsingModel.random(on: g, couplings: .uniform, couplingScale: 0.2,
                                           biases: .uniform, biasScale: 0.2, seed: seed)
        return try IsingModel(graph: g, edgeCouplings: random.edgeCouplings.map { coupling + $0 },
                              biases: random.biases)
    }

    /// A strongly coupled ferromagnetic square lattice (bipartite, 3×3).
    static func strongFerromagnet(side: Int = 3, coupling: Double = 1.0) throws -> IsingModel {
        let g = try SparseGraph(nodeCount: side * side, edges: lattice(side: side, diagonals: false))
        return try IsingModel(graph: g, edgeCouplings: Array(repeating: coupling, count: g.edgeCount),
                              biases: Array(repeating: 0.05, count: g.nodeCount))
    }
}

/// Edges of a `side × side` square lattice, with one diagonal per square when `diagonals`.
func lattice(side: Int, diagonals: Bool) -> [(Int, Int)] {
    var edges: [(Int, Int)] = []
    for r in 0..<side {
        for c in 0..<side {
            let v = r * side + c
            if c + 1 < side { edges.append((v, v + 1)) }
            if r + 1 < side { edges.append((v, v + side)) }
            if diagonals && r + 1 < side && c + 1 < side { edges.append((v, v + side + 1)) }
        }
    }
    return edges
}

/// Per-quantity means with standard errors from independent batches (replicas, or stretches
/// of one chain), which stays honest when successive sweeps are correlated.
struct BatchStatistics {
    var means: [Double]
    var standardErrors: [Double]

    /// `values(sample)` gives the quantities of one recorded state; samples are grouped into
    /// `batches` consecutive batches.
    init(samples: [Int8], nodes: Int, batches: Int, quantities: ([Int8]) -> [Double]) {
        let count = samples.count / nodes
        let perBatch = count / batches
        var batchMeans: [[Double]] = []
        for b in 0..<batches {
            var sum: [Double]? = nil
            for s in (b * perBatch)..<((b + 1) * perBatch) {
                let q = quantities(Array(samples[(s * nodes)..<((s + 1) * nodes)]))
                sum = sum.map { zip($0, q).map { $0 + $1 } } ?? q
            }
            batchMeans.append((sum ?? []).map { $0 / Double(perBatch) })
        }
        let k = batchMeans.first?.count ?? 0
        let means = (0..<k).map { i in batchMeans.map { $0[i] }.reduce(0, +) / Double(batches) }
        self.means = means
        standardErrors = (0..<k).map { i in
            let m = means[i]
            let v = batchMeans.map { ($0[i] - m) * ($0[i] - m) }.reduce(0, +) / Double(batches - 1)
            return (v / Double(batches)).squareRoot()
        }
    }
}

/// Marginals and edge correlations of one state, in the order of `ExactDistribution`.
func marginalsAndCorrelations(_ model: IsingModel) -> ([Int8]) -> [Double] {
    let edges = model.graph.edges
    return { m in m.map(Double.init) + edges.map { Double($0.0 == $0.1 ? 1 : m[$0.0] * m[$0.1]) } }
}
