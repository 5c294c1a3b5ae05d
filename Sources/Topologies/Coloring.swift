/// A proper vertex colouring: no edge joins two nodes of the same colour.
///
/// This is what makes parallel p-bit updates exact: the nodes of one colour have no edge
/// between them, so each one's conditional distribution depends only on other colours, and
/// updating the whole class at once is the same as updating it one node at a time.
public struct Coloring: Sendable, Equatable {
    /// `colors[i]` is node `i`'s colour in `0..<colorCount`.
    public let colors: [Int]
    public let colorCount: Int
    /// `classes[c]` lists the nodes of colour `c`, ascending.
    public let classes: [[Int]]

    /// Validates `colors` against `graph`.
    /// - Throws: `ColoringError` when sizes differ, a colour is negative, or an edge is monochrome.
    public init(colors: [Int], graph: SparseGraph) throws(ColoringError) {
        guard colors.count == graph.nodeCount else {
            throw .sizeMismatch(colors: colors.count, nodes: graph.nodeCount)
        }
        if let bad = colors.firstIndex(where: { $0 < 0 }) {
            throw .negativeColor(node: bad, color: colors[bad])
        }
        for (i, j) in graph.edges where colors[i] == colors[j] {
            throw .conflict(i, j, color: colors[i])
        }
        let count = (colors.max() ?? -1) + 1
        var classes = [[Int]](repeating: [], count: count)
        for (i, c) in colors.enumerated() { classes[c].append(i) }
        self.colors = colors
        self.colorCount = count
        self.classes = classes
    }

    public var classSizes: [Int] { classes.map(\.count) }

    /// DSatur (Brélaz 1979): colour next the node whose neighbours already use the most
    /// distinct colours, ties broken by degree, then by lower index; give it the smallest free
    /// colour. Near-optimal on sparse hardware graphs, and always proper.
    public static func dsatur(_ graph: SparseGraph) -> Coloring {
        let n = graph.nodeCount
        var color = [Int](repeating: -1, count: n)
        var neighborColors = [Set<Int>](repeating: [], count: n)
        // Max-heap on (saturation, degree, -index) with lazy deletion.
        var heap = Heap<DSaturKey>()
        for i in 0..<n { heap.push(DSaturKey(saturation: 0, degree: graph.degree(of: i), node: i)) }
        while let key = heap.pop() {
            let v = key.node
            if color[v] >= 0 || key.saturation != neighborColors[v].count { continue }
            var c = 0
            while neighborColors[v].contains(c) { c += 1 }
            color[v] = c
            for w in graph.neighbors(of: v) {
                let w = Int(w)
                guard color[w] < 0 else { continue }
                if neighborColors[w].insert(c).inserted {
                    heap.push(DSaturKey(saturation: neighborColors[w].count,
                                        degree: graph.degree(of: w), node: w))
                }
            }
        }
        // Proper by construction.
        return (try? Coloring(colors: color, graph: graph))
            ?? Coloring(unchecked: color, count: (color.max() ?? -1) + 1)
    }

    private init(unchecked colors: [Int], count: Int) {
        var classes = [[Int]](repeating: [], count: count)
        for (i, c) in colors.enumerated() { classes[c].append(i) }
        self.colors = colors
        self.colorCount = count
        self.classes = classes
    }
}

public enum ColoringError: Error, Equatable, CustomStringConvertible {
    case sizeMismatch(colors: Int, nodes: Int)
    case negativeColor(node: Int, color: Int)
    case conflict(Int, Int, color: Int)

    public var description: String {
        switch self {
        case .sizeMismatch(let c, let n): "colouring has \(c) entries but the graph has \(n) nodes"
        case .negativeColor(let v, let c): "node \(v) has negative colour \(c)"
        case .conflict(let a, let b, let c): "edge (\(a), \(b)) joins two nodes of colour \(c)"
        }
    }
}

struct DSaturKey: Comparable {
    var saturation: Int
    var degree: Int
    var node: Int
    static func < (a: DSaturKey, b: DSaturKey) -> Bool {
        if a.saturation != b.saturation { return a.saturation < b.saturation }
        if a.degree != b.degree { return a.degree < b.degree }
        return a.node > b.node
    }
}

/// A small binary max-heap.
struct Heap<Element: Comparable> {
    private var items: [Element] = []

    mutating func push(_ x: Element) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard items[p] < items[i] else { break }
            items.swapAt(p, i)
            i = p
        }
    }

    mutating func pop() -> Element? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < items.count && items[best] < items[l] { best = l }
                if r < items.count && items[best] < items[r] { best = r }
                if best == i { break }
                items.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}
