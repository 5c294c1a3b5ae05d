import IsingModel
import Topologies

/// The model rearranged for the sweep kernels.
///
/// Nodes are renumbered colour by colour, each colour class padded to a multiple of
/// `groupWidth` (16) with inert nodes, so a colour is one contiguous range and sixteen nodes
/// of one colour fill a SIMD register pair. Couplings are in ELL form: every node has `width` slots
/// (the maximum degree, rounded up to even), unused slots have weight 0 and point at the
/// always-zero slot `zeroSlot`. Within a group of sixteen nodes the slots are stored
/// slot-major, `[group][slot][lane]`, so a kernel vectorised across nodes loads sixteen weights
/// at once and a kernel vectorised across replicas reads one weight per node.
public struct ColoredLayout: Sendable {
    public static let groupWidth = 16

    /// Real nodes.
    public let nodeCount: Int
    /// Internal slots, padding included (a multiple of 16); `zeroSlot == paddedCount`.
    public let paddedCount: Int
    public var zeroSlot: Int { paddedCount }
    /// ELL width (slots per node), even.
    public let width: Int
    /// `internalIndex[v]` is node `v`'s internal slot.
    public let internalIndex: [Int32]
    /// `node[s]` is the real node at internal slot `s`, or −1 for padding.
    public let node: [Int32]
    /// Colour `c` occupies internal slots `classStart[c] ..< classStart[c + 1]`.
    public let classStart: [Int]
    /// `[group][slot][lane]` weights and internal neighbour slots.
    public let weights: [Float]
    public let columns: [Int32]
    /// Biases in internal order (0 for padding).
    public let biases: [Float]
    /// Edges `(a, b)` of the original graph (`a < b`) as internal slots, with their couplings.
    public let edgeSlots: [SIMD2<Int32>]
    public let edgeWeights: [Float]
    /// Where each edge's coupling sits in `weights`, once for each direction.
    public let edgePositions: [SIMD2<Int32>]

    public var colorCount: Int { classStart.count - 1 }

    /// Largest ELL table (slots) and state (slots) the kernels address with 32-bit offsets.
    static let maximumSlots = 1 << 28
    static let maximumNodes = 1 << 24

    /// The colouring to use (DSatur when none is given), checked to be proper for `graph`,
    /// and the graph checked to fit the kernels: a colouring that is not proper would make
    /// parallel updates silently wrong.
    public static func checkedColoring(_ given: Coloring?, for graph: SparseGraph) throws(SamplerError) -> Coloring {
        guard graph.nodeCount <= maximumNodes else {
            throw .invalid("the graph has \(graph.nodeCount) nodes; at most \(maximumNodes) are supported")
        }
        let width = max(graph.maxDegree, 2)
        guard (graph.nodeCount + 16 * 32) * (width + 1) <= maximumSlots else {
            throw .invalid("the graph's maximum degree (\(graph.maxDegree)) makes its padded coupling table too large; the kernels are meant for sparse graphs of bounded degree")
        }
        guard let given else { return Coloring.dsatur(graph) }
        do {
            return try Coloring(colors: given.colors, graph: graph)
        } catch {
            throw .invalid("the colouring does not fit the model: \(error)")
        }
    }

    public init(model: IsingModel, coloring: Coloring) {
        let g = model.graph
        let gw = Self.groupWidth
        var start = [0]
        var internalIndex = [Int32](repeating: 0, count: g.nodeCount)
        var node: [Int32] = []
        for members in coloring.classes {
            for v in members {
                internalIndex[v] = Int32(node.count)
                node.append(Int32(v))
            }
            while node.count % gw != 0 { node.append(-1) }
            start.append(node.count)
        }
        let padded = node.count
        var width = max(g.maxDegree, 2)
        if width % 2 == 1 { width += 1 }
        var w = [Float](repeating: 0, count: padded * width)
        var c = [Int32](repeating: Int32(padded), count: padded * width)
        var h = [Float](repeating: 0, count: padded)
        var positionOfEntry = [Int32](repeating: 0, count: g.neighbors.count)
        for s in 0..<padded {
            let v = Int(node[s])
            guard v >= 0 else { continue }
            h[s] = Float(model.biases[v])
            let group = s / gw, lane = s % gw
            var slot = 0
            for k in g.offsets[v]..<g.offsets[v + 1] {
                let at = (group * width + slot) * gw + lane
                w[at] = Float(model.couplings[k])
                c[at] = internalIndex[Int(g.neighbors[k])]
                positionOfEntry[k] = Int32(at)
                slot += 1
            }
        }
        let values = model.edgeCouplings
        var slots: [SIMD2<Int32>] = []
        slots.reserveCapacity(values.count)
        var positions: [SIMD2<Int32>] = []
        positions.reserveCapacity(values.count)
        for (a, b) in g.edges {
            slots.append(SIMD2(internalIndex[a], internalIndex[b]))
            let ab = IsingModel.entryIndex(g, a, b), ba = IsingModel.entryIndex(g, b, a)
            positions.append(SIMD2(positionOfEntry[ab], positionOfEntry[ba]))
        }
        self.nodeCount = g.nodeCount
        self.paddedCount = padded
        self.width = width
        self.internalIndex = internalIndex
        self.node = node
        self.classStart = start
        self.weights = w
        self.columns = c
        self.biases = h
        self.edgeSlots = slots
        self.edgeWeights = values.map(Float.init)
        self.edgePositions = positions
    }
}
