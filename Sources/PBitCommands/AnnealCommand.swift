import ArgumentParser
import Foundation
import IsingModel
import PBitEmulator
import Topologies

struct AnnealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anneal",
        abstract: "Anneal with emulated p-bits and report the lowest energy found and its state.",
        discussion: """
            β follows --schedule (default geometric from --beta-start 0.1 to --beta-end 5) over
            the sweeps; every replica is an independent anneal.

            Examples:
              pbit anneal --topology pegasus:14 --couplings pm1 --bias-scale 0 --sweeps 1000
              pbit anneal --model J.mtx --schedule linear --beta-start 0 --beta-end 3 --state-out best.txt
            """)

    @OptionGroup var model: ModelOptions
    @OptionGroup var sampling: SamplingOptions
    @OptionGroup var hardware: HardwareOptions

    @Option(name: .customLong("state-out"), help: "Write the lowest-energy state, one ±1 per line in node order.")
    var stateOut: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func run() throws {
        let (ising, name, coloring) = try model.load(seed: sampling.seed)
        // Annealing defaults differ from sampling: a geometric schedule and no burn-in.
        var config = try sampling.configuration(hardware: try hardware.model(), coloring: coloring,
                                                defaultSchedule: .geometric, defaultBurnIn: 0)
        config.trackLowestEnergy = true
        let result = try PBitSampler(model: ising).run(config)
        guard let energy = result.lowestEnergy, let state = result.lowestState else {
            throw CLIError("no state was measured; use at least one measured sweep")
        }
        if let stateOut {
            try AtomicFile.write(state.map { String($0) }.joined(separator: "\n") + "\n", to: stateOut)
        }
        let report = AnnealReport(
            model: name, nodes: ising.nodeCount, replicas: result.replicas, sweeps: config.totalSweeps,
            schedule: (sampling.schedule ?? .geometric).rawValue, betaFirst: config.schedule.beta(sweep: 0, of: config.totalSweeps),
            betaLast: config.schedule.beta(sweep: config.totalSweeps - 1, of: config.totalSweeps),
            lowestEnergy: energy, finalEnergyMean: result.energyTrace.last ?? .nan,
            state: state.map(Int.init), wallSeconds: result.wallSeconds,
            flipsPerNanosecond: result.flipsPerNanosecond, emulated: result.emulated)
        if json { JSONOutput.print(report) } else { print(report.text) }
    }
}

struct AnnealReport: Encodable {
    var model: String
    var nodes: Int
    var replicas: Int
    var sweeps: Int
    var schedule: String
    var betaFirst: Double
    var betaLast: Double
    var lowestEnergy: Double
    var finalEnergyMean: Double
    var state: [Int]
    var wallSeconds: Double
    var flipsPerNanosecond: Double
    var emulated: EmulatedTime

    var text: String {
        """
        model            \(model): \(nodes) p-bits
        anneal           \(replicas) replicas × \(sweeps) sweeps, \(schedule) β \(fmt(betaFirst, 3)) → \(fmt(betaLast, 3))
        lowest energy    \(fmt(lowestEnergy, 4))  (\(fmt(lowestEnergy / Double(max(nodes, 1)), 4)) per p-bit)
        final mean       \(fmt(finalEnergyMean, 4))
        speed            \(fmt(flipsPerNanosecond, 3)) flips/ns, \(fmt(wallSeconds, 3)) s; emulated chip \(fmtTime(emulated.seconds))
        """
    }
}
