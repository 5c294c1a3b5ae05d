import Foundation
import Testing
import Topologies

/// The graphs and colourings shipped in `Topologies/` are exactly what the library builds
/// today, so a change to a generator or a colouring cannot leave stale data behind.
@Suite("Shipped topology files")
struct ShippedTopologyTests {
    struct Shipped: Sendable, CustomTestStringConvertible {
        let family: TopologyFamily
        /// File name without extension, in `Topologies/`.
        let stem: String
        let nodes: Int
        let edges: Int
        let maxDegree: Int
        let classSize: Int
        var testDescription: String { stem }

        var mtxPath: String { Self.directory.appendingPathComponent(stem + ".mtx").path }
        var colorsPath: String { Self.directory.appendingPathComponent(stem + ".colors").path }
        static var directory: URL { packageRoot().appendingPathComponent("Topologies") }
    }

    static let shipped: [Shipped] = [
        Shipped(family: .pegasus(m: 14), stem: "pegasus-14",
                nodes: 4_264, edges: 30_404, maxDegree: 15, classSize: 1_066),
        Shipped(family: .zephyr(m: 12, t: 4), stem: "zephyr-12-4",
                nodes: 4_800, edges: 45_864, maxDegree: 20, classSize: 1_200),
    ]

    @Test("the shipped graph equals the generated one", arguments: shipped)
    func graph(_ s: Shipped) throws {
        let generated = try Topology.make(s.family).graph
        let fromFile = try MatrixMarket.readGraph(path: s.mtxPath)
        #expect(fromFile == generated)
        #expect(fromFile.nodeCount == s.nodes)
        #expect(fromFile.edgeCount == s.edges)
        #expect(fromFile.maxDegree == s.maxDegree)
    }

    @Test("the shipped graph file is byte for byte what `pbit topology --export` writes",
          arguments: shipped)
    func graphText(_ s: Shipped) throws {
        let graph = try Topology.make(s.family).graph
        // TopologyCommand's comment line and MatrixMarket.write(graph:) layout.
        let comment = "\(s.family): \(graph.nodeCount) nodes, \(graph.edgeCount) edges; written by pbit"
        let expected = MatrixMarket.format(
            MatrixMarket.SymmetricMatrix(
                size: graph.nodeCount,
                entries: graph.edges.map { MatrixMarket.Entry(i: $0.0, j: $0.1, value: 1) },
                hasValues: false),
            comment: comment)
        let actual = try String(contentsOfFile: s.mtxPath, encoding: .utf8)
        #expect(actual == expected)
        let lines = actual.split(separator: "\n", maxSplits: 3)
        #expect(lines[0] == "%%MatrixMarket matrix coordinate pattern symmetric")
        #expect(lines[1] == "% \(s.family): \(s.nodes) nodes, \(s.edges) edges; written by pbit")
        #expect(lines[2] == "\(s.nodes) \(s.nodes) \(s.edges)")
    }

    @Test("the shipped colouring is the native one, proper and balanced", arguments: shipped)
    func colors(_ s: Shipped) throws {
        let topo = try Topology.make(s.family)
        let native = topo.nativeColoring()
        let text = try String(contentsOfFile: s.colorsPath, encoding: .utf8)
        // One 0-based colour per line, newline-terminated, nothing else.
        #expect(text.hasSuffix("\n"))
        #expect(text == native.colors.map(String.init).joined(separator: "\n") + "\n")
        let colors = text.split(separator: "\n").map { Int($0) }
        #expect(colors.count == s.nodes)
        let parsed = colors.compactMap { $0 }
        #expect(parsed == native.colors)
        let coloring = try Coloring(colors: parsed, graph: topo.graph)
        #expect(coloring.colorCount == 4)
        #expect(coloring.classSizes == Array(repeating: s.classSize, count: 4))
    }

    @Test("the README gives every shipped file's SHA-256")
    func readmeChecksums() throws {
        let readme = try String(
            contentsOf: Shipped.directory.appendingPathComponent("README.md"), encoding: .utf8)
        for s in Self.shipped {
            for path in [s.mtxPath, s.colorsPath] {
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                let name = URL(fileURLWithPath: path).lastPathComponent
                let line = "\(sha256Hex(bytes))  \(name)"
                #expect(readme.contains(line), "README lacks '\(line)'")
            }
        }
    }

    @Test("the SHA-256 helper matches the FIPS 180-2 test vectors")
    func sha256Vectors() {
        #expect(sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256Hex(Array("abc".utf8))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(sha256Hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }
}
