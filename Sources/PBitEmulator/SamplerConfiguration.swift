import Foundation
import Topologies

/// Everything a sampling run needs besides the model.
public struct SamplerConfiguration: Sendable {
    /// Independent chains (hardware runs) sampled side by side.
    public var replicas: Int = 64
    /// Measured sweeps after burn-in. One sweep updates every p-bit once.
    public var sweeps: Int = 1000
    /// Sweeps run before measuring.
    public var burnIn: Int = 100
    /// β per sweep, over burn-in and measured sweeps together.
    public var schedule: BetaSchedule = .constant(1)
    public var mode: UpdateMode = .colored
    /// Worker threads; results do not depend on it.
    public var threads: Int = ProcessInfo.processInfo.activeProcessorCount
    public var seed: UInt64 = 1
    public var hardware: HardwareModel = .ideal
    /// Measure every `measureEvery`-th sweep after burn-in.
    public var measureEvery: Int = 1
    /// Keep every measured state (for histograms and `--dump`).
    public var recordSamples = false
    /// Track each replica's lowest-energy state (annealing).
    public var trackLowestEnergy = false
    /// Colouring for the `colored` mode; DSatur when nil.
    public var coloring: Coloring?

    public init() {}

    public var totalSweeps: Int { burnIn + sweeps }

    /// Far beyond any run that ends; keeps counts clear of overflow.
    public static let maximumSweeps = 1 << 40

    public func validate() throws(SamplerError) {
        guard replicas >= 1 else { throw .invalid("--replicas must be at least 1 (got \(replicas))") }
        guard replicas <= 1 << 20 else { throw .invalid("--replicas must be at most 1048576 (got \(replicas))") }
        guard sweeps >= 1, sweeps <= Self.maximumSweeps else {
            throw .invalid("--sweeps must be between 1 and \(Self.maximumSweeps) (got \(sweeps))")
        }
        guard burnIn >= 0, burnIn <= Self.maximumSweeps else {
            throw .invalid("--burn-in must be between 0 and \(Self.maximumSweeps) (got \(burnIn))")
        }
        guard threads >= 1 else { throw .invalid("--threads must be at least 1 (got \(threads))") }
        guard measureEvery >= 1 else { throw .invalid("--measure-every must be at least 1 (got \(measureEvery))") }
        guard hardware.clockHz.isFinite, hardware.clockHz > 0 else {
            throw .invalid("--clock-mhz must be positive and finite")
        }
        if let s = hardware.lfsrShifts, s < 1 || s > 64 {
            throw .invalid("--lfsr-shifts must be between 1 and 64 (got \(s))")
        }
        if case .asynchronous(let d) = mode, !(d.isFinite && d >= 0) {
            throw .invalid("--delay must be finite and non-negative (got \(d))")
        }
        try schedule.validate()
    }
}

/// Emulated hardware time: what the run would take on a chip with the configured clock.
public struct EmulatedTime: Sendable, Codable, Equatable {
    public var clockHz: Double
    public var seconds: Double
    public var flipsPerNanosecond: Double
}

/// What a run measured. Averages are over replicas and measured sweeps.
public struct SamplingResult: Sendable {
    public var nodes: Int
    public var replicas: Int
    public var sweeps: Int
    public var burnIn: Int
    /// Measured sweeps per replica.
    public var samplesPerReplica: Int
    /// `⟨m_i⟩` in node order.
    public var magnetization: [Double]
    /// `⟨m_i m_j⟩` for each edge of `edges`.
    public var correlations: [Double]
    public var edges: [(Int, Int)]
    /// Energies (mean, trace, autocorrelation) are those of the model as the chip stores it
    /// (quantised with `--fixed-point`); `lowestEnergy` is re-evaluated on the model as given,
    /// the problem the user asked to solve.
    public var energyMean: Double
    /// Standard error of `energyMean`, from the effective sample size.
    public var energyStandardError: Double
    /// Mean energy over replicas at each measured sweep.
    public var energyTrace: [Double]
    /// Integrated autocorrelation time of the energy, in measured sweeps (from at most the
    /// first 64 replicas).
    public var autocorrelationTime: Double
    /// `replicas · samplesPerReplica / autocorrelationTime`.
    public var effectiveSampleSize: Double
    public var lowestEnergy: Double?
    public var lowestState: [Int8]?
    /// Measured states, `[replica][sample][node]` flattened, when recorded.
    public var samples: [Int8]?
    public var wallSeconds: Double
    /// Wall time of the sweeps alone (measurement excluded).
    public var samplingSeconds: Double
    /// p-bit updates performed, burn-in included.
    public var flips: Double
    public var flipsPerNanosecond: Double
    public var emulated: EmulatedTime
    public var threads: Int
    /// Which kernel ran: `replica-simd`, `single-chain-simd` or `reference`.
    public var kernel: String
}
