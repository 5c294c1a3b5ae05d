import RandomStreams

/// How the visible, label and hidden p-bits of a Boltzmann machine sit on a graph.
public enum PlacementStrategy: String, Codable, CaseIterable, Sendable {
    /// Every role on nodes drawn at random (the choice of Niazi et al. 2024: random placement
    /// spreads data and labels over the whole graph, so no region is far from either).
    case random
    /// Visible and label nodes at evenly strided node indices, hidden ones in between.
    case strided
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

    /// Places `visible` pixels and `copies × classes` label p-bits on `nodes` nodes.
    public static func place(
        nodes: Int, visible: Int = 784, classes: Int = 10, copies: Int = 5,
        strategy: PlacementStrategy = .random, seed: UInt64 = 1
    ) throws(LearningError) -> DBMLayout {
        guard visible >= 1, classes >= 2, copies >= 1 else {
            throw .invalid("a layout needs visible ≥ 1, classes ≥ 2 and copies ≥ 1")
        }
        let needed = visible + classes * copies
        guard needed < nodes else {
            throw .invalid("the graph has \(nodes) nodes, too few for \(visible) visible and \(classes * copies) label p-bits plus hidden ones")
        }
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
