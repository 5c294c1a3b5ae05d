import IsingModel
import PBitEmulator
import Topologies

/// The parallel-tempering ladder that training (negative phase) and generation share: `levels`
/// β multipliers linear from 1 down to `lowestBeta`, checked with the flags' own names.
enum Tempering {
    static func validate(levels: Int, lowestBeta: Double) throws(LearningError) {
        guard (1...64).contains(levels) else {
            throw .invalid("--tempering-levels must be between 1 and 64 (got \(levels))")
        }
        guard lowestBeta.isFinite, lowestBeta > 0, lowestBeta < 1 else {
            throw .invalid("--tempering-lowest-beta must be between 0 and 1, exclusive (got \(lowestBeta))")
        }
    }

    /// At least `chains` chains at β, each with `levels − 1` partners (see `TemperedChains`).
    static func ladder(model: IsingModel, coloring: Coloring, chains: Int, levels: Int, lowestBeta: Double,
                       seed: UInt64, threads: Int) throws -> TemperedChains {
        try TemperedChains(model: model, coloring: coloring, chains: chains,
                           levels: TemperedChains.linearLevels(count: levels, lowest: lowestBeta),
                           seed: seed, threads: threads)
    }
}
