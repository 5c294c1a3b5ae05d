import Foundation
import PBitEmulator
import Topologies

/// Draws images from a trained model: the label p-bits are clamped to one class (or left
/// free), β is annealed (by default 0 → 5, as in the original work), and the visible p-bits
/// are read.
public struct GeneratorSettings: Codable, Equatable, Sendable {
    public var sweeps = 1000
    public var betaStart = 0.0
    public var betaEnd = 5.0
    /// Parallel tempering levels (1: none): each chain gets partners at β·levels, linear from 1
    /// down to `temperingLowestBeta`, that exchange states after every sweep.
    public var temperingLevels = 1
    public var temperingLowestBeta = 0.8
    public init() {}
}

/// Generated images and the class their label p-bits show.
public struct Generated: Sendable {
    /// `visible.count` spins per image, in pixel order.
    public var images: [[Int8]]
    /// Per image, the class most copies show as +1 (nil on a tie or when no copy shows one).
    public var classes: [Int?]
    /// With tempering: the fraction of exchanges accepted between levels k and k + 1.
    public var exchangeAcceptance: [Double] = []
}

public enum Generator {
    /// `count` images of class `label`, or with the label p-bits free when `label` is nil:
    /// then the model picks the class, and with β held at the model's own over many sweeps the
    /// classes drawn show the model's prior `p(label)` (the data's is uniform for MNIST).
    public static func generate(model: DBMModel, label: Int?, count: Int, settings: GeneratorSettings,
                                seed: UInt64, threads: Int) throws -> Generated {
        if let label, !(0..<model.layout.classes).contains(label) {
            throw LearningError.invalid("--label must be between 0 and \(model.layout.classes - 1), 'all' or 'free' (got \(label))")
        }
        guard count >= 1, count <= 1 << 16 else { throw LearningError.invalid("--count must be between 1 and 65536 (got \(count))") }
        guard settings.sweeps >= 1, settings.sweeps <= 1 << 30, settings.betaStart.isFinite, settings.betaEnd.isFinite,
              settings.betaStart >= 0, settings.betaEnd >= 0 else {
            throw LearningError.invalid("generation needs 1 to 2^30 sweeps and finite, non-negative β")
        }
        try Tempering.validate(levels: settings.temperingLevels, lowestBeta: settings.temperingLowestBeta)
        let ising = try model.isingModel(), coloring = Coloring.dsatur(model.graph)
        let ladder = settings.temperingLevels > 1
            ? try Tempering.ladder(model: ising, coloring: coloring, chains: count, levels: settings.temperingLevels,
                                   lowestBeta: settings.temperingLowestBeta, seed: seed, threads: threads) : nil
        let engine = try ladder?.engine ?? ReplicaEngine(model: ising, coloring: coloring, replicas: count, seed: seed, threads: threads)
        let labels = model.layout.allLabels
        if let label {
            var isFree = [Bool](repeating: true, count: model.nodeCount)
            for v in labels { isFree[v] = false }
            engine.setFree(isFree)
            let spins = model.layout.labelSpins(label)
            for r in 0..<engine.replicas { engine.set(nodes: labels, replica: r, values: spins) }
        }
        let n = settings.sweeps
        let betas = (0..<n).map { settings.betaStart + (settings.betaEnd - settings.betaStart) * Double($0 + 1) / Double(n) }
        if let ladder { for b in betas { ladder.sweep(1, beta: b) } } else { engine.sweep(betas: betas) }
        return Generated(
            images: (0..<count).map { r in model.layout.visible.map { engine.value(node: $0, replica: r) } },
            classes: (0..<count).map { r in shownClass(model.layout) { engine.value(node: $0, replica: r) } },
            exchangeAcceptance: ladder?.acceptanceRates ?? [])
    }

    /// The class most copies show as +1; nil on a tie or when none does.
    static func shownClass(_ layout: DBMLayout, value: (Int) -> Int8) -> Int? {
        var votes = [Int](repeating: 0, count: layout.classes)
        for copy in layout.labels {
            for (k, v) in copy.enumerated() where value(v) > 0 { votes[k] += 1 }
        }
        guard let top = votes.max(), top > 0, votes.filter({ $0 == top }).count == 1 else { return nil }
        return votes.firstIndex(of: top)
    }
}
