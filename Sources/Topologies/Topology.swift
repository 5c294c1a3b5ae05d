/// The D-Wave hardware graph families, with the parameters that size them.
public enum TopologyFamily: Sendable, Equatable, CustomStringConvertible {
    /// Pegasus P(m), fabric only, standard offsets.
    case pegasus(m: Int)
    /// Zephyr Z(m, t).
    case zephyr(m: Int, t: Int)
    /// Chimera C(m, n, t).
    case chimera(m: Int, n: Int, t: Int)

    /// Short spec, accepted back by `TopologySpec`: `pegasus:14`, `zephyr:12:4`, `chimera:16:16:4`.
    public var description: String {
        switch self {
        case .pegasus(let m): "pegasus:\(m)"
        case .zephyr(let m, let t): "zephyr:\(m):\(t)"
        case .chimera(let m, let n, let t): "chimera:\(m):\(n):\(t)"
        }
    }

    /// Names of the native coordinates, in the order `Topology.coordinates(of:)` returns them.
    public var coordinateNames: [String] {
        switch self {
        case .pegasus: ["u", "w", "k", "z"]
        case .zephyr: ["u", "w", "k", "j", "z"]
        case .chimera: ["i", "j", "u", "k"]
        }
    }
}

/// A hardware graph: the graph itself, numbered densely, and each node's native coordinates.
///
/// Node `i` is the `i`-th smallest dwave-networkx linear index of the family; for Pegasus the
/// nodes that the fabric-only construction drops are skipped, so `linearIndices` has gaps.
public struct Topology: Sendable {
    public let family: TopologyFamily
    public let graph: SparseGraph
    /// `linearIndices[i]` is node `i`'s dwave-networkx linear index, ascending.
    public let linearIndices: [Int]

    public init(family: TopologyFamily, graph: SparseGraph, linearIndices: [Int]) {
        self.family = family
        self.graph = graph
        self.linearIndices = linearIndices
    }

    /// Native coordinates of `node`: `(u,w,k,z)`, `(u,w,k,j,z)` or `(i,j,u,k)`.
    public func coordinates(of node: Int) -> [Int] {
        let q = linearIndices[node]
        switch family {
        case .pegasus(let m): return Pegasus.coordinates(linear: q, m: m)
        case .zephyr(let m, let t): return Zephyr.coordinates(linear: q, m: m, t: t)
        case .chimera(_, let n, let t): return Chimera.coordinates(linear: q, n: n, t: t)
        }
    }

    /// The closed-form proper colouring of the family (4 colours, 2 for Chimera).
    public func nativeColoring() -> Coloring {
        let colors: [Int] = (0..<graph.nodeCount).map { node in
            let c = coordinates(of: node)
            switch family {
            case .pegasus: return Pegasus.color(c)
            case .zephyr: return Zephyr.color(c)
            case .chimera: return Chimera.color(c)
            }
        }
        // The formulas are proven proper in the tests for every size we ship; a failure here
        // would be a bug, so fall back to DSatur rather than hand out a wrong colouring.
        return (try? Coloring(colors: colors, graph: graph)) ?? Coloring.dsatur(graph)
    }

    /// Builds a topology from its family; throws for sizes the family does not define.
    public static func make(_ family: TopologyFamily) throws(TopologyError) -> Topology {
        switch family {
        case .pegasus(let m): try Pegasus.topology(m: m)
        case .zephyr(let m, let t): try Zephyr.topology(m: m, t: t)
        case .chimera(let m, let n, let t): try Chimera.topology(m: m, n: n, t: t)
        }
    }

    /// Builds the dense numbering from edges in linear-index space. Only nodes that occur in
    /// an edge are kept unless `keepAll` gives the full index range.
    static func fromLinearEdges(
        family: TopologyFamily, edges: [(Int, Int)], keepAll: Int?
    ) -> Topology {
        var linear: [Int]
        if let all = keepAll {
            linear = Array(0..<all)
        } else {
            var seen = Set<Int>()
            for (a, b) in edges { seen.insert(a); seen.insert(b) }
            linear = seen.sorted()
        }
        var dense = [Int: Int](minimumCapacity: linear.count)
        for (i, q) in linear.enumerated() { dense[q] = i }
        let mapped = edges.map { (dense[$0.0] ?? -1, dense[$0.1] ?? -1) }
        // Generators only emit edges between valid, distinct indices.
        let graph = (try? SparseGraph(nodeCount: linear.count, edges: mapped)) ?? .empty
        return Topology(family: family, graph: graph, linearIndices: linear)
    }
}

public enum TopologyError: Error, Equatable, CustomStringConvertible {
    case invalidSize(String)
    case unknown(String)

    public var description: String {
        switch self {
        case .invalidSize(let s): s
        case .unknown(let s): s
        }
    }
}
