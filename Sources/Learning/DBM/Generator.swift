import Foundation
import PBitEmulator
import Topologies

/// Draws images from a trained model: the label p-bits are clamped to one class, β is
/// annealed (by default 0 → 5, as in the original work), and the visible p-bits are read.
public struct GeneratorSettings: Codable, Equatable, Sendable {
    public var sweeps = 1000
    public var betaStart = 0.0
    public var betaEnd = 5.0
    public init() {}
}

public enum Generator {
    /// `count` images of class `label`, each `visible.count` spins in pixel order.
    public static func generate(model: DBMModel, label: Int, count: Int, settings: GeneratorSettings,
                                seed: UInt64, threads: Int) throws -> [[Int8]] {
        guard label >= 0, label < model.layout.classes else {
            throw LearningError.invalid("--label must be between 0 and \(model.layout.classes - 1) or 'all' (got \(label))")
        }
        guard count >= 1, count <= 1 << 16 else { throw LearningError.invalid("--count must be between 1 and 65536 (got \(count))") }
        guard settings.sweeps >= 1, settings.sweeps <= 1 << 30, settings.betaStart.isFinite, settings.betaEnd.isFinite,
              settings.betaStart >= 0, settings.betaEnd >= 0 else {
            throw LearningError.invalid("generation needs 1 to 2^30 sweeps and finite, non-negative β")
        }
        let engine = try ReplicaEngine(model: model.isingModel(), coloring: Coloring.dsatur(model.graph),
                                       replicas: count, seed: seed, threads: threads)
        var isFree = [Bool](repeating: true, count: model.nodeCount)
        let labels = model.layout.allLabels
        for v in labels { isFree[v] = false }
        engine.setFree(isFree)
        let spins = model.layout.labelSpins(label)
        for r in 0..<count { engine.set(nodes: labels, replica: r, values: spins) }
        let n = settings.sweeps
        let betas = (0..<n).map { settings.betaStart + (settings.betaEnd - settings.betaStart) * Double($0 + 1) / Double(n) }
        engine.sweep(betas: betas)
        return (0..<count).map { r in model.layout.visible.map { engine.value(node: $0, replica: r) } }
    }
}
