import Testing
import Topologies

/// The closed-form colourings are proper and balanced; DSatur is proper everywhere; and
/// `Coloring(colors:graph:)` rejects what is not a proper colouring.
@Suite("Colourings")
struct ColoringTests {
    // MARK: Native (closed-form) colourings

    @Test("Pegasus native colouring: proper, 4 equal classes", arguments: 2...16)
    func pegasusNative(m: Int) throws {
        let topo = try Pegasus.topology(m: m)
        let coloring = topo.nativeColoring()
        // The closed form itself, not a silent DSatur fallback inside nativeColoring().
        let formula = (0..<topo.graph.nodeCount).map { Pegasus.color(topo.coordinates(of: $0)) }
        #expect(coloring.colors == formula)
        #expect(isProper(coloring.colors, on: topo.graph))
        #expect(coloring.colorCount == 4)
        // 8(m-1)(3m-1) nodes, always a multiple of 4, split exactly evenly.
        let n = topo.graph.nodeCount
        #expect(coloring.classSizes == Array(repeating: n / 4, count: 4))
    }

    @Test("Zephyr native colouring: proper, 4 equal classes",
          arguments: [(1, 4), (2, 4), (3, 4), (4, 4), (12, 4), (3, 2), (2, 1), (1, 1), (5, 3)])
    func zephyrNative(m: Int, t: Int) throws {
        let topo = try Zephyr.topology(m: m, t: t)
        let coloring = topo.nativeColoring()
        let formula = (0..<topo.graph.nodeCount).map { Zephyr.color(topo.coordinates(of: $0)) }
        #expect(coloring.colors == formula)
        #expect(isProper(coloring.colors, on: topo.graph))
        #expect(coloring.colorCount == 4)
        // 4tm(2m+1) nodes, split exactly evenly.
        #expect(coloring.classSizes == Array(repeating: t * m * (2 * m + 1), count: 4))
    }

    @Test("Chimera native colouring: proper, 2 colours",
          arguments: [(16, 16, 4), (3, 5, 2), (4, 4, 4), (2, 7, 3), (1, 1, 4), (5, 3, 1)])
    func chimeraNative(m: Int, n: Int, t: Int) throws {
        let topo = try Chimera.topology(m: m, n: n, t: t)
        let coloring = topo.nativeColoring()
        let formula = (0..<topo.graph.nodeCount).map { Chimera.color(topo.coordinates(of: $0)) }
        #expect(coloring.colors == formula)
        #expect(isProper(coloring.colors, on: topo.graph))
        #expect(coloring.colorCount == 2)
        // Each cell gives one shore to each colour.
        #expect(coloring.classSizes == [m * n * t, m * n * t])
    }

    @Test("colour classes list their nodes in ascending order and partition the graph")
    func classesPartition() throws {
        let topo = try Pegasus.topology(m: 4)
        let coloring = topo.nativeColoring()
        #expect(coloring.classes.count == coloring.colorCount)
        #expect(coloring.classes.joined().sorted() == Array(0..<topo.graph.nodeCount))
        for (c, members) in coloring.classes.enumerated() {
            #expect(zip(members, members.dropFirst()).allSatisfy { $0 < $1 })
            #expect(members.allSatisfy { coloring.colors[$0] == c })
        }
    }

    // MARK: DSatur

