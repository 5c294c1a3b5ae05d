import IsingModel
import PBitEmulator
import Testing
import Topologies

/// Replica exchange against exact enumeration: every level samples its own Boltzmann
/// distribution, exchanges included.
@Suite struct ParallelTemperingTests {
    /// Time averages of `m_i` and `m_i m_j` per chain of `replicas`, then their mean and
    /// standard error across chains (independent), against the exact values at `beta`.
    func worstDeviation(_ chains: TemperedChains, model: IsingModel, replicas: Range<Int>, beta: Double,
                        sweeps: Int) throws -> Double {
        let n = model.nodeCount, edges = model.graph.edges
        var perChain = [[Double]](repeating: [Double](repeating: 0, count: n + edges.count), count: replicas.count)
        for _ in 0..<sweeps {
            chains.sweep(1, beta: 1)
            for (c, r) in replicas.enumerated() {
                let m = chains.engine.state(replica: r)
                for i in 0..<n { perChain[c][i] += Double(m[i]) }
                for (k, (i, j)) in edges.enumerated() { perChain[c][n + k] += Double(m[i]) * Double(m[j]) }
            }
        }
        let exact = try ExactDistribution(model: model, beta: beta)
        let expected = exact.magnetization + exact.correlations
        var worst = 0.0
        for (q, e) in expected.enumerated() {
            let values = perChain.map { $0[q] / Double(sweeps) }
            let mean = values.reduce(0, +) / Double(values.count)
            let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)
            let se = (variance / Double(values.count)).squareRoot()
            worst = max(worst, abs(mean - e) / max(se, 1e-4))
        }
        return worst
    }

    @Test func everyLevelSamplesItsOwnTemperature() throws {
        let model = try TestModels.pegasusPiece()
        let levels = TemperedChains.linearLevels(count: 4, lowest: 0.4)
        #expect(zip(levels, [1, 0.8, 0.6, 0.4]).allSatisfy { abs($0 - $1) < 1e-12 })
        let chains = try TemperedChains(model: model, coloring: Coloring.dsatur(model.graph), chains: 32,
                                        levels: levels, seed: 9, threads: 2)
        chains.sweep(200, beta: 1)
        let cold = try worstDeviation(chains, model: model, replicas: 0..<32, beta: 1, sweeps: 1500)
        #expect(cold < 4, "cold level: \(cold) standard errors")
        let hot = try worstDeviation(chains, model: model, replicas: 96..<128, beta: 0.4, sweeps: 1500)
        #expect(hot < 4, "hottest level: \(hot) standard errors")
        // Exchanges did happen, at every pair of neighbouring levels.
        #expect(chains.accepted.allSatisfy { $0 > 1000 }, "accepted \(chains.accepted) of \(chains.tried)")
        // The check has teeth: the hot level's samples fail the cold level's statistics.
        let wrong = try worstDeviation(chains, model: model, replicas: 96..<128, beta: 1, sweeps: 300)
        #expect(wrong > 8, "β·0.4 samples should not pass for β (worst \(wrong) SE)")
    }

    @Test func energiesMatchTheModel() throws {
        let model = try TestModels.frustratedTriangular()
        let chains = try TemperedChains(model: model, coloring: Coloring.dsatur(model.graph), chains: 40,
                                        levels: [1, 0.5], seed: 3, threads: 2)
        chains.sweep(3, beta: 1)
        let e = chains.engine.energies()
        #expect(e.count == 128)
        for r in 0..<chains.engine.replicas {
            #expect(abs(e[r] - model.energy(chains.engine.state(replica: r))) < 1e-4)
        }
        // An exchange swaps whole states, across blocks and across the 16-lane halves of a block.
        for (x, y) in [(21, 70), (3, 30)] {
            let a = chains.engine.state(replica: x), b = chains.engine.state(replica: y)
            #expect(a != b)
            chains.engine.exchangeStates(x, y)
            #expect(chains.engine.state(replica: x) == b && chains.engine.state(replica: y) == a)
        }
    }

    @Test func sameSeedSameChainsWhateverTheThreads() throws {
        let model = try TestModels.pegasusPiece()
        func run(threads: Int) throws -> [[Int8]] {
            let c = try TemperedChains(model: model, coloring: Coloring.dsatur(model.graph), chains: 64,
                                       levels: [1, 0.7, 0.5], seed: 4, threads: threads)
            c.sweep(50, beta: 1)
            return (0..<c.engine.replicas).map(c.engine.state)
        }
        #expect(try run(threads: 1) == run(threads: 3))
    }

    @Test func badLaddersAreRejected() throws {
        let model = try TestModels.pegasusPiece()
        for levels in [[0.9, 0.5], [1, 1], [1, 0.5, 0.7], [1, -0.5], [1, .nan]] {
            #expect(throws: SamplerError.self) {
                try TemperedChains(model: model, coloring: Coloring.dsatur(model.graph), chains: 8, levels: levels,
                                   seed: 1, threads: 1)
            }
        }
    }
}
