import Testing
import Topologies

/// Node and edge counts, maximum degrees and degree histograms of the hardware graphs,
/// pinned to what dwave-networkx builds (`pegasus_graph(m)`, `zephyr_graph(m, t)`,
/// `chimera_graph(m, n, t)`).
@Suite("Topology sizes")
struct TopologySizeTests {
    struct Size: Sendable, CustomTestStringConvertible {
        let family: TopologyFamily
        let nodes: Int
        let edges: Int
        var testDescription: String { "\(family) → \(nodes) nodes, \(edges) edges" }
    }

    static let knownSizes: [Size] = [
        Size(family: .pegasus(m: 6), nodes: 680, edges: 4_484),
        Size(family: .pegasus(m: 14), nodes: 4_264, edges: 30_404),
        Size(family: .pegasus(m: 16), nodes: 5_640, edges: 40_484),
        Size(family: .zephyr(m: 4, t: 4), nodes: 576, edges: 5_032),
        Size(family: .zephyr(m: 12, t: 4), nodes: 4_800, edges: 45_864),
        Size(family: .chimera(m: 16, n: 16, t: 4), nodes: 2_048, edges: 6_016),
    ]

    @Test("node and edge counts", arguments: knownSizes)
    func counts(_ size: Size) throws {
        let topo = try Topology.make(size.family)
        #expect(topo.family == size.family)
        #expect(topo.graph.nodeCount == size.nodes)
        #expect(topo.graph.edgeCount == size.edges)
        #expect(topo.graph.edges.count == size.edges)
        #expect(topo.linearIndices.count == size.nodes)
        // The degree sum counts every edge twice.
        let degreeSum = (0..<topo.graph.nodeCount).reduce(0) { $0 + topo.graph.degree(of: $1) }
        #expect(degreeSum == 2 * size.edges)
    }

    @Test("Pegasus node count is 8(m-1)(3m-1) for every m", arguments: 2...16)
    func pegasusNodeFormula(m: Int) throws {
        let topo = try Pegasus.topology(m: m)
        #expect(topo.graph.nodeCount == 8 * (m - 1) * (3 * m - 1))
    }

    @Test("Zephyr node count is 4tm(2m+1)", arguments: [(1, 4), (2, 4), (4, 4), (3, 2), (2, 1), (5, 3)])
    func zephyrNodeFormula(m: Int, t: Int) throws {
        let topo = try Zephyr.topology(m: m, t: t)
        #expect(topo.graph.nodeCount == 4 * t * m * (2 * m + 1))
    }

    @Test("Pegasus maximum degree is 15 for m ≥ 4", arguments: [4, 6, 14])
    func pegasusMaxDegree(m: Int) throws {
        #expect(try Pegasus.topology(m: m).graph.maxDegree == 15)
    }

    @Test("Zephyr maximum degree is 20 for t = 4, m ≥ 3", arguments: [3, 4, 12])
    func zephyrMaxDegree(m: Int) throws {
        #expect(try Zephyr.topology(m: m, t: 4).graph.maxDegree == 20)
    }

    @Test("Chimera maximum degree is t + 2 for m, n ≥ 3")
    func chimeraMaxDegree() throws {
        #expect(try Chimera.topology(m: 16).graph.maxDegree == 6)
        #expect(try Chimera.topology(m: 3, n: 5, t: 2).graph.maxDegree == 4)
    }

    struct Histogram: Sendable, CustomTestStringConvertible {
        let family: TopologyFamily
        /// degree → number of nodes
        let counts: [Int: Int]
        var testDescription: String { "\(family)" }
    }

    static let histograms: [Histogram] = [
        Histogram(family: .pegasus(m: 14),
                  counts: [6: 32, 7: 176, 10: 32, 11: 176, 14: 592, 15: 3_256]),
        Histogram(family: .zephyr(m: 12, t: 4),
                  counts: [10: 32, 11: 32, 12: 320, 18: 368, 19: 368, 20: 3_680]),
        Histogram(family: .chimera(m: 16, n: 16, t: 4), counts: [5: 256, 6: 1_792]),
    ]

    @Test("degree histograms", arguments: histograms)
    func degreeHistogram(_ expected: Histogram) throws {
        let graph = try Topology.make(expected.family).graph
        let histogram = graph.degreeHistogram
        var actual: [Int: Int] = [:]
        for (degree, count) in histogram.enumerated() where count > 0 { actual[degree] = count }
        #expect(actual == expected.counts)
        #expect(histogram.count == (expected.counts.keys.max() ?? -1) + 1)
        #expect(histogram.reduce(0, +) == graph.nodeCount)
    }

    @Test("Topology.make agrees with the family builders")
    func makeMatchesBuilders() throws {
        #expect(try Topology.make(.pegasus(m: 5)).graph == Pegasus.topology(m: 5).graph)
        #expect(try Topology.make(.zephyr(m: 3, t: 2)).graph == Zephyr.topology(m: 3, t: 2).graph)
        #expect(try Topology.make(.chimera(m: 3, n: 5, t: 2)).graph
                == Chimera.topology(m: 3, n: 5, t: 2).graph)
        // Chimera's column count defaults to the row count and its tile to 4.
        #expect(try Chimera.topology(m: 4).family == .chimera(m: 4, n: 4, t: 4))
    }

    @Test("building twice gives identical graphs")
    func deterministic() throws {
        #expect(try Pegasus.topology(m: 6).graph == Pegasus.topology(m: 6).graph)
        #expect(try Pegasus.topology(m: 6).linearIndices == Pegasus.topology(m: 6).linearIndices)
        #expect(try Zephyr.topology(m: 4, t: 4).graph == Zephyr.topology(m: 4, t: 4).graph)
    }
}