    @Test("DSatur on hardware graphs: proper, at most Δ+1 colours",
          arguments: [TopologyFamily.pegasus(m: 2), .pegasus(m: 6), .pegasus(m: 14),
                      .zephyr(m: 1, t: 4), .zephyr(m: 4, t: 4), .zephyr(m: 3, t: 2),
                      .chimera(m: 16, n: 16, t: 4), .chimera(m: 3, n: 5, t: 2)])
    func dsaturHardware(_ family: TopologyFamily) throws {
        let graph = try Topology.make(family).graph
        let coloring = Coloring.dsatur(graph)
        #expect(isProper(coloring.colors, on: graph))
        #expect(coloring.colorCount <= graph.maxDegree + 1)
        #expect(coloring.classSizes.reduce(0, +) == graph.nodeCount)
        // DSatur is exact on bipartite graphs.
        if case .chimera = family { #expect(coloring.colorCount == 2) }
    }

    @Test("DSatur on random graphs: proper, at most Δ+1 colours",
          arguments: [(50, 0.1, 1 as UInt64), (200, 0.02, 2), (200, 0.2, 3), (300, 0.05, 4),
                      (40, 0.9, 5), (100, 0.0, 6)])
    func dsaturRandom(nodes: Int, p: Double, seed: UInt64) throws {
        let graph = try randomGraph(nodes: nodes, edgeProbability: p, seed: seed)
        let coloring = Coloring.dsatur(graph)
        #expect(coloring.colors.count == nodes)
        #expect(isProper(coloring.colors, on: graph))
        #expect(coloring.colorCount <= graph.maxDegree + 1)
        #expect(coloring.colors.allSatisfy { $0 >= 0 })
        // The constructor that validates accepts DSatur's output.
        let validated = try Coloring(colors: coloring.colors, graph: graph)
        #expect(validated == coloring)
    }

    @Test("the random-graph generator is deterministic and non-trivial")
    func randomGraphDeterministic() throws {
        let a = try randomGraph(nodes: 100, edgeProbability: 0.1, seed: 42)
        let b = try randomGraph(nodes: 100, edgeProbability: 0.1, seed: 42)
        let c = try randomGraph(nodes: 100, edgeProbability: 0.1, seed: 43)
        #expect(a == b)
        #expect(a != c)
        // 4950 pairs × 0.1 ≈ 495 edges
        #expect((350...650).contains(a.edgeCount))
    }

    @Test("DSatur on small graphs with known chromatic numbers")
    func dsaturKnown() throws {
        let complete = try SparseGraph(
            nodeCount: 7, edges: (0..<7).flatMap { i in ((i + 1)..<7).map { (i, $0) } })
        #expect(Coloring.dsatur(complete).colorCount == 7)
        let oddCycle = try SparseGraph(nodeCount: 9, edges: (0..<9).map { ($0, ($0 + 1) % 9) })
        #expect(Coloring.dsatur(oddCycle).colorCount == 3)
        let evenCycle = try SparseGraph(nodeCount: 10, edges: (0..<10).map { ($0, ($0 + 1) % 10) })
        #expect(Coloring.dsatur(evenCycle).colorCount == 2)
        let isolated = try SparseGraph(nodeCount: 5, edges: [])
        #expect(Coloring.dsatur(isolated).colors == [0, 0, 0, 0, 0])
        let empty = Coloring.dsatur(.empty)
        #expect(empty.colors.isEmpty && empty.colorCount == 0)
    }

    // MARK: Validation

    @Test("an improper colouring throws .conflict naming the edge")
    func conflict() throws {
        let path = try SparseGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        let error = #expect(throws: ColoringError.self) {
            try Coloring(colors: [0, 1, 1, 0], graph: path)
        }
        #expect(error == .conflict(1, 2, color: 1))
        #expect(error?.description.contains("(1, 2)") == true)

        // Breaking one node of a native colouring is caught too.
        let topo = try Pegasus.topology(m: 4)
        var colors = topo.nativeColoring().colors
        let node = 100, neighbor = Int(topo.graph.neighbors(of: 100).first!)
        colors[node] = colors[neighbor]
        let broken = #expect(throws: ColoringError.self) {
            try Coloring(colors: colors, graph: topo.graph)
        }
        #expect(broken == .conflict(min(node, neighbor), max(node, neighbor), color: colors[node]))
    }

    @Test("a colouring of the wrong length throws .sizeMismatch")
    func sizeMismatch() throws {
        let graph = try SparseGraph(nodeCount: 3, edges: [(0, 1)])
        #expect(throws: ColoringError.sizeMismatch(colors: 2, nodes: 3)) {
            try Coloring(colors: [0, 1], graph: graph)
        }
        #expect(throws: ColoringError.sizeMismatch(colors: 4, nodes: 3)) {
            try Coloring(colors: [0, 1, 0, 1], graph: graph)
        }
        let error = #expect(throws: ColoringError.self) { try Coloring(colors: [], graph: graph) }
        #expect(error?.description == "colouring has 0 entries but the graph has 3 nodes")
    }

    @Test("a negative colour throws .negativeColor")
    func negativeColor() throws {
        let graph = try SparseGraph(nodeCount: 3, edges: [(0, 1)])
        #expect(throws: ColoringError.negativeColor(node: 2, color: -1)) {
            try Coloring(colors: [0, 1, -1], graph: graph)
        }
    }

    @Test("a valid colouring is kept as given")
    func validKept() throws {
        let graph = try SparseGraph(nodeCount: 4, edges: [(0, 1), (1, 2), (2, 3)])
        let coloring = try Coloring(colors: [0, 2, 0, 2], graph: graph)
        #expect(coloring.colors == [0, 2, 0, 2])
        // Colours are not renumbered: colour 1 is an empty class.
        #expect(coloring.colorCount == 3)
        #expect(coloring.classes == [[0, 2], [], [1, 3]])
        #expect(coloring.classSizes == [2, 0, 2])
    }
}
