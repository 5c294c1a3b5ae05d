import IsingModel
import PBitEmulator
import Testing
import Topologies

/// The emulator against exact enumeration: every exact mode must match the Boltzmann
/// distribution within 4 standard errors, on every marginal and edge correlation.
@Suite struct ExactStatisticsTests {
    static let modes: [(String, UpdateMode, Int)] = [
        ("colored, replicas", .colored, 64),
        ("colored, single chain", .colored, 1),
        ("sequential", .sequential(randomOrder: false), 32),
        ("sequential random order", .sequential(randomOrder: true), 32),
        ("asynchronous, zero delay", .asynchronous(delay: 0), 32),
    ]

    /// Largest deviation from the exact statistics at `exactBeta`, in standard errors.
    @discardableResult
    func check(_ model: IsingModel, mode: UpdateMode, replicas: Int, beta: Double, sweeps: Int,
               exactBeta: Double? = nil) throws -> Double {
        let exact = try ExactDistribution(model: model, beta: exactBeta ?? beta)
        var cfg = SamplerConfiguration()
        cfg.replicas = replicas
        cfg.sweeps = sweeps
        cfg.burnIn = 200
        cfg.schedule = .constant(beta)
        cfg.mode = mode
        cfg.seed = 2024
        cfg.recordSamples = true
        let result = try PBitSampler(model: model).run(cfg)
        let samples = try #require(result.samples)
        // One batch per replica (independent chains), or 40 stretches of a single chain.
        let stats = BatchStatistics(samples: samples, nodes: model.nodeCount,
                                    batches: replicas > 1 ? replicas : 40,
                                    quantities: marginalsAndCorrelations(model))
        let expected = exact.magnetization + exact.correlations
        var worst = 0.0
        for (k, e) in expected.enumerated() {
            let z = abs(stats.means[k] - e) / max(stats.standardErrors[k], 1e-4)
            worst = max(worst, z)
        }
        guard exactBeta == nil else { return worst }
        #expect(worst < 4, "largest deviation \(worst) standard errors (\(mode))")
        // Cross-check the sampler's own aggregated figures against the recorded samples.
        for i in 0..<model.nodeCount {
            #expect(abs(result.magnetization[i] - stats.means[i]) < 1e-9)
        }
        #expect(abs(result.energyMean - exact.energyMean) < 4 * max(result.energyStandardError, 1e-3) + 0.02)
        return worst
    }

    /// The check has teeth: the same samples compared with the statistics of a slightly
    /// different temperature fail it.
    @Test func negativeControlWrongTemperatureIsDetected() throws {
        let worst = try check(TestModels.pegasusPiece(), mode: .colored, replicas: 64, beta: 1,
                              sweeps: 1500, exactBeta: 1.25)
        #expect(worst > 8, "β = 1 samples should not pass for β = 1.25 (worst \(worst) SE)")
    }

    @Test(arguments: 0..<5)
    func pegasusPiece(mode k: Int) throws {
        let (_, mode, replicas) = Self.modes[k]
        try check(TestModels.pegasusPiece(), mode: mode, replicas: replicas, beta: 1, sweeps: replicas == 1 ? 40_000 : 1500)
    }

    @Test(arguments: 0..<5)
    func frustratedTriangles(mode k: Int) throws {
        let (_, mode, replicas) = Self.modes[k]
        try check(TestModels.frustratedTriangular(), mode: mode, replicas: replicas, beta: 1, sweeps: replicas == 1 ? 40_000 : 1500)
    }

    @Test func totalVariationShrinksWithSamples() throws {
        let model = try TestModels.pegasusPiece(nodes: 12)
        let exact = try ExactDistribution(model: model, beta: 1)
        var cfg = SamplerConfiguration()
        cfg.replicas = 64
        cfg.sweeps = 1600
        cfg.burnIn = 100
        cfg.recordSamples = true
        cfg.seed = 5
        let samples = try #require(try PBitSampler(model: model).run(cfg).samples)
        // Samples are [replica][sample][node]: the first 100 and all 1600 sweeps of each replica.
        func tv(perReplica: Int) -> Double {
            var h = [Int](repeating: 0, count: 1 << 12)
            for r in 0..<64 {
                for s in 0..<perReplica {
                    let at = (r * 1600 + s) * 12
                    h[ExactDistribution.index(of: samples[at..<(at + 12)])] += 1
                }
            }
            return exact.totalVariation(counts: h)
        }
        let small = tv(perReplica: 100), large = tv(perReplica: 1600)
        #expect(large < 0.5 * small, "TV \(small) with 6,400 samples, \(large) with 102,400")
        #expect(large < 0.05)
    }

    @Test func synchronousUpdatesBreakTheStatistics() throws {
        let model = try TestModels.strongFerromagnet()
        let exact = try ExactDistribution(model: model, beta: 1)
        var cfg = SamplerConfiguration()
        cfg.replicas = 32
        cfg.sweeps = 2000
        cfg.mode = .synchronous
        cfg.seed = 11
        let sync = try PBitSampler(model: model).run(cfg)
        cfg.mode = .colored
        let colored = try PBitSampler(model: model).run(cfg)
        let exactMean = exact.correlations.reduce(0, +) / Double(exact.correlations.count)
        let syncMean = sync.correlations.reduce(0, +) / Double(sync.correlations.count)
        let coloredMean = colored.correlations.reduce(0, +) / Double(colored.correlations.count)
        // Strong coupling: neighbours agree almost always. Synchronous updates on a bipartite
        // graph run two interleaved chains whose equal-time correlation is far weaker.
        #expect(exactMean > 0.8)
        #expect(abs(coloredMean - exactMean) < 0.05)
        #expect(abs(syncMean - exactMean) > 0.3, "synchronous ⟨mm⟩ \(syncMean) vs exact \(exactMean)")
    }

    @Test func quantisedWeightsConvergeAsFractionBitsGrow() throws {
        let model = try TestModels.pegasusPiece(nodes: 12, seed: 9)
        let exact = try ExactDistribution(model: model, beta: 1)
        var errors: [Double] = []
        for bits in [1, 2, 4, 8] {
            var cfg = SamplerConfiguration()
            cfg.replicas = 64
            cfg.sweeps = 2000
            cfg.seed = 21
            cfg.hardware.fixedPoint = try FixedPointFormat(integerBits: 3, fractionBits: bits)
            let r = try PBitSampler(model: model).run(cfg)
            let err = zip(r.magnetization + r.correlations, exact.magnetization + exact.correlations)
                .map { abs($0 - $1) }.max() ?? 0
            errors.append(err)
            // The exact statistics of the quantised model itself approach the ideal ones too.
        }
        #expect(errors[0] > 0.05, "1 fraction bit should visibly bias the statistics: \(errors)")
        #expect(errors[3] < 0.03, "8 fraction bits should be within sampling error: \(errors)")
        #expect(errors[0] > errors[2] && errors[1] > errors[3], "\(errors)")
        var exactErrors: [Double] = []
        for bits in 1...10 {
            let q = model.mapped(try FixedPointFormat(integerBits: 3, fractionBits: bits).quantize)
            let e = try ExactDistribution(model: q, beta: 1)
            exactErrors.append(zip(e.magnetization, exact.magnetization).map { abs($0 - $1) }.max() ?? 0)
        }
        #expect(exactErrors[9] < 0.005 && exactErrors[9] < exactErrors[0] / 20, "\(exactErrors)")
    }
}
