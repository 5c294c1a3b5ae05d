import Foundation
import Testing
import Topologies

/// Matrix Market files that should be read: round trips through real files, and the
/// variations of the format the reader accepts.
@Suite("Matrix Market round trips")
struct MatrixMarketTests {
    @Test("a graph survives write → read",
          arguments: [TopologyFamily.pegasus(m: 4), .zephyr(m: 2, t: 4), .chimera(m: 3, n: 5, t: 2)])
    func graphRoundTrip(_ family: TopologyFamily) throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let graph = try Topology.make(family).graph
        let path = dir.path("graph.mtx")
        try MatrixMarket.write(graph: graph, to: path, comment: "\(family)\nsecond comment line")
        let back = try MatrixMarket.readGraph(path: path)
        #expect(back == graph)
        let matrix = try MatrixMarket.readSymmetric(path: path)
        #expect(matrix.hasValues == false)
        #expect(matrix.size == graph.nodeCount)
        #expect(matrix.entries.allSatisfy { $0.value == 1 && $0.i < $0.j })
    }

    @Test("the graph file is coordinate pattern symmetric, lower triangle, 1-based")
    func graphFileLayout() throws {
        let graph = try SparseGraph(nodeCount: 4, edges: [(2, 0), (0, 1), (3, 2), (1, 0)])
        let text = MatrixMarket.format(
            MatrixMarket.SymmetricMatrix(
                size: graph.nodeCount,
                entries: graph.edges.map { MatrixMarket.Entry(i: $0.0, j: $0.1, value: 1) },
                hasValues: false),
            comment: "a comment")
        #expect(text == """
            %%MatrixMarket matrix coordinate pattern symmetric
            % a comment
            4 4 3
            2 1
            3 1
            4 3

            """)
        #expect(try MatrixMarket.parseSymmetric(text, path: "x.mtx").graph() == graph)
    }

    @Test("an empty graph and a graph with isolated nodes survive write → read")
    func degenerateGraphs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        for graph in [SparseGraph.empty, try SparseGraph(nodeCount: 5, edges: [(1, 3)])] {
            let path = dir.path("g.mtx")
            try MatrixMarket.write(graph: graph, to: path)
            #expect(try MatrixMarket.readGraph(path: path) == graph)
        }
    }

    /// Values that need every digit of a Double, signs, and extremes of the exponent range.
    static let awkwardValues: [Double] = [
        -1, 1, 0.1, -0.3, 1e-300, -1e-300, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -2.5e-10,
        Double.pi, -Double.ulpOfOne, 1.0 / 3.0, 123_456_789.123_456_78, 0.1 + 0.2, 42,
    ]

    @Test("a real symmetric matrix survives write → read bit for bit")
    func realMatrixRoundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let n = 8
        var entries: [MatrixMarket.Entry] = []
        var k = 0
        for i in 0..<n {
            for j in (i + 1)..<n where (i + 2 * j) % 3 != 0 {
                entries.append(.init(i: i, j: j, value: Self.awkwardValues[k % Self.awkwardValues.count]))
                k += 1
            }
        }
        #expect(entries.count >= Self.awkwardValues.count)
        let matrix = MatrixMarket.SymmetricMatrix(size: n, entries: entries, hasValues: true)
        let path = dir.path("J.mtx")
        try MatrixMarket.write(matrix, to: path, comment: "couplings")
        let back = try MatrixMarket.readSymmetric(path: path)
        #expect(back == matrix)
        #expect(back.entries.map(\.value.bitPattern) == entries.map(\.value.bitPattern))
        #expect(try String(contentsOfFile: path, encoding: .utf8)
            .hasPrefix("%%MatrixMarket matrix coordinate real symmetric\n% couplings\n8 8 \(entries.count)\n"))
    }

    @Test("a vector survives write → read bit for bit (array format)")
    func vectorRoundTrip() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("h.mtx")
        try MatrixMarket.write(vector: Self.awkwardValues, to: path, comment: "biases")
        let back = try MatrixMarket.readVector(path: path)
        #expect(back.map(\.bitPattern) == Self.awkwardValues.map(\.bitPattern))
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("%%MatrixMarket matrix array real general\n% biases\n\(Self.awkwardValues.count) 1\n"))
        // And an empty vector.
        try MatrixMarket.write(vector: [], to: path)
        #expect(try MatrixMarket.readVector(path: path) == [])
    }

    @Test("a plain vector, one number per line, is read")
    func plainVector() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("h.txt")
        let text = Self.awkwardValues.map { "\($0)" }.joined(separator: "\n") + "\n"
        try AtomicFile.write(text, to: path)
        #expect(try MatrixMarket.readVector(path: path).map(\.bitPattern)
                == Self.awkwardValues.map(\.bitPattern))
        // Blank lines, comments, surrounding spaces and other spellings of numbers.
        let loose = "# biases\n  1.5  \n\n% comment\n-2\n3e2\n+0.25\n-0\n"
        #expect(try MatrixMarket.parseVector(loose, path: "h.txt") == [1.5, -2, 300, 0.25, -0.0])
        #expect(try MatrixMarket.parseVector("", path: "h.txt") == [])
    }

    @Test("array vectors given as one row, and coordinate vectors, are read")
    func otherVectorLayouts() throws {
        let row = "%%MatrixMarket matrix array real general\n1 3\n1\n2\n3\n"
        #expect(try MatrixMarket.parseVector(row, path: "v") == [1, 2, 3])
        let integer = "%%MatrixMarket matrix array integer general\n2 1\n-4\n7\n"
        #expect(try MatrixMarket.parseVector(integer, path: "v") == [-4, 7])
        let sparse = "%%MatrixMarket matrix coordinate real general\n5 1 2\n2 1 0.5\n5 1 -1\n"
        #expect(try MatrixMarket.parseVector(sparse, path: "v") == [0, 0.5, 0, 0, -1])
        let sparseRow = "%%MatrixMarket matrix coordinate real general\n1 3 1\n1 2 9\n"
        #expect(try MatrixMarket.parseVector(sparseRow, path: "v") == [0, 9, 0])
    }

    static let triangle = [
        MatrixMarket.Entry(i: 0, j: 1, value: 0.5),
        MatrixMarket.Entry(i: 0, j: 2, value: -1),
        MatrixMarket.Entry(i: 1, j: 2, value: 2e-7),
    ]

    @Test("a 'general' file giving both triangles with equal values is accepted")
    func generalBothTriangles() throws {
        let text = """
            %%MatrixMarket matrix coordinate real general
            3 3 6
            2 1 0.5
            1 2 0.5
            1 3 -1
            3 1 -1
            3 2 2e-7
            2 3 2e-7
            """
        let m = try MatrixMarket.parseSymmetric(text, path: "g.mtx")
        #expect(m == MatrixMarket.SymmetricMatrix(size: 3, entries: Self.triangle, hasValues: true))
    }

    @Test("a 'general' file giving one triangle (either one, or mixed) is accepted")
    func generalOneTriangle() throws {
        let upper = "%%MatrixMarket matrix coordinate real general\n3 3 3\n1 2 0.5\n1 3 -1\n2 3 2e-7\n"
        let lower = "%%MatrixMarket matrix coordinate real general\n3 3 3\n2 1 0.5\n3 1 -1\n3 2 2e-7\n"
        let mixed = "%%MatrixMarket matrix coordinate real general\n3 3 3\n3 2 2e-7\n1 3 -1\n2 1 0.5\n"
        for text in [upper, lower, mixed] {
            let m = try MatrixMarket.parseSymmetric(text, path: "g.mtx")
            #expect(m == MatrixMarket.SymmetricMatrix(size: 3, entries: Self.triangle, hasValues: true))
        }
    }

    @Test("integer and 'double' fields, upper-triangle symmetric files, case and spacing")
    func headerVariants() throws {
        let integer = "%%MatrixMarket matrix coordinate integer symmetric\n3 3 2\n2 1 -3\n3 2 4\n"
        let m = try MatrixMarket.parseSymmetric(integer, path: "i.mtx")
        #expect(m.entries == [.init(i: 0, j: 1, value: -3), .init(i: 1, j: 2, value: 4)])
        #expect(m.hasValues)

        let double = "%%MatrixMarket matrix coordinate double symmetric\n3 3 1\n3 1 0.25\n"
        #expect(try MatrixMarket.parseSymmetric(double, path: "d.mtx").entries
                == [.init(i: 0, j: 2, value: 0.25)])

        let shouting = "%%MATRIXMARKET MATRIX COORDINATE PATTERN SYMMETRIC\n% c\n\n  3   3   2  \n 1 2 \n\t2\t3\n"
        #expect(try MatrixMarket.parseSymmetric(shouting, path: "s.mtx").graph()
                == SparseGraph(nodeCount: 3, edges: [(0, 1), (1, 2)]))
    }

    @Test("Windows (CRLF) line endings are read")
    func crlf() throws {
        let text = "%%MatrixMarket matrix coordinate pattern symmetric\r\n% c\r\n3 3 2\r\n2 1\r\n3 2\r\n"
        #expect(try MatrixMarket.parseSymmetric(text, path: "w.mtx").graph()
                == SparseGraph(nodeCount: 3, edges: [(0, 1), (1, 2)]))
        #expect(try MatrixMarket.parseVector("1\r\n2.5\r\n", path: "w.txt") == [1, 2.5])
        let array = "%%MatrixMarket matrix array real general\r\n2 1\r\n1\r\n-1\r\n"
        #expect(try MatrixMarket.parseVector(array, path: "w.mtx") == [1, -1])
    }

    @Test("entries come back sorted by (i, j) whatever the file order")
    func sortedEntries() throws {
        let text = "%%MatrixMarket matrix coordinate real symmetric\n4 4 4\n4 3 1\n2 1 2\n4 1 3\n3 2 4\n"
        let m = try MatrixMarket.parseSymmetric(text, path: "o.mtx")
        #expect(m.entries.map { [$0.i, $0.j] } == [[0, 1], [0, 3], [1, 2], [2, 3]])
        #expect(m.entries.map(\.value) == [2, 3, 4, 1])
    }
}
