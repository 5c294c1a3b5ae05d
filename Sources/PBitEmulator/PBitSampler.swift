import Foundation
import IsingModel
import Topologies

/// The p-bit emulator's front door: samples an Ising model under a configuration and
/// returns the statistics. The `colored` mode with ideal arithmetic (or fixed point) runs the
/// SIMD kernels; other modes, lookup tables and LFSRs run the scalar reference sampler.
public struct PBitSampler: Sendable {
    public let model: IsingModel

    public init(model: IsingModel) { self.model = model }

    public func run(_ config: SamplerConfiguration) throws(SamplerError) -> SamplingResult {
        try config.validate()
        guard model.nodeCount >= 1 else { throw .invalid("the model has no p-bits") }
        let coloring = try ColoredLayout.checkedColoring(config.coloring, for: model.graph)
        let chip = config.hardware.apply(to: model)
        let useFast = config.mode == .colored && !config.hardware.needsReferencePath
        let start = now()
        let partials: [PartialMeasurements]
        let kernel: String
        if useFast {
            let layout = ColoredLayout(model: chip, coloring: coloring)
            let plan = FastRunner.Plan(
                tables: KernelTables(layout, columnScale: config.replicas == 1 ? 1 : ReplicaKernel.rowBytes),
                free: FreeSlots(layout), layout: layout, config: config)
            partials = FastRunner.run(plan)
            kernel = config.replicas == 1 ? "single-chain-simd" : "replica-simd"
        } else {
            let plan = ReferenceRunner.Plan(model: chip, config: config, classes: coloring.classes)
            partials = ReferenceRunner.run(plan)
            kernel = "reference"
        }
        let wall = Double(now() - start) * 1e-9
        return merge(partials, config: config, wallSeconds: wall, kernel: kernel)
    }

    func merge(_ partials: [PartialMeasurements], config: SamplerConfiguration,
               wallSeconds: Double, kernel: String) -> SamplingResult {
        let n = model.nodeCount
        let edges = model.graph.edges
        var mag = [Int64](repeating: 0, count: n)
        var corr = [Int64](repeating: 0, count: edges.count)
        var traces: [(Int, [Double])] = []
        var lowest: [(Int, Double, [Int8])] = []
        var samples: [(Int, [Int8])] = []
        var sampleNanos: UInt64 = 0
        for p in partials {
            for i in 0..<n { mag[i] += p.magnetization[i] }
            for e in 0..<edges.count { corr[e] += p.correlation[e] }
            traces += p.traces
            lowest += p.lowest
            samples += p.samples
            sampleNanos = max(sampleNanos, p.sampleNanos)
        }
        traces.sort { $0.0 < $1.0 }
        samples.sort { $0.0 < $1.0 }
        let perReplica = traces.first?.1.count ?? 0
        let count = Double(config.replicas * perReplica)
        var trace = [Double](repeating: 0, count: perReplica)
        var sum = 0.0, sumSquares = 0.0
        for (_, t) in traces {
            for (k, e) in t.enumerated() {
                trace[k] += e
                sum += e
                sumSquares += e * e
            }
        }
        trace = trace.map { $0 / Double(config.replicas) }
        let mean = count > 0 ? sum / count : 0
        let variance = count > 1 ? max(0, (sumSquares - sum * mean) / (count - 1)) : 0
        let tau = Autocorrelation.integratedTime(traces.prefix(64).map(\.1))
        let ess = count / tau
        var best: (Double, [Int8])?
        for (_, _, state) in lowest.sorted(by: { $0.0 < $1.0 }) where !state.isEmpty {
            let e = model.energy(state)
            if best == nil || e < best!.0 { best = (e, state) }
        }
        let flips = Double(config.replicas) * Double(n) * Double(config.totalSweeps)
        let samplingSeconds = Double(sampleNanos) * 1e-9
        let clock = config.hardware.clockHz
        let periods = Double(config.totalSweeps) * config.mode.periodsPerSweep(nodes: n) * Double(config.replicas)
        let emulatedSeconds = periods / clock
        return SamplingResult(
            nodes: n, replicas: config.replicas, sweeps: config.sweeps, burnIn: config.burnIn,
            samplesPerReplica: perReplica,
            magnetization: mag.map { count > 0 ? Double($0) / count : 0 },
            correlations: corr.map { count > 0 ? Double($0) / count : 0 },
            edges: edges,
            energyMean: mean,
            energyStandardError: ess > 0 ? (variance / ess).squareRoot() : 0,
            energyTrace: trace,
            autocorrelationTime: tau,
            effectiveSampleSize: ess,
            lowestEnergy: best?.0, lowestState: best?.1,
            samples: config.recordSamples ? samples.flatMap(\.1) : nil,
            wallSeconds: wallSeconds,
            samplingSeconds: samplingSeconds,
            flips: flips,
            flipsPerNanosecond: samplingSeconds > 0 ? flips / (samplingSeconds * 1e9) : 0,
            emulated: EmulatedTime(
                clockHz: clock, seconds: emulatedSeconds,
                flipsPerNanosecond: emulatedSeconds > 0 ? flips / (emulatedSeconds * 1e9) : 0),
            threads: min(config.threads, max(1, kernel == "reference" ? config.replicas : (config.replicas + ReplicaKernel.lanes - 1) / ReplicaKernel.lanes)),
            kernel: kernel)
    }
}
