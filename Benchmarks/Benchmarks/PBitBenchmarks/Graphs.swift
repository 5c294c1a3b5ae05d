import Benchmark
import Foundation
import Topologies

/// Reading the shipped P14 graph file, and the two ways of colouring Pegasus P16.
func registerGraphBenchmarks() {
    Benchmark("Load-pegasus-14.mtx") { (_: Benchmark, path: String) throws in
        blackHole(try MatrixMarket.readGraph(path: path))
    } setup: {
        repositoryRoot.appendingPathComponent("Topologies/pegasus-14.mtx").path
    }

    Benchmark("Colour-P16-DSatur") { (_: Benchmark, graph: SparseGraph) in
        blackHole(Coloring.dsatur(graph))
    } setup: {
        try Topology.make(.pegasus(m: 16)).graph
    }

    Benchmark("Colour-P16-closed-form") { (_: Benchmark, topology: Topology) in
        blackHole(topology.nativeColoring())
    } setup: {
        try Topology.make(.pegasus(m: 16))
    }
}
