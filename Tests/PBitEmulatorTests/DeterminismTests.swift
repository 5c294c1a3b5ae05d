import IsingModel
import PBitEmulator
import Testing
import Topologies

@Suite struct DeterminismTests {
    func samples(_ model: IsingModel, replicas: Int, threads: Int, mode: UpdateMode, seed: UInt64 = 99) throws -> SamplingResult {
        var cfg = SamplerConfiguration()
        cfg.replicas = replicas
        cfg.sweeps = 50
        cfg.burnIn = 5
        cfg.threads = threads
        cfg.mode = mode
        cfg.seed = seed
        cfg.recordSamples = true
        return try PBitSampler(model: model).run(cfg)
    }

    @Test(arguments: [1, 13, 40])
    func sameSeedSameSamplesForOneAndTwoThreads(replicas: Int) throws {
        let topo = try Topology.make(.pegasus(m: 4))
        let model = try IsingModel.random(on: topo.graph, couplings: .gaussian, biases: .gaussian, seed: 1)
        for mode in [UpdateMode.colored, .sequential(randomOrder: true), .asynchronous(delay: 0.1)] {
            let a = try samples(model, replicas: replicas, threads: 1, mode: mode)
            let b = try samples(model, replicas: replicas, threads: 2, mode: mode)
            #expect(a.samples == b.samples, "\(mode)")
            #expect(a.magnetization == b.magnetization)
            #expect(a.correlations == b.correlations)
            #expect(a.energyTrace == b.energyTrace)
        }
    }

    @Test func differentSeedsDiffer() throws {
        let model = try TestModels.pegasusPiece()
        let a = try samples(model, replicas: 8, threads: 2, mode: .colored, seed: 1)
        let b = try samples(model, replicas: 8, threads: 2, mode: .colored, seed: 2)
        #expect(a.samples != b.samples)
    }
}
