import RandomStreams
import Topologies

/// How the visible, label and hidden p-bits of a Boltzmann machine sit on a graph.
public enum PlacementStrategy: String, Codable, CaseIterable, Sendable {
    /// Every role on nodes drawn at random (the choice of Niazi et al. 2024: random placement
    /// spreads data and labels over the whole graph, so no region is far from either).
    case random
    /// Visible and label nodes at evenly strided node indices, hidden ones in between.
    case strided
    /// Graph-aware, in the shape of a classification RBM: label p-bits at random nodes at
    /// least three edges apart, so that every neighbour of a label is a hidden p-bit of its
    /// own; pixels on the nodes with the most such label-side hidden neighbours; the rest
    /// hidden. Labels then read features, never raw pixels.
    case layered
}

/// Which node plays which role: `visible[p]` is pixel `p` (row by row), `labels[c][k]` is
/// copy `c` of class `k`, and every other node is hidden.
public struct DBMLayout: Codable, Equatable, Sendable {
    public var visible: [Int]
    public var labels: [[Int]]
    public var hidden: [Int]

    public init(visible: [Int], labels: [[Int]], hidden: [Int]) {
        self.visible = visible
        self.labels = labels
        self.hidden = hidden
    }

    public var classes: Int { labels.first?.count ?? 0 }
    public var allLabels: [Int] { labels.flatMap { $0 } }

