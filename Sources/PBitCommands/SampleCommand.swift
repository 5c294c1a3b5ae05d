import ArgumentParser
import Foundation
import IsingModel
import PBitEmulator
import Topologies

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Sample an Ising model with emulated p-bits and report magnetisations, correlations, energy and speed.",
        discussion: """
            Examples:
              pbit sample --topology pegasus:14 --replicas 64 --sweeps 1000
              pbit sample --model J.mtx --bias h.mtx --beta 0.5 --json
              pbit sample --topology zephyr:4 --mode synchronous --beta 2
              pbit sample --topology pegasus:6 --fixed-point s3.4 --lut-size 64 --lfsr
              pbit sample --topology pegasus:14 --model-seed 7 --export-model J.mtx --export-bias h.mtx
              pbit sample --topology chimera:1:2 --fixed-point s2.3 --compare-exact
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var hardware: HardwareOptions
    @OptionGroup var export: ModelExportOptions

    @Option(help: "Write every measured state to FILE: one line per sample, 'replica sweep' then a +/- string.")
    var dump: String?

    @Flag(name: .customLong("compare-exact"), help: "Small models (at most 24 p-bits, constant β): compare the statistics with exact enumeration of the ideal model.")
    var compareExact = false

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let (ising, name, coloring) = try model.load(seed: sampling.seed)
        var config = try sampling.configuration(hardware: try hardware.model(), coloring: coloring)
        config.recordSamples = dump != nil
        try export.write(ising, name: name)
        let exact = compareExact ? try exactComparison(ising, config) : nil
        let result = try PBitSampler(model: ising).run(config)
        if let dump { try writeDump(result, config: config, to: dump) }
        var report = SampleReport(result, model: name, config: config)
        if let exact { report.compare(with: exact.ideal, chip: exact.chip, result: result) }
        if json { JSONOutput.print(report) } else { print(report.text) }
    }

    /// Exact statistics of the ideal model and, with fixed point, of the model as the chip stores it.
    func exactComparison(_ ising: IsingModel, _ config: SamplerConfiguration) throws
        -> (ideal: ExactDistribution, chip: ExactDistribution?) {
        guard ising.nodeCount <= 24 else {
            throw CLIError("--compare-exact enumerates all states, so it needs at most 24 p-bits (the model has \(ising.nodeCount))")
        }
        guard case .constant(let beta) = config.schedule else {
            throw CLIError("--compare-exact needs a constant β (no --schedule)")
        }
        let ideal = try ExactDistribution(model: ising, beta: beta)
        let chip = config.hardware.fixedPoint == nil ? nil
            : try ExactDistribution(model: config.hardware.apply(to: ising), beta: beta)
        return (ideal, chip)
    }

    func writeDump(_ r: SamplingResult, config: SamplerConfiguration, to path: String) throws {
        guard let samples = r.samples else { return }
        var out = "# replica sweep state (+ is +1), \(r.nodes) p-bits in node order\n"
        let n = r.nodes
        for k in 0..<(samples.count / n) {
            let replica = k / r.samplesPerReplica, s = k % r.samplesPerReplica
            let sweep = config.burnIn + s * config.measureEvery
            out += "\(replica) \(sweep) "
            out += String(samples[(k * n)..<((k + 1) * n)].map { $0 > 0 ? "+" : "-" })
            out += "\n"
        }
        try AtomicFile.write(out, to: path)
    }
}

/// `[i, j, value]` encoded as a three-element JSON array.
struct EdgeValue: Encodable {
    let i: Int, j: Int, value: Double
    func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(i); try c.encode(j); try c.encode(value)
    }
}

struct SampleReport: Encodable {
    var model: String
    var nodes: Int
    var edges: Int
    var replicas: Int
    var sweeps: Int
    var burnIn: Int
    var mode: String
    var kernel: String
    var threads: Int
    var seed: UInt64
    var magnetization: [Double]
    var correlations: [EdgeValue]
    var energyMean: Double
    var energyStandardError: Double
    var autocorrelationTime: Double
    var effectiveSampleSize: Double
    var lowestEnergy: Double?
    var wallSeconds: Double
    var samplingSeconds: Double
    var flips: Double
    var flipsPerNanosecond: Double
    var emulated: EmulatedTime
    var hardware: HardwareReport
    /// With --compare-exact: sampled statistics against the exact ones of the ideal model.
    var exactError: StatisticsError?
    /// With --compare-exact and --fixed-point: the exact statistics of the fixed-point model
    /// against those of the ideal one, the part of the error no amount of sampling removes.
    var fixedPointError: StatisticsError?
    /// With --compare-exact: the typical standard error of a sampled magnetisation,
    /// `√(mean_i(1 − ⟨m_i⟩²) / ESS)`; errors of a few times this are sampling noise.
    var standardError: Double?

    init(_ r: SamplingResult, model: String, config: SamplerConfiguration) {
        self.model = model
        nodes = r.nodes
        edges = r.edges.count
        replicas = r.replicas
        sweeps = r.sweeps
        burnIn = r.burnIn
        mode = config.mode.description
        kernel = r.kernel
        threads = r.threads
        seed = config.seed
        magnetization = r.magnetization
        correlations = zip(r.edges, r.correlations).map { EdgeValue(i: $0.0.0, j: $0.0.1, value: $0.1) }
        energyMean = r.energyMean
        energyStandardError = r.energyStandardError
        autocorrelationTime = r.autocorrelationTime
        effectiveSampleSize = r.effectiveSampleSize
        lowestEnergy = r.lowestEnergy
        wallSeconds = r.wallSeconds
        samplingSeconds = r.samplingSeconds
        flips = r.flips
        flipsPerNanosecond = r.flipsPerNanosecond
        emulated = r.emulated
        hardware = HardwareReport(config.hardware)
    }

    mutating func compare(with ideal: ExactDistribution, chip: ExactDistribution?, result r: SamplingResult) {
        exactError = StatisticsError(magnetization: r.magnetization, correlations: r.correlations, exact: ideal)
        if let chip {
            fixedPointError = StatisticsError(magnetization: chip.magnetization, correlations: chip.correlations, exact: ideal)
        }
        let variance = ideal.magnetization.map { 1 - $0 * $0 }.reduce(0, +) / Double(max(nodes, 1))
        standardError = (variance / max(effectiveSampleSize, 1)).squareRoot()
    }

    var text: String {
        let m = magnetization.map(abs).reduce(0, +) / Double(max(nodes, 1))
        let c = correlations.map { abs($0.value) }.reduce(0, +) / Double(max(edges, 1))
        return """
            model            \(model): \(nodes) p-bits, \(edges) couplings
            run              \(replicas) replicas × \(sweeps) sweeps (+\(burnIn) burn-in), \(mode), \(threads) threads, seed \(seed)
            energy           \(fmt(energyMean, 4)) ± \(fmt(energyStandardError, 4)) (mean ± standard error; τ_int \(fmt(autocorrelationTime, 2)) sweeps, ESS \(fmt(effectiveSampleSize, 0)))
            mean |m_i|       \(fmt(m, 4))
            mean |⟨m_i m_j⟩| \(fmt(c, 4))
            speed            \(fmt(flipsPerNanosecond, 3)) flips/ns (\(kernel) kernel, \(fmt(samplingSeconds, 3)) s sampling, \(fmt(wallSeconds, 3)) s total)
            emulated chip    \(fmt(emulated.flipsPerNanosecond, 1)) flips/ns at \(fmt(emulated.clockHz / 1e6, 1)) MHz: \(fmtTime(emulated.seconds)) for this run
            """ + exactText
    }

    var exactText: String {
        func row(_ name: String, _ e: StatisticsError) -> String {
            "\n\(name)max |Δm_i| \(fmt(e.magnetizationMax, 4)), mean \(fmt(e.magnetizationMean, 4)); "
                + "max |Δ⟨m_i m_j⟩| \(fmt(e.correlationMax, 4)), mean \(fmt(e.correlationMean, 4))"
        }
        var out = ""
        if let exactError {
            out += row("vs exact         ", exactError) + " (standard error ≈ \(fmt(standardError ?? 0, 4)))"
        }
        if let fixedPointError { out += row("fixed point bias ", fixedPointError) + " (exact, no sampling)" }
        return out
    }
}

func fmt(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }

func fmtTime(_ s: Double) -> String {
    if s >= 1 { return fmt(s, 3) + " s" }
    if s >= 1e-3 { return fmt(s * 1e3, 3) + " ms" }
    return fmt(s * 1e6, 3) + " µs"
}

/// The emulated chip's settings, for reports (nil: off).
struct HardwareReport: Encodable {
    struct Format: Encodable { var integerBits: Int, fractionBits: Int }
    var fixedPoint: Format?
    var lutSize: Int?
    var lutRange: Double?
    var lfsrShifts: Int?
    var clockHz: Double

    init(_ h: HardwareModel) {
        fixedPoint = h.fixedPoint.map { Format(integerBits: $0.integerBits, fractionBits: $0.fractionBits) }
        lutSize = h.activationTable?.entries
        lutRange = h.activationTable?.range
        lfsrShifts = h.lfsrShifts
        clockHz = h.clockHz
    }
}
