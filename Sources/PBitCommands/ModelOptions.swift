import ArgumentParser
import Foundation
import IsingModel
import Topologies

extension CouplingDistribution: ExpressibleByArgument {}

/// Where the Ising model comes from: files, or random couplings on a topology.
struct ModelOptions: ParsableArguments {
    @Option(name: .customLong("model"), help: "Coupling matrix J (Matrix Market coordinate real symmetric).")
    var modelFile: String?

    @Option(name: .customLong("bias"), help: "Bias vector h (Matrix Market array, or one number per line).")
    var biasFile: String?

    @Option(help: "Random model on a hardware graph: pegasus:M, zephyr:M[:T], chimera:M[:N[:T]].")
    var topology: String?

    @Option(help: "Distribution of random couplings: gaussian, uniform or pm1.")
    var couplings: CouplingDistribution = .gaussian

    @Option(name: .customLong("coupling-scale"), help: "Standard deviation (gaussian) or half-width (uniform, pm1) of J.")
    var couplingScale: Double = 1

    @Option(name: .customLong("biases"), help: "Distribution of random biases (default: as --couplings).")
    var biasDistribution: CouplingDistribution?

    @Option(name: .customLong("bias-scale"), help: "Scale of random biases; 0 for none.")
    var biasScale: Double = 1

    @Option(name: .customLong("model-seed"), help: "Seed of the random model (default: --seed).")
    var modelSeed: UInt64?

    func validate() throws {
        if modelFile != nil && topology != nil {
            throw ValidationError("give either --model FILE.mtx or --topology, not both")
        }
        if biasFile != nil && modelFile == nil {
            throw ValidationError("--bias needs --model")
        }
        guard couplingScale.isFinite, couplingScale >= 0 else {
            throw ValidationError("--coupling-scale must be finite and non-negative (got \(couplingScale))")
        }
        guard biasScale.isFinite, biasScale >= 0 else {
            throw ValidationError("--bias-scale must be finite and non-negative (got \(biasScale))")
        }
    }

    /// The model, its name for reports, and the native colouring when it has one.
    func load(seed: UInt64, defaultTopology: String = "pegasus:14") throws -> (IsingModel, String, Coloring?) {
        if let modelFile {
            let matrix = try MatrixMarket.readSymmetric(path: modelFile)
            var biases: [Double]?
            if let biasFile {
                let h = try MatrixMarket.readVector(path: biasFile)
                guard h.count == matrix.size else {
                    throw CLIError("\(biasFile): has \(h.count) biases but \(modelFile) has \(matrix.size) nodes")
                }
                biases = h
            }
            do {
                return (try IsingModel(matrix: matrix, biases: biases), modelFile, nil)
            } catch {
                throw CLIError("\(modelFile): \(error)")
            }
        }
        let family = try TopologySpec.parse(topology ?? defaultTopology)
        let topo = try Topology.make(family)
        let model = try IsingModel.random(
            on: topo.graph, couplings: couplings, couplingScale: couplingScale,
            biases: biasDistribution ?? couplings, biasScale: biasScale, seed: modelSeed ?? seed)
        return (model, family.description, topo.nativeColoring())
    }
}