    /// Places `visible` pixels and `copies × classes` label p-bits on the nodes of `graph`;
    /// only `.layered` looks at the edges.
    public static func place(
        graph: SparseGraph, visible: Int = 784, classes: Int = 10, copies: Int = 5,
        strategy: PlacementStrategy = .random, seed: UInt64 = 1
    ) throws(LearningError) -> DBMLayout {
        guard strategy == .layered else {
            return try place(nodes: graph.nodeCount, visible: visible, classes: classes, copies: copies,
                             strategy: strategy, seed: seed)
        }
        try checkCounts(nodes: graph.nodeCount, visible: visible, classes: classes, copies: copies)
        var rng = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<graph.nodeCount)
        order.stableShuffle(using: &rng)
        let labelNodes = spreadLabels(graph: graph, count: classes * copies, order: order)
        // Hidden p-bits next to a label: the first layer of features.
        var role = [UInt8](repeating: 0, count: graph.nodeCount)  // 0 free, 1 label, 2 label-side hidden
        for l in labelNodes { role[l] = 1 }
        for l in labelNodes { for n in graph.neighbors(of: l) where role[Int(n)] == 0 { role[Int(n)] = 2 } }
        // Pixels where they feed the most label-side hidden p-bits; the shuffled order breaks ties.
        let candidates = order.filter { role[$0] == 0 }
        let score = candidates.map { c in graph.neighbors(of: c).reduce(0) { $0 + (role[Int($1)] == 2 ? 1 : 0) } }
        let ranked = candidates.indices.sorted { score[$0] != score[$1] ? score[$0] > score[$1] : $0 < $1 }
        guard ranked.count >= visible else {
            throw .invalid("the graph has too few nodes away from the labels for \(visible) visible p-bits; use --placement random")
        }
        let v = ranked[0..<visible].map { candidates[$0] }
        let l = (0..<copies).map { c in Array(labelNodes[(c * classes)..<((c + 1) * classes)]) }
        let taken = Set(v + labelNodes)
        let h = (0..<graph.nodeCount).filter { !taken.contains($0) }
        return DBMLayout(visible: v, labels: l, hidden: h)
    }

    /// `count` label nodes in `order`, greedily as far apart as the graph allows: no two within
    /// distance 2 (disjoint neighbourhoods) while possible, then merely not adjacent, then any.
    static func spreadLabels(graph: SparseGraph, count: Int, order: [Int]) -> [Int] {
        var chosen: [Int] = []
        for radius in [2, 1, 0] where chosen.count < count {
            // Chosen nodes block themselves at every radius, so none is picked twice.
            var blocked = [Bool](repeating: false, count: graph.nodeCount)
            for c in chosen { block(c, radius: radius, graph: graph, blocked: &blocked) }
            for u in order where chosen.count < count && !blocked[u] {
                chosen.append(u)
                block(u, radius: radius, graph: graph, blocked: &blocked)
            }
        }
        return chosen
    }

    private static func block(_ u: Int, radius: Int, graph: SparseGraph, blocked: inout [Bool]) {
        blocked[u] = true
        guard radius > 0 else { return }
        for n in graph.neighbors(of: u) {
            blocked[Int(n)] = true
            if radius > 1 { for m in graph.neighbors(of: Int(n)) { blocked[Int(m)] = true } }
        }
    }

    private static func checkCounts(nodes: Int, visible: Int, classes: Int, copies: Int) throws(LearningError) {
        guard visible >= 1, classes >= 2, copies >= 1 else {
            throw .invalid("a layout needs visible ≥ 1, classes ≥ 2 and copies ≥ 1")
        }
        guard visible + classes * copies < nodes else {
            throw .invalid("the graph has \(nodes) nodes, too few for \(visible) visible and \(classes * copies) label p-bits plus hidden ones")
        }
    }

    /// Places `visible` pixels and `copies × classes` label p-bits on `nodes` nodes (`.random`
    /// and `.strided`; `.layered` needs the graph).
    public static func place(
        nodes: Int, visible: Int = 784, classes: Int = 10, copies: Int = 5,
        strategy: PlacementStrategy = .random, seed: UInt64 = 1
    ) throws(LearningError) -> DBMLayout {
        try checkCounts(nodes: nodes, visible: visible, classes: classes, copies: copies)
        let needed = visible + classes * copies
        var order = Array(0..<nodes)
        switch strategy {
        case .random:
            var rng = Xoshiro256StarStar(seed: seed)
            order.stableShuffle(using: &rng)
        case .strided:
            // Data and label nodes at evenly spaced indices, the labels spread evenly among
            // them (bunched together they would sit in one corner of the graph, far from
            // most pixels), the hidden nodes in between.
            let picked = (0..<needed).map { $0 * nodes / needed }
            let labelCount = classes * copies
            let labelAt = Set((0..<labelCount).map { (2 * $0 + 1) * needed / (2 * labelCount) })
            let dataNodes = picked.indices.filter { !labelAt.contains($0) }.map { picked[$0] }
            let labelNodes = labelAt.sorted().map { picked[$0] }
            let chosen = Set(picked)
            order = dataNodes + labelNodes + (0..<nodes).filter { !chosen.contains($0) }
        case .layered:
            throw .invalid("the layered placement needs the graph's edges; call place(graph:)")
        }
        let v = Array(order[0..<visible])
        let l = (0..<copies).map { c in Array(order[(visible + c * classes)..<(visible + (c + 1) * classes)]) }
        let h = Array(order[needed...]).sorted()
        return DBMLayout(visible: v, labels: l, hidden: h)
    }

    /// Checks that the roles cover `0..<nodes` exactly once.
    public func validate(nodes: Int, pixels: Int? = nil) throws(LearningError) {
        if let pixels, visible.count != pixels {
            throw .invalid("the layout has \(visible.count) visible nodes but images have \(pixels) pixels")
        }
        guard let width = labels.first?.count, width >= 2, labels.allSatisfy({ $0.count == width }) else {
            throw .invalid("labels must be copies of the same number (≥ 2) of class nodes")
        }
        var seen = [Bool](repeating: false, count: nodes)
        for v in visible + allLabels + hidden {
            guard v >= 0, v < nodes else { throw .invalid("node \(v) is outside 0..<\(nodes)") }
            guard !seen[v] else { throw .invalid("node \(v) has two roles") }
            seen[v] = true
        }
        if let missing = seen.firstIndex(of: false) { throw .invalid("node \(missing) has no role") }
    }

    /// ±1 targets of the label p-bits (in `allLabels` order) for class `k`.
    public func labelSpins(_ k: Int) -> [Int8] {
        labels.flatMap { copy in copy.indices.map { $0 == k ? 1 : -1 } }
    }
}

/// Errors of the learning layer: one line each.
public enum LearningError: Error, Equatable, CustomStringConvertible {
    case invalid(String)
    case file(path: String, message: String)

    public var description: String {
        switch self {
        case .invalid(let s): s
        case .file(let p, let m): "\(p): \(m)"
        }
    }
}
