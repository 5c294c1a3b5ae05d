import Benchmark
import DenseBaselines
import Foundation
import IsingModel
import PBitEmulator

/// The SIMD sweep kernels through `PBitSampler`, set up as `pbit bench` does (pure sweeps, no
/// burn-in, one measurement), and the dense OpenBLAS sampler on the same model.
func registerSamplerBenchmarks() {
    let rated = Suite.configuration(flipRate: true)
    sparse("Sweep-P14-single-chain-float", replicas: 1, sweeps: 1000, rated)
    sparse("Sweep-P14-64-replicas-float", replicas: 64, sweeps: 200, rated)
    sparse("Sweep-P14-64-replicas-fixed-point-s4.8", replicas: 64, sweeps: 200, fixedPoint: true, rated)

    // 4,264² couplings held dense (73 MB); a sweep is 2·64·4,264² = 2.3 GFLOP of sgemm.
    Benchmark("Dense-BLAS-sampler-P14-64-replicas", configuration: rated) {
        (benchmark: Benchmark, dense: DenseGibbsSampler) in
        let sweeps = 4
        let start = ContinuousClock.now
        dense.sweep(sweeps, beta: 1)
        let elapsed = ContinuousClock.now - start
        let flips = Double(dense.replicas * dense.nodeCount * sweeps)
        benchmark.measurement(Suite.flipRate, megaflipsPerSecond(flips, nanoseconds: elapsed.nanoseconds))
    } setup: {
        BLAS.setThreads(Suite.threads)
        let p14 = try P14Fixture.make()
        return try DenseGibbsSampler(model: p14.model, coloring: p14.coloring, replicas: 64, seed: Suite.seed)
    }
}

/// One `PBitSampler.run` of `sweeps` sweeps per iteration. Wall clock includes building the
/// coloured layout (as every `pbit sample` does); the flip rate counts the sweeps alone.
private func sparse(_ name: String, replicas: Int, sweeps: Int, fixedPoint: Bool = false,
                    _ configuration: Benchmark.Configuration) {
    Benchmark(name, configuration: configuration) { (benchmark: Benchmark, run: SparseRun) throws in
        let result = try run.sampler.run(run.config)
        benchmark.measurement(Suite.flipRate, megaflipsPerSecond(result.flips, nanoseconds: result.samplingSeconds * 1e9))
        blackHole(result)
    } setup: {
        let p14 = try P14Fixture.make()
        var config = SamplerConfiguration()
        config.replicas = replicas
        config.threads = Suite.threads
        config.seed = Suite.seed
        config.coloring = p14.coloring
        config.sweeps = sweeps
        config.burnIn = 0
        config.measureEvery = 1 << 30
        if fixedPoint { config.hardware.fixedPoint = try FixedPointFormat(integerBits: 4, fractionBits: 8) }
        return SparseRun(sampler: PBitSampler(model: p14.model), config: config)
    }
}

private struct SparseRun {
    let sampler: PBitSampler
    let config: SamplerConfiguration
}

private func megaflipsPerSecond(_ flips: Double, nanoseconds: Double) -> Int {
    nanoseconds > 0 ? Int((1000 * flips / nanoseconds).rounded()) : 0
}

extension Duration {
    var nanoseconds: Double {
        let (s, atto) = components
        return Double(s) * 1e9 + Double(atto) * 1e-9
    }
}
