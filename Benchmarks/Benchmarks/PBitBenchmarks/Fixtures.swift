import Foundation
import IsingModel
import Topologies

/// The model the sampler benchmarks share: `pbit bench`'s, random Gaussian `J` and `h` on
/// Pegasus P14 (4,264 p-bits, 30,404 couplings), with the closed-form 4-colouring.
struct P14Fixture: Sendable {
    let model: IsingModel
    let coloring: Coloring

    static func make() throws -> P14Fixture {
        let topology = try Topology.make(.pegasus(m: 14))
        let model = try IsingModel.random(on: topology.graph, couplings: .gaussian, biases: .gaussian, seed: Suite.seed)
        return P14Fixture(model: model, coloring: topology.nativeColoring())
    }
}

/// The repository root, from this file's place in it (Benchmarks/Benchmarks/PBitBenchmarks/).
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
