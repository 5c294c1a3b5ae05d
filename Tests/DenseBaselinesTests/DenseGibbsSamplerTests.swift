import DenseBaselines
import IsingModel
import Testing
import Topologies

@Suite struct DenseGibbsSamplerTests {
    /// OpenBLAS is really linked: a product through it gives the right numbers.
    @Test func sgemmThroughOpenBLAS() {
        let a: [Float] = [1, 2, 3, 4, 5, 6]          // 2×3
        let b: [Float] = [7, 8, 9, 10, 11, 12]       // 3×2
        var c = [Float](repeating: 0, count: 4)
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    BLAS.multiply(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!, m: 2, n: 2, k: 3)
                }
            }
        }
        #expect(c == [58, 64, 139, 154])
        #expect(BLAS.sgemmGFLOPS(size: 64, repeats: 1) > 0)
    }

    /// The dense sampler has the exact Boltzmann statistics of a 14-node frustrated model.
    @Test func denseSamplerMatchesExactEnumeration() throws {
        let p = try Topology.make(.pegasus(m: 4)).graph
        let g = p.induced(by: Array(0..<14))
        let model = try IsingModel.random(on: g, couplings: .gaussian, couplingScale: 0.6,
                                          biases: .gaussian, biasScale: 0.3, seed: 21)
        let exact = try ExactDistribution(model: model, beta: 1)
        BLAS.setThreads(1)
        let sampler = try DenseGibbsSampler(model: model, coloring: .dsatur(g), replicas: 64, seed: 4)
        sampler.sweep(100, beta: 1)
        var nodes = [Double](repeating: 0, count: 14), edges = [Double](repeating: 0, count: g.edgeCount)
        let list = g.edges
        for _ in 0..<1000 {
            sampler.sweep(1, beta: 1)
            sampler.accumulate(into: &nodes, edgeSums: &edges, edges: list)
        }
        let n = 64_000.0
        let err = zip(nodes.map { $0 / n } + edges.map { $0 / n }, exact.magnetization + exact.correlations)
            .map { abs($0 - $1) }.max() ?? 1
        // 64,000 correlated samples: standard errors of a few 0.001; 0.03 is over 5 of them.
        #expect(err < 0.03, "\(err)")
    }
}
