import ArgumentParser
import DenseBaselines
import Foundation
import IsingModel
import PBitEmulator
import Topologies

enum BenchSampler: String, ExpressibleByArgument, CaseIterable, Codable {
    /// The SIMD coloured kernel, float32.
    case sparse
    /// The same kernel on weights quantised to s4.8 fixed point.
    case fixedPoint = "fixed-point"
    /// The scalar sequential reference sampler.
    case scalar
    /// Block Gibbs with dense couplings, one OpenBLAS sgemm per colour.
    case dense
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure sampler throughput (flips/ns) across topologies, replica and thread counts.",
        discussion: """
            Every figure is the median of --repeats runs of pure sweeps (no measurements) on
            random Gaussian J and h at β = 1. Each run lasts about --seconds.

            Examples:
              pbit bench
              pbit bench --topologies pegasus:14 --replicas 64,256 --json
              pbit bench --topologies pegasus:14 --chart throughput.svg
            """)

    @Option(help: "Comma-separated topologies.")
    var topologies = "pegasus:6,pegasus:14,pegasus:16,zephyr:4,zephyr:12"

    @Option(help: "Comma-separated replica counts.")
    var replicas = "1,8,64,256"

    @Option(help: "Comma-separated thread counts (default: 1 and all cores).")
    var threads: String?

    @Option(help: "Comma-separated samplers: sparse, fixed-point, scalar, dense.")
    var samplers = "sparse,scalar,dense"

    @Option(help: "Repeats per measurement; the median is reported.")
    var repeats = 3

    @Option(help: "Target seconds per repeat.")
    var seconds = 0.3

    @Option(help: "Random seed of the models and samplers.")
    var seed: UInt64 = 1

    @Flag(help: "Print JSON records instead of a table.")
    var json = false

    @Option(help: "Also write an SVG chart of flips/ns against replicas to FILE.")
    var chart: String?

    @Flag(help: "No progress lines.")
    var quiet = false

    func parseList<T>(_ text: String, _ flag: String, _ parse: (String) -> T?) throws -> [T] {
        let items = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        var out: [T] = []
        for item in items {
            guard let v = parse(item) else { throw CLIError("\(flag): cannot read '\(item)'") }
            out.append(v)
        }
        guard !out.isEmpty else { throw CLIError("\(flag) is empty") }
        return out
    }

    func run() throws {
        let tops = try parseList(topologies, "--topologies") { try? TopologySpec.parse($0) }
        let reps = try parseList(replicas, "--replicas") { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let ths = try parseList(threads ?? (cores > 1 ? "1,\(cores)" : "1"), "--threads") { Int($0).flatMap { $0 >= 1 ? $0 : nil } }
        let kinds = try parseList(samplers, "--samplers") { BenchSampler(rawValue: $0) }
        guard repeats >= 1, repeats <= 1000 else { throw CLIError("--repeats must be at least 1 (got \(repeats))") }
        guard seconds.isFinite, seconds > 0, seconds <= 3600 else { throw CLIError("--seconds must be between 0 and 3600 (got \(seconds))") }
        let progress = Progress(enabled: !quiet && !json)
        var records: [BenchRecord] = []
        let total = tops.count * reps.count * ths.count * kinds.count
        for family in tops {
            let topo = try Topology.make(family)
            let model = try IsingModel.random(on: topo.graph, couplings: .gaussian, biases: .gaussian, seed: seed)
            let coloring = topo.nativeColoring()
            for kind in kinds {
                for r in reps {
                    for th in ths {
                        // The scalar reference is one chain per thread: more threads than
                        // replicas measure nothing new.
                        if kind == .scalar && th > r { continue }
                        progress.update("\(records.count + 1)/\(total) \(kind.rawValue) \(family) R=\(r) T=\(th)")
                        records.append(try measure(model, family.description, coloring, kind, r, th))
                    }
                }
            }
        }
        progress.finish()
        if let chart { try AtomicFile.write(BenchChart.svg(records), to: chart) }
        if json {
            JSONOutput.print(records)
            return
        }
        print(BenchRecord.table(records, repeats: repeats))
        if kinds.contains(.dense) {
            BLAS.setThreads(cores)
            print("OpenBLAS sgemm (1024×1024, \(cores) threads): \(fmt(BLAS.sgemmGFLOPS(), 1)) GFLOP/s")
        }
    }

    func measure(_ model: IsingModel, _ name: String, _ coloring: Coloring, _ kind: BenchSampler,
                 _ replicas: Int, _ threads: Int) throws -> BenchRecord {
        if kind == .dense { return try measureDense(model, name, coloring, replicas, threads) }
        var cfg = SamplerConfiguration()
        cfg.replicas = replicas
        cfg.threads = threads
        cfg.seed = seed
        cfg.coloring = coloring
        cfg.burnIn = 0
        switch kind {
        case .sparse: cfg.mode = .colored
        case .fixedPoint:
            cfg.mode = .colored
            cfg.hardware.fixedPoint = try FixedPointFormat(integerBits: 4, fractionBits: 8)
        case .scalar, .dense: cfg.mode = .sequential(randomOrder: false)
        }
        let sampler = PBitSampler(model: model)
        // Calibrate the sweep count on a short run, then time the repeats.
        cfg.sweeps = 3
        cfg.measureEvery = 1 << 30
        let probe = try sampler.run(cfg)
        let perSweep = max(probe.samplingSeconds / 3, 1e-7)
        cfg.sweeps = max(3, Int(min(1_000_000, seconds / perSweep)))
        var rates: [Double] = []
        for k in 0..<repeats {
            cfg.seed = seed &+ UInt64(k)
            rates.append(try sampler.run(cfg).flipsPerNanosecond)
        }
        rates.sort()
        return BenchRecord(sampler: kind.rawValue, topology: name, nodes: model.nodeCount,
                           replicas: replicas, threads: threads, sweeps: cfg.sweeps, repeats: repeats,
                           flipsPerNanosecond: rates[rates.count / 2],
                           minimum: rates.first ?? 0, maximum: rates.last ?? 0)
    }
}

