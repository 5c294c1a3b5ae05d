import ArgumentParser
import Foundation
import Topologies

enum FamilyName: String, ExpressibleByArgument, CaseIterable {
    case pegasus, zephyr, chimera
}

enum ColoringMethod: String, ExpressibleByArgument, CaseIterable {
    /// The closed-form colouring of the family (DSatur for files).
    case native
    case dsatur
}

struct TopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Describe, colour and export a hardware graph (Pegasus, Zephyr, Chimera) or a graph file.",
        discussion: """
            Examples:
              pbit topology pegasus 14
              pbit topology zephyr 12 --tile 4 --json
              pbit topology chimera 16 --export c16.mtx --colors-out c16.colors
              pbit topology --from my-graph.mtx
            """)

    @Argument(help: "Graph family: pegasus, zephyr or chimera.")
    var family: FamilyName?

    @Argument(help: "Size parameter m (Pegasus P(m), Zephyr Z(m,t), Chimera C(m,n,t)).")
    var size: Int?

    @Option(help: "Zephyr or Chimera tile size t.")
    var tile: Int = 4

    @Option(help: "Chimera columns n (default: m).")
    var columns: Int?

    @Option(name: .customLong("from"), help: "Read the graph from a Matrix Market file instead.")
    var fromFile: String?

    @Option(help: "Colouring to report and export: native (closed form) or dsatur.")
    var coloring: ColoringMethod = .native

    @Option(help: "Write the graph as Matrix Market 'coordinate pattern symmetric'.")
    var export: String?

    @Option(name: .customLong("colors-out"), help: "Write one colour (0-based) per line, in node order.")
    var colorsOut: String?

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func validate() throws {
        if fromFile == nil && (family == nil || size == nil) {
            throw ValidationError("give a family and size (for example 'pegasus 14') or --from FILE.mtx")
        }
        if fromFile != nil && family != nil {
            throw ValidationError("give either a family and size or --from FILE.mtx, not both")
        }
    }

    func run() throws {
        let start = Date()
        let name: String
        let graph: SparseGraph
        var colors: Coloring
        if let path = fromFile {
            graph = try MatrixMarket.readGraph(path: path)
            name = path
            colors = Coloring.dsatur(graph)
        } else {
            let topo = try TopologyOptions.build(family: family, size: size, tile: tile, columns: columns)
            name = topo.family.description
            graph = topo.graph
            colors = coloring == .dsatur ? Coloring.dsatur(graph) : topo.nativeColoring()
        }
        if coloring == .dsatur { colors = Coloring.dsatur(graph) }
        let seconds = Date().timeIntervalSince(start)

        if let export {
            try MatrixMarket.write(
                graph: graph, to: export,
                comment: "\(name): \(graph.nodeCount) nodes, \(graph.edgeCount) edges; written by pbit")
        }
        if let colorsOut {
            let text = colors.colors.map(String.init).joined(separator: "\n") + "\n"
            try AtomicFile.write(text, to: colorsOut)
        }

        let summary = TopologySummary(
            topology: name, nodes: graph.nodeCount, edges: graph.edgeCount,
            maxDegree: graph.maxDegree, degreeHistogram: graph.degreeHistogram,
            colors: colors.colorCount, colorClassSizes: colors.classSizes,
            coloring: fromFile != nil ? "dsatur" : coloring.rawValue, buildSeconds: seconds)
        if json {
            JSONOutput.print(summary)
        } else {
            print(summary.text)
        }
    }
}

struct TopologySummary: Codable {
    var topology: String
    var nodes: Int
    var edges: Int
    var maxDegree: Int
    /// `degreeHistogram[d]` is the number of nodes of degree `d`.
    var degreeHistogram: [Int]
    var colors: Int
    var colorClassSizes: [Int]
    var coloring: String
    var buildSeconds: Double

    var text: String {
        let hist = degreeHistogram.enumerated().filter { $0.element > 0 }
            .map { "\($0.offset):\($0.element)" }.joined(separator: " ")
        return """
            topology      \(topology)
            nodes         \(nodes)
            edges         \(edges)
            max degree    \(maxDegree)
            degrees       \(hist)   (degree:count)
            colours       \(colors) (\(coloring))
            class sizes   \(colorClassSizes.map(String.init).joined(separator: " "))
            """
    }
}

enum TopologyOptions {
    static func build(family: FamilyName?, size: Int?, tile: Int, columns: Int?) throws -> Topology {
        guard let family, let size else { throw CLIError("missing topology family or size") }
        let f: TopologyFamily = switch family {
        case .pegasus: .pegasus(m: size)
        case .zephyr: .zephyr(m: size, t: tile)
        case .chimera: .chimera(m: size, n: columns ?? size, t: tile)
        }
        return try Topology.make(f)
    }
}
