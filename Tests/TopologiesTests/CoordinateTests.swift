import Testing
import Topologies

/// Dense node numbers, dwave-networkx linear indices and native coordinates agree, and every
/// edge is one of the kinds the family's construction defines.
@Suite("Coordinates and linear indices")
struct CoordinateTests {
    @Test("linear indices are strictly ascending and non-negative",
          arguments: [TopologyFamily.pegasus(m: 6), .pegasus(m: 2), .zephyr(m: 4, t: 4),
                      .zephyr(m: 1, t: 4), .chimera(m: 3, n: 5, t: 2)])
    func ascending(_ family: TopologyFamily) throws {
        let topo = try Topology.make(family)
        #expect(topo.linearIndices.first.map { $0 >= 0 } ?? false)
        #expect(zip(topo.linearIndices, topo.linearIndices.dropFirst()).allSatisfy { $0 < $1 })
    }

    @Test("Pegasus P6: coordinates ↔ linear index for every node")
    func pegasusRoundTrip() throws {
        let m = 6
        let topo = try Pegasus.topology(m: m)
        #expect(topo.family.coordinateNames == ["u", "w", "k", "z"])
        var bad = 0
        for node in 0..<topo.graph.nodeCount {
            let c = topo.coordinates(of: node)
            guard c.count == 4, (0..<2).contains(c[0]), (0..<m).contains(c[1]),
                  (0..<12).contains(c[2]), (0..<(m - 1)).contains(c[3]) else { bad += 1; continue }
            let q = Pegasus.linearIndex(u: c[0], w: c[1], k: c[2], z: c[3], m: m)
            if q != topo.linearIndices[node] { bad += 1 }
            if Pegasus.coordinates(linear: q, m: m) != c { bad += 1 }
        }
        #expect(bad == 0)
        // Fabric-only leaves gaps: the full index range is 24·m·(m-1) = 720 for m = 6.
        #expect(topo.linearIndices.last! < 24 * m * (m - 1))
        #expect(topo.linearIndices.count < 24 * m * (m - 1))
    }

    @Test("Zephyr Z(4,4): coordinates ↔ linear index for every node, no gaps")
    func zephyrRoundTrip() throws {
        let (m, t) = (4, 4)
        let topo = try Zephyr.topology(m: m, t: t)
        #expect(topo.family.coordinateNames == ["u", "w", "k", "j", "z"])
        #expect(topo.linearIndices == Array(0..<topo.graph.nodeCount))
        var bad = 0
        for node in 0..<topo.graph.nodeCount {
            let c = topo.coordinates(of: node)
            guard c.count == 5, (0..<2).contains(c[0]), (0..<(2 * m + 1)).contains(c[1]),
                  (0..<t).contains(c[2]), (0..<2).contains(c[3]), (0..<m).contains(c[4])
            else { bad += 1; continue }
            let q = Zephyr.linearIndex(u: c[0], w: c[1], k: c[2], j: c[3], z: c[4], m: m, t: t)
            if q != topo.linearIndices[node] { bad += 1 }
            if Zephyr.coordinates(linear: q, m: m, t: t) != c { bad += 1 }
        }
        #expect(bad == 0)
    }

    @Test("Chimera C(3,5,2): coordinates ↔ linear index for every node, no gaps")
    func chimeraRoundTrip() throws {
        let (m, n, t) = (3, 5, 2)
        let topo = try Chimera.topology(m: m, n: n, t: t)
        #expect(topo.family.coordinateNames == ["i", "j", "u", "k"])
        #expect(topo.linearIndices == Array(0..<(m * n * 2 * t)))
        var bad = 0
        for node in 0..<topo.graph.nodeCount {
            let c = topo.coordinates(of: node)
            guard c.count == 4, (0..<m).contains(c[0]), (0..<n).contains(c[1]),
                  (0..<2).contains(c[2]), (0..<t).contains(c[3]) else { bad += 1; continue }
            let q = Chimera.linearIndex(i: c[0], j: c[1], u: c[2], k: c[3], n: n, t: t)
            if q != topo.linearIndices[node] { bad += 1 }
            if Chimera.coordinates(linear: q, n: n, t: t) != c { bad += 1 }
        }
        #expect(bad == 0)
    }