extension BenchCommand {
    /// The dense sampler times its own sweeps: one calibration sweep, then repeats.
    func measureDense(_ model: IsingModel, _ name: String, _ coloring: Coloring,
                      _ replicas: Int, _ threads: Int) throws -> BenchRecord {
        BLAS.setThreads(threads)
        let sampler = try DenseGibbsSampler(model: model, coloring: coloring, replicas: replicas, seed: seed)
        func timed(_ sweeps: Int) -> Double {
            let start = Date()
            sampler.sweep(sweeps, beta: 1)
            return Date().timeIntervalSince(start)
        }
        let sweeps = max(1, Int(min(10_000, seconds / max(timed(1), 1e-6))))
        var rates: [Double] = []
        for _ in 0..<repeats {
            rates.append(Double(replicas * model.nodeCount * sweeps) / (timed(sweeps) * 1e9))
        }
        rates.sort()
        return BenchRecord(sampler: BenchSampler.dense.rawValue, topology: name, nodes: model.nodeCount,
                           replicas: replicas, threads: threads, sweeps: sweeps, repeats: repeats,
                           flipsPerNanosecond: rates[rates.count / 2],
                           minimum: rates.first ?? 0, maximum: rates.last ?? 0)
    }
}

struct BenchRecord: Codable {
    var sampler: String
    var topology: String
    var nodes: Int
    var replicas: Int
    var threads: Int
    var sweeps: Int
    var repeats: Int
    /// Median over repeats.
    var flipsPerNanosecond: Double
    var minimum: Double
    var maximum: Double

    static func table(_ rs: [BenchRecord], repeats: Int) -> String {
        func reference(_ r: BenchRecord, _ sampler: String) -> Double? {
            // Same topology, the scalar reference's best single-thread figure.
            rs.filter { $0.sampler == sampler && $0.topology == r.topology }.map(\.flipsPerNanosecond).max()
        }
        var lines = ["sampler      topology         replicas threads  flips/ns   ×scalar    ×dense   (min–max)",
                     String(repeating: "-", count: 88)]
        for r in rs {
            let ratio = reference(r, "scalar").map { fmt(r.flipsPerNanosecond / $0, 1) } ?? "-"
            // Against the dense sampler with the same replicas and threads.
            let dense = rs.first { $0.sampler == "dense" && $0.topology == r.topology && $0.replicas == r.replicas
                && $0.threads == r.threads }.map { fmt(r.flipsPerNanosecond / $0.flipsPerNanosecond, 1) } ?? "-"
            lines.append(
                r.sampler.padding(toLength: 12, withPad: " ", startingAt: 0) + " "
                    + r.topology.padding(toLength: 16, withPad: " ", startingAt: 0) + " "
                    + String(r.replicas).leftPad(8) + " " + String(r.threads).leftPad(7) + " "
                    + fmt(r.flipsPerNanosecond, 4).leftPad(9) + " " + ratio.leftPad(9) + " " + dense.leftPad(9)
                    + "   (\(fmt(r.minimum, 3))–\(fmt(r.maximum, 3)))")
        }
        lines.append("median of \(repeats) repeats each; ×scalar: against the scalar sequential reference's best figure on that topology; ×dense: against the dense BLAS sampler at the same replicas and threads")
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPad(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}
