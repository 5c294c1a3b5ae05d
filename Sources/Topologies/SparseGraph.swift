/// An undirected simple graph on nodes `0..<nodeCount`, stored as compressed sparse rows.
///
/// Neighbour lists are sorted, so two graphs with the same edge set compare equal, and the
/// edge list (`i < j`, lexicographic) is the canonical form used by files and tests.
public struct SparseGraph: Sendable, Equatable {
    /// Number of nodes.
    public let nodeCount: Int
    /// `neighbors[offsets[i]..<offsets[i+1]]` are the neighbours of node `i`, ascending.
    public let offsets: [Int]
    public let neighbors: [Int32]

    /// Builds a graph from undirected edges; duplicates (in either direction) are merged.
    /// - Throws: `GraphError` for a self-loop or an endpoint outside `0..<nodeCount`.
    public init(nodeCount: Int, edges: some Sequence<(Int, Int)>) throws(GraphError) {
        guard nodeCount >= 0 else { throw .negativeNodeCount(nodeCount) }
        var lists = [[Int32]](repeating: [], count: nodeCount)
        for (a, b) in edges {
            guard a >= 0, a < nodeCount, b >= 0, b < nodeCount else {
                throw .nodeOutOfRange(edge: (a, b), nodeCount: nodeCount)
            }
            guard a != b else { throw .selfLoop(node: a) }
            lists[a].append(Int32(b))
            lists[b].append(Int32(a))
        }
        var offsets = [0]
        offsets.reserveCapacity(nodeCount + 1)
        var flat: [Int32] = []
        for i in 0..<nodeCount {
            var row = lists[i]
            row.sort()
            var last: Int32 = -1
            for v in row where v != last {
                flat.append(v)
                last = v
            }
            offsets.append(flat.count)
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbors = flat
    }

    /// Number of undirected edges.
    public var edgeCount: Int { neighbors.count / 2 }

    /// Neighbours of `node`, ascending.
    @inlinable
    public func neighbors(of node: Int) -> ArraySlice<Int32> {
        neighbors[offsets[node]..<offsets[node + 1]]
    }

    @inlinable
    public func degree(of node: Int) -> Int { offsets[node + 1] - offsets[node] }

    public var maxDegree: Int {
        (0..<nodeCount).map(degree(of:)).max() ?? 0
    }

    /// `histogram[d]` is the number of nodes of degree `d`.
    public var degreeHistogram: [Int] {
        var h = [Int](repeating: 0, count: maxDegree + 1)
        for i in 0..<nodeCount { h[degree(of: i)] += 1 }
        return h
    }

    /// Edges `(i, j)` with `i < j`, in lexicographic order.
    public var edges: [(Int, Int)] {
        var out: [(Int, Int)] = []
        out.reserveCapacity(edgeCount)
        for i in 0..<nodeCount {
            for j in neighbors(of: i) where Int(j) > i { out.append((i, Int(j))) }
        }
        return out
    }

    /// True when `a` and `b` share an edge (binary search in `a`'s sorted list).
    public func hasEdge(_ a: Int, _ b: Int) -> Bool {
        let row = neighbors(of: a)
        var lo = row.startIndex, hi = row.endIndex
        let target = Int32(b)
        while lo < hi {
            let mid = (lo + hi) / 2
            if row[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < row.endIndex && row[lo] == target
    }

    /// The subgraph induced by `nodes`, renumbered `0..<nodes.count` in the given order.
    public func induced(by nodes: [Int]) -> SparseGraph {
        var index = [Int: Int]()
        for (k, v) in nodes.enumerated() { index[v] = k }
        var edges: [(Int, Int)] = []
        for (k, v) in nodes.enumerated() {
            for w in neighbors(of: v) {
                if let l = index[Int(w)], k < l { edges.append((k, l)) }
            }
        }
        // Endpoints come from `index`, so they are in range and distinct.
        return (try? SparseGraph(nodeCount: nodes.count, edges: edges)) ?? SparseGraph.empty
    }

    public static let empty: SparseGraph = try! SparseGraph(nodeCount: 0, edges: [])

    public static func == (a: SparseGraph, b: SparseGraph) -> Bool {
        a.nodeCount == b.nodeCount && a.offsets == b.offsets && a.neighbors == b.neighbors
    }
}

/// Errors raised while building a graph.
public enum GraphError: Error, Equatable, CustomStringConvertible {
    case negativeNodeCount(Int)
    case nodeOutOfRange(edge: (Int, Int), nodeCount: Int)
    case selfLoop(node: Int)

    public static func == (a: GraphError, b: GraphError) -> Bool { a.description == b.description }

    public var description: String {
        switch self {
        case .negativeNodeCount(let n): "node count must not be negative (got \(n))"
        case .nodeOutOfRange(let e, let n):
            "edge (\(e.0), \(e.1)) names a node outside 0..<\(n)"
        case .selfLoop(let v): "self-loop on node \(v)"
        }
    }
}