    @Test("coordinates pinned to dwave-networkx's pegasus/zephyr/chimera_coordinates")
    func pinnedToDwaveNetworkx() throws {
        // Values from dwave-networkx 0.8: sorted(pegasus_graph(m)) and linear_to_pegasus etc.
        let p6 = try Pegasus.topology(m: 6)
        #expect(p6.linearIndices.first == 10 && p6.linearIndices.last == 709)
        #expect(p6.coordinates(of: 0) == [0, 0, 2, 0])
        #expect(p6.coordinates(of: p6.graph.nodeCount - 1) == [1, 5, 9, 4])
        #expect(24 * 6 * 5 - p6.linearIndices.count == 40)  // fabric-only drops 40 of 720

        let p14 = try Pegasus.topology(m: 14)
        #expect(p14.linearIndices.first == 26 && p14.linearIndices.last == 4_341)
        #expect(p14.coordinates(of: p14.graph.nodeCount - 1) == [1, 13, 9, 12])
        let node1234 = try #require(p14.linearIndices.firstIndex(of: 1_234))
        #expect(p14.coordinates(of: node1234) == [0, 7, 10, 12])
        #expect(24 * 14 * 13 - p14.linearIndices.count == 104)

        #expect(Zephyr.coordinates(linear: 4_799, m: 12, t: 4) == [1, 24, 3, 1, 11])
        #expect(Zephyr.coordinates(linear: 1_234, m: 12, t: 4) == [0, 12, 3, 0, 10])
        #expect(Chimera.coordinates(linear: 37, n: 5, t: 2) == [1, 4, 0, 1])
    }

    @Test("every Pegasus P6 edge is external, odd or internal")
    func pegasusEdgeKinds() throws {
        let topo = try Pegasus.topology(m: 6)
        var kinds = [String: Int]()
        for (a, b) in topo.graph.edges {
            let x = topo.coordinates(of: a), y = topo.coordinates(of: b)
            let kind: String
            if x[0] != y[0] {
                kind = "internal"
            } else if x[1] == y[1], x[2] == y[2], abs(x[3] - y[3]) == 1 {
                kind = "external"
            } else if x[1] == y[1], x[3] == y[3], min(x[2], y[2]) % 2 == 0, abs(x[2] - y[2]) == 1 {
                kind = "odd"
            } else {
                kind = "other"
            }
            kinds[kind, default: 0] += 1
        }
        #expect(kinds["other"] == nil)
        #expect(kinds.values.reduce(0, +) == 4_484)
        #expect(kinds["internal", default: 0] > 0 && kinds["external", default: 0] > 0
                && kinds["odd", default: 0] > 0)
    }

    @Test("every Zephyr Z(4,4) edge is external, odd or internal")
    func zephyrEdgeKinds() throws {
        let topo = try Zephyr.topology(m: 4, t: 4)
        var other = 0
        for (a, b) in topo.graph.edges {
            let x = topo.coordinates(of: a), y = topo.coordinates(of: b)
            if x[0] != y[0] { continue }  // internal: between orientations
            let sameTile = x[1] == y[1] && x[2] == y[2]
            let external = sameTile && x[3] == y[3] && abs(x[4] - y[4]) == 1
            // odd: j differs, and z of the j = 1 node is z or z - 1 of the j = 0 node
            let (lo, hi) = x[3] == 0 ? (x, y) : (y, x)
            let odd = sameTile && lo[3] == 0 && hi[3] == 1 && (lo[4] - hi[4] == 0 || lo[4] - hi[4] == 1)
            if !(external || odd) { other += 1 }
        }
        #expect(other == 0)
    }

    @Test("every Chimera C(3,5,2) edge is intra-cell or a coupler to the next cell")
    func chimeraEdgeKinds() throws {
        let topo = try Chimera.topology(m: 3, n: 5, t: 2)
        var other = 0
        for (a, b) in topo.graph.edges {
            let x = topo.coordinates(of: a), y = topo.coordinates(of: b)
            let intra = x[0] == y[0] && x[1] == y[1] && x[2] != y[2]
            let vertical = x[2] == 0 && y[2] == 0 && x[3] == y[3] && x[1] == y[1]
                && abs(x[0] - y[0]) == 1
            let horizontal = x[2] == 1 && y[2] == 1 && x[3] == y[3] && x[0] == y[0]
                && abs(x[1] - y[1]) == 1
            if !(intra || vertical || horizontal) { other += 1 }
        }
        #expect(other == 0)
        // 15 cells × K_{2,2} + vertical 2·5·2 + horizontal 2·3·4
        #expect(topo.graph.edgeCount == 15 * 4 + 20 + 24)
    }
}
