import Benchmark

/// The suite: sweep kernels and the dense sampler on Pegasus P14, Matrix Market loading and
/// colouring. `swift package benchmark` runs it; `swift package benchmark thresholds check`
/// compares a run with the p90 values checked in under `Thresholds/`.
///
/// Names have no spaces or slashes: the plugin (1.38) writes a threshold file under the name
/// with those replaced by `_` but looks it up under the name as it is.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = Suite.configuration()
    registerSamplerBenchmarks()
    registerGraphBenchmarks()
}

/// Settings shared by every benchmark of the suite.
enum Suite {
    /// Sampling speed in millions of flips per second (1000 Mflips/s = 1 flip/ns): thresholds
    /// are stored as integers, so flips/ns itself would round to 0 or 1.
    static var flipRate: BenchmarkMetric {
        .custom("Mflips/s", polarity: .prefersLarger, useScalingFactor: false)
    }

    /// Time, rate, and allocations (count and bytes) in the measured region, with the allowed
    /// deviations from the checked-in p90 values. The development machine is two shared
    /// cores, so times and rates get ±35 %. Allocations are the code's own and all but exact
    /// (a thread pool or file reading adds a few). peakMemoryResident is left out: the thread
    /// that samples it allocates as it goes, which would tie the counts to the run's duration.
    static func configuration(flipRate rated: Bool = false) -> Benchmark.Configuration {
        var metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .mallocBytesCount]
        var tolerances: [BenchmarkMetric: BenchmarkThresholds] = [
            .wallClock: .init(relative: [.p90: 35]),
            .throughput: .init(relative: [.p90: 35]),
            .mallocCountTotal: .init(absolute: [.p90: 16]),
            .mallocBytesCount: .init(relative: [.p90: 1]),
        ]
        if rated {
            metrics.append(flipRate)
            tolerances[flipRate] = .init(relative: [.p90: 35])
        }
        // A few seconds per benchmark keeps the suite to about a minute of measuring.
        return .init(metrics: metrics, warmupIterations: 2, maxDuration: .seconds(3), maxIterations: 200,
                     thresholds: tolerances)
    }

    /// Threads for the parallel samplers: both cores of the development machine, fixed so
    /// that the stored thresholds mean the same on any machine.
    static let threads = 2
    static let seed: UInt64 = 1
}
