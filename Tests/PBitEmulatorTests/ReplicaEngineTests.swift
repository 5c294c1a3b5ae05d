import IsingModel
import PBitEmulator
import Testing
import Topologies

@Suite struct ReplicaEngineTests {
    func statistics(_ engine: ReplicaEngine, sweeps: Int, every: Int = 1) -> PairStatistics {
        var stats = PairStatistics(nodes: engine.nodeCount, edges: engine.layout.edgeSlots.count)
        for _ in 0..<sweeps {
            engine.sweep(every, beta: 1)
            engine.accumulate(into: &stats)
        }
        return stats
    }

    @Test func freeChainsMatchExactEnumeration() throws {
        let model = try TestModels.frustratedTriangular()
        let exact = try ExactDistribution(model: model, beta: 1)
        let engine = try ReplicaEngine(model: model, coloring: .dsatur(model.graph), replicas: 64, seed: 3, threads: 2)
        engine.sweep(100, beta: 1)
        let stats = statistics(engine, sweeps: 1500)
        // 96,000 correlated samples: errors of a few 0.001; 0.03 is over 5 standard errors.
        let err = zip(stats.nodeMeans + stats.edgeMeans, exact.magnetization + exact.correlations)
            .map { abs($0 - $1) }.max() ?? 1
        #expect(err < 0.03, "\(err)")
    }

    @Test func clampedNodesGiveTheExactConditionalDistribution() throws {
        let model = try TestModels.pegasusPiece(nodes: 14, seed: 8)
        let exact = try ExactDistribution(model: model, beta: 1)
        let clamped = [0, 3, 5]
        let values: [Int8] = [1, -1, 1]
        // Exact conditional marginals: states agreeing with the clamp, renormalised.
        var mag = [Double](repeating: 0, count: 14), z = 0.0
        for (s, p) in exact.probabilities.enumerated() {
            guard zip(clamped, values).allSatisfy({ ((s >> $0.0) & 1 == 1 ? 1 : -1) == $0.1 }) else { continue }
            z += p
            for i in 0..<14 { mag[i] += (s >> i) & 1 == 1 ? p : -p }
        }
        mag = mag.map { $0 / z }
        let engine = try ReplicaEngine(model: model, coloring: .dsatur(model.graph), replicas: 40, seed: 5, threads: 2)
        var isFree = [Bool](repeating: true, count: 14)
        for v in clamped { isFree[v] = false }
        engine.setFree(isFree)
        for r in 0..<40 { engine.set(nodes: clamped, replica: r, values: values) }
        engine.sweep(50, beta: 1)
        let stats = statistics(engine, sweeps: 2000)
        for (k, v) in clamped.enumerated() { #expect(stats.nodeMeans[v] == Double(values[k])) }
        let err = zip(stats.nodeMeans, mag).map { abs($0 - $1) }.max() ?? 1
        #expect(err < 0.03, "\(err)")
    }

    @Test func parametersReplacedInPlaceActLikeANewModel() throws {
        let a = try TestModels.pegasusPiece(nodes: 12, seed: 1)
        let b = try TestModels.pegasusPiece(nodes: 12, seed: 2)
        let coloring = Coloring.dsatur(a.graph)
        let fresh = try ReplicaEngine(model: b, coloring: coloring, replicas: 33, seed: 9, threads: 1)
        let updated = try ReplicaEngine(model: a, coloring: coloring, replicas: 33, seed: 9, threads: 1)
        updated.setParameters(edgeCouplings: b.edgeCouplings, biases: b.biases)
        fresh.sweep(20, beta: 0.7)
        updated.sweep(20, beta: 0.7)
        for r in 0..<33 { #expect(fresh.state(replica: r) == updated.state(replica: r)) }
    }

    @Test func sameSeedSameStatesForAnyThreadCount() throws {
        let model = try IsingModel.random(on: Topology.make(.pegasus(m: 4)).graph,
                                          couplings: .gaussian, biases: .gaussian, seed: 4)
        let coloring = Coloring.dsatur(model.graph)
        let one = try ReplicaEngine(model: model, coloring: coloring, replicas: 100, seed: 6, threads: 1)
        let two = try ReplicaEngine(model: model, coloring: coloring, replicas: 100, seed: 6, threads: 2)
        one.sweep(15, beta: 1)
        two.sweep(15, beta: 1)
        var s1 = PairStatistics(nodes: model.nodeCount, edges: model.graph.edgeCount), s2 = s1
        one.accumulate(into: &s1)
        two.accumulate(into: &s2)
        #expect(s1 == s2)
        #expect(one.state(replica: 99) == two.state(replica: 99))
    }
}
