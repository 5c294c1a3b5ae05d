import ArgumentParser
import IsingModel
import Topologies

/// `--export-model J.mtx --export-bias h.mtx`: writes the model a command samples, so that
/// another sampler (or `pbit sample --model J.mtx --bias h.mtx`) can run on exactly the same
/// instance. The files hold the ideal couplings and biases of
///
///     p(m) ∝ exp(β · (Σ_{i<j} J_ij m_i m_j + Σ_i h_i m_i)),
///
/// before any `--fixed-point` quantisation (which the emulator applies again on reading).
/// Values are written in Swift's shortest round-trip form, so reading them back is exact.
struct ModelExportOptions: ParsableArguments {
    @Option(name: .customLong("export-model"),
            help: "Write the sampled model's couplings J to FILE (Matrix Market; read back with --model).")
    var modelPath: String?

    @Option(name: .customLong("export-bias"),
            help: "Write the sampled model's biases h to FILE (Matrix Market array; read back with --bias).")
    var biasPath: String?

    /// Writes the requested files, each atomically.
    func write(_ model: IsingModel, name: String) throws {
        let comment = "pbit model \(name): p(m) ~ exp(beta * (sum_{i<j} J_ij m_i m_j + sum_i h_i m_i)), m_i = +-1"
        if let modelPath { try MatrixMarket.write(model.matrix, to: modelPath, comment: comment) }
        if let biasPath { try MatrixMarket.write(vector: model.biases, to: biasPath, comment: comment) }
    }
}
