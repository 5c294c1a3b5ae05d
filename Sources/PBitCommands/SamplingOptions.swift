import ArgumentParser
import Foundation
import PBitEmulator
import Topologies

enum ModeName: String, ExpressibleByArgument, CaseIterable {
    case colored, sequential, sequentialRandom = "sequential-random", synchronous, asynchronous
}

enum ScheduleName: String, ExpressibleByArgument, CaseIterable {
    case constant, linear, geometric, file
}

/// How to sample: temperature, lengths, replicas, update mode, threads.
struct SamplingOptions: ParsableArguments {
    @Option(help: "Inverse temperature β (constant schedule).")
    var beta: Double = 1

    @Option(help: "Measured sweeps per replica.")
    var sweeps: Int = 1000

    @Option(name: .customLong("burn-in"), help: "Sweeps before measuring (default: 100 for sample, 0 for anneal).")
    var burnIn: Int?

    @Option(help: "Independent chains run side by side.")
    var replicas: Int = 64

    @Option(help: "Random seed; the same seed gives the same samples for any --threads.")
    var seed: UInt64 = 1

    @Option(help: "Update mode: colored, sequential, sequential-random, synchronous, asynchronous.")
    var mode: ModeName = .colored

    @Option(help: "Synapse delay of the asynchronous mode, in sweeps (mean update intervals).")
    var delay: Double = 0

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("measure-every"), help: "Measure every k-th sweep after burn-in.")
    var measureEvery: Int = 1

    @Option(help: "β schedule: constant, linear, geometric (from --beta-start to --beta-end) or file (default: constant for sample, geometric for anneal).")
    var schedule: ScheduleName?

    @Option(name: .customLong("beta-start"), help: "First β of a linear or geometric schedule.")
    var betaStart: Double = 0.1

    @Option(name: .customLong("beta-end"), help: "Last β of a linear or geometric schedule.")
    var betaEnd: Double = 5

    @Option(name: .customLong("schedule-file"), help: "One β per line, one line per sweep (burn-in included).")
    var scheduleFile: String?

    func betaSchedule(default name: ScheduleName) throws -> BetaSchedule {
        guard beta.isFinite, beta >= 0 else { throw CLIError("--beta must be finite and non-negative (got \(beta))") }
        switch schedule ?? name {
        case .constant: return .constant(beta)
        case .linear: return .linear(start: betaStart, end: betaEnd)
        case .geometric: return .geometric(start: betaStart, end: betaEnd)
        case .file:
            guard let scheduleFile else { throw CLIError("--schedule file needs --schedule-file FILE") }
            return .values(try MatrixMarket.readVector(path: scheduleFile))
        }
    }

    func updateMode() -> UpdateMode {
        switch mode {
        case .colored: .colored
        case .sequential: .sequential(randomOrder: false)
        case .sequentialRandom: .sequential(randomOrder: true)
        case .synchronous: .synchronous
        case .asynchronous: .asynchronous(delay: delay)
        }
    }

    /// The run's configuration; `defaultSchedule` and `defaultBurnIn` apply where the user
    /// gave none (sampling and annealing want different ones).
    func configuration(hardware: HardwareModel, coloring: Coloring?, defaultSchedule: ScheduleName = .constant,
                       defaultBurnIn: Int = 100) throws -> SamplerConfiguration {
        var c = SamplerConfiguration()
        c.replicas = replicas
        c.sweeps = sweeps
        c.burnIn = burnIn ?? defaultBurnIn
        c.schedule = try betaSchedule(default: defaultSchedule)
        c.mode = updateMode()
        c.threads = threads
        c.seed = seed
        c.hardware = hardware
        c.measureEvery = measureEvery
        c.coloring = coloring
        try c.validate()
        return c
    }
}

/// What the emulated chip does differently from ideal arithmetic.
struct HardwareOptions: ParsableArguments {
    @Option(name: .customLong("fixed-point"), help: "Store J and h in fixed point, e.g. s4.6 (integer.fraction bits).")
    var fixedPoint: String?

    @Option(name: .customLong("lut-size"), help: "Activation lookup table with this many entries instead of tanh.")
    var lutSize: Int?

    @Option(name: .customLong("lut-range"), help: "Input range ±R of the lookup table (in units of βI).")
    var lutRange: Double = 4

    @Flag(help: "Per-p-bit 32-bit LFSR random numbers instead of xoshiro256**.")
    var lfsr = false

    @Option(name: .customLong("lfsr-shifts"), help: "LFSR shifts between reads (1 mimics the cheapest hardware).")
    var lfsrShifts: Int = 32

    @Option(name: .customLong("clock-mhz"), help: "p-bit clock for emulated hardware time.")
    var clockMHz: Double = HardwareModel.defaultClockHz / 1e6

    func model() throws -> HardwareModel {
        var h = HardwareModel()
        if let fixedPoint { h.fixedPoint = try FixedPointFormat(parsing: fixedPoint) }
        if let lutSize { h.activationTable = try ActivationTable(entries: lutSize, range: lutRange) }
        if lfsr { h.lfsrShifts = lfsrShifts }
        guard clockMHz.isFinite, clockMHz > 0 else { throw CLIError("--clock-mhz must be positive and finite (got \(clockMHz))") }
        h.clockHz = clockMHz * 1e6
        return h
    }
}
