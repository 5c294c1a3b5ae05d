import Topologies

/// An Ising model on a sparse graph:
///
///     p(m) ∝ exp(β · (Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i)),   m_i ∈ {−1, +1}
///
/// with energy `E(m) = −(Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i)`. The couplings are stored
/// aligned with the graph's sorted neighbour lists, so `couplings[k]` belongs to the edge
/// `(i, graph.neighbors[k])` for `k` in node `i`'s row, and the matrix is symmetric by
/// construction. The inverse temperature lives with the sampler, not here.
public struct IsingModel: Sendable, Equatable {
    public let graph: SparseGraph
    /// `J_ij`, aligned with `graph.neighbors`; both directions of an edge hold the same value.
    public private(set) var couplings: [Double]
    /// `h_i`.
    public private(set) var biases: [Double]

    public var nodeCount: Int { graph.nodeCount }

    /// Largest |J| or |h| accepted.
    public static let maximumMagnitude = 1e6

    /// Builds a model from per-edge couplings in the order of `graph.edges` (`i < j`).
    public init(graph: SparseGraph, edgeCouplings: [Double], biases: [Double]) throws(ModelError) {
        guard edgeCouplings.count == graph.edgeCount else {
            throw .sizeMismatch("\(edgeCouplings.count) couplings for a graph with \(graph.edgeCount) edges")
        }
        guard biases.count == graph.nodeCount else {
            throw .sizeMismatch("\(biases.count) biases for a model with \(graph.nodeCount) nodes")
        }
        if let k = edgeCouplings.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite("coupling on edge \(graph.edges[k]) is \(edgeCouplings[k])")
        }
        if let k = biases.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite("bias of node \(k) is \(biases[k])")
        }
        // The kernels compute in Float: keep β·I far from its overflow.
        if let k = edgeCouplings.firstIndex(where: { abs($0) > Self.maximumMagnitude }) {
            throw .invalid("coupling on edge \(graph.edges[k]) is \(edgeCouplings[k]); magnitudes above \(Self.maximumMagnitude) are not supported")
        }
        if let k = biases.firstIndex(where: { abs($0) > Self.maximumMagnitude }) {
            throw .invalid("bias of node \(k) is \(biases[k]); magnitudes above \(Self.maximumMagnitude) are not supported")
        }
        self.graph = graph
        self.biases = biases
        var aligned = [Double](repeating: 0, count: graph.neighbors.count)
        var e = 0
        for i in 0..<graph.nodeCount {
            for k in graph.offsets[i]..<graph.offsets[i + 1] where Int(graph.neighbors[k]) > i {
                aligned[k] = edgeCouplings[e]
                e += 1
            }
        }
        // Mirror the upper triangle into the lower one.
        for i in 0..<graph.nodeCount {
            for k in graph.offsets[i]..<graph.offsets[i + 1] {
                let j = Int(graph.neighbors[k])
                if j < i { aligned[k] = aligned[Self.slot(graph, j, i)] }
            }
        }
        self.couplings = aligned
    }

    /// Builds a model from a symmetric matrix (a `.mtx` coupling file) and optional biases.
    public init(matrix: MatrixMarket.SymmetricMatrix, biases: [Double]? = nil) throws(ModelError) {
        let graph = matrix.graph()
        let h = biases ?? [Double](repeating: 0, count: matrix.size)
        guard h.count == matrix.size else {
            throw .sizeMismatch("the bias vector has \(h.count) entries but the coupling matrix is \(matrix.size)×\(matrix.size)")
        }
        // `entries` are sorted by (i, j), the order of `graph.edges`.
        try self.init(graph: graph, edgeCouplings: matrix.entries.map(\.value), biases: h)
    }

    /// Index into `graph.neighbors` (and `couplings`) of the entry `(i, j)`; `j` must be a
    /// neighbour of `i`.
    public static func entryIndex(_ g: SparseGraph, _ i: Int, _ j: Int) -> Int { slot(g, i, j) }

    static func slot(_ g: SparseGraph, _ i: Int, _ j: Int) -> Int {
        var lo = g.offsets[i], hi = g.offsets[i + 1]
        let t = Int32(j)
        while lo < hi {
            let mid = (lo + hi) / 2
            if g.neighbors[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// `J_ij` (zero when there is no edge).
    public func coupling(_ i: Int, _ j: Int) -> Double {
        guard graph.hasEdge(i, j) else { return 0 }
        return couplings[Self.slot(graph, i, j)]
    }

    /// Couplings in the order of `graph.edges` (`i < j`).
    public var edgeCouplings: [Double] {
        var out: [Double] = []
        out.reserveCapacity(graph.edgeCount)
        for i in 0..<graph.nodeCount {
            for k in graph.offsets[i]..<graph.offsets[i + 1] where Int(graph.neighbors[k]) > i {
                out.append(couplings[k])
            }
        }
        return out
    }

    /// Local field `I_i = Σ_j J_ij m_j + h_i`.
    @inlinable
    public func localField(_ i: Int, state m: [Int8]) -> Double {
        var s = biases[i]
        for k in graph.offsets[i]..<graph.offsets[i + 1] {
            s += couplings[k] * Double(m[Int(graph.neighbors[k])])
        }
        return s
    }

    /// `E(m) = −(Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i)`.
    public func energy(_ m: [Int8]) -> Double {
        var e = 0.0
        for i in 0..<graph.nodeCount {
            let mi = Double(m[i])
            e -= biases[i] * mi
            for k in graph.offsets[i]..<graph.offsets[i + 1] where Int(graph.neighbors[k]) > i {
                e -= couplings[k] * mi * Double(m[Int(graph.neighbors[k])])
            }
        }
        return e
    }

    /// The same model with every coupling and bias passed through `transform` (e.g. quantisation).
    public func mapped(_ transform: (Double) -> Double) -> IsingModel {
        var copy = self
        copy.couplings = couplings.map(transform)
        copy.biases = biases.map(transform)
        return copy
    }

    /// The coupling matrix as Matrix Market entries, for writing `.mtx` files.
    public var matrix: MatrixMarket.SymmetricMatrix {
        let values = edgeCouplings
        let entries = graph.edges.enumerated().map {
            MatrixMarket.Entry(i: $0.element.0, j: $0.element.1, value: values[$0.offset])
        }
        return MatrixMarket.SymmetricMatrix(size: nodeCount, entries: entries, hasValues: true)
    }
}

public enum ModelError: Error, Equatable, CustomStringConvertible {
    case sizeMismatch(String)
    case nonFinite(String)
    case invalid(String)

    public var description: String {
        switch self {
        case .sizeMismatch(let s), .nonFinite(let s), .invalid(let s): s
        }
    }
}
