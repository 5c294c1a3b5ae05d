import Foundation
import RandomStreams
import Testing
import Topologies

/// An Erdős–Rényi graph G(n, p) drawn with `SplitMix64(seed)`.
func randomGraph(nodes n: Int, edgeProbability p: Double, seed: UInt64) throws -> SparseGraph {
    var rng = SplitMix64(seed: seed)
    var edges: [(Int, Int)] = []
    for i in 0..<n {
        for j in (i + 1)..<n where Double.random(in: 0..<1, using: &rng) < p {
            edges.append((i, j))
        }
    }
    return try SparseGraph(nodeCount: n, edges: edges)
}

/// True when no edge of `graph` joins two nodes of the same colour in `colors`.
func isProper(_ colors: [Int], on graph: SparseGraph) -> Bool {
    colors.count == graph.nodeCount && graph.edges.allSatisfy { colors[$0.0] != colors[$0.1] }
}

/// A fresh, empty directory under the system temporary directory; removed by `cleanup()`.
struct TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("TopologiesTests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// The package root: this file is `<root>/Tests/TopologiesTests/TestSupport.swift`.
func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // TopologiesTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root
}

/// Builds a topology, failing the test (not crashing) on an invalid size.
func make(_ family: TopologyFamily) throws -> Topology {
    try Topology.make(family)
}

/// SHA-256 hex digest, from the library's implementation.
func sha256Hex(_ message: [UInt8]) -> String { SHA256.hexDigest(Data(message)) }
