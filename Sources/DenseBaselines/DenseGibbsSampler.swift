import Foundation
import IsingModel
import RandomStreams
import Topologies

/// Block Gibbs sampling with the couplings stored dense: what a p-bit machine would cost on
/// a dense matrix engine. For each colour `c`, the fields of its nodes in every replica are
/// one matrix product `F = S · J[:, c]` (replicas × n times n × |c|), then each p-bit is
/// decided as in the sparse kernel. Same statistics as the sparse sampler, `n/degree` times
/// the arithmetic.
public final class DenseGibbsSampler {
    public let replicas: Int
    public let nodeCount: Int
    let classes: [[Int]]
    /// `columns[c]`: `J` restricted to the columns of colour `c`, row-major n × |c|.
    let columns: [[Float]]
    let biases: [Float]
    /// Replica states, row-major replicas × n, ±1.
    var state: [Float]
    var fields: [Float]
    var rngs: [Xoshiro256StarStar]

    public init(model: IsingModel, coloring: Coloring, replicas: Int, seed: UInt64) throws {
        guard replicas >= 1, replicas <= 1 << 16 else {
            throw ModelError.invalid("replicas must be between 1 and 65536 (got \(replicas))")
        }
        let n = model.nodeCount
        guard n >= 1, n <= 20_000 else {
            throw ModelError.invalid("the dense sampler holds n² couplings; 1 to 20,000 nodes (got \(n))")
        }
        do { _ = try Coloring(colors: coloring.colors, graph: model.graph) } catch {
            throw ModelError.invalid("the colouring does not fit the model: \(error)")
        }
        self.replicas = replicas
        nodeCount = n
        classes = coloring.classes
        let g = model.graph
        columns = coloring.classes.map { members in
            var block = [Float](repeating: 0, count: n * members.count)
            for (col, j) in members.enumerated() {
                for k in g.offsets[j]..<g.offsets[j + 1] {
                    block[Int(g.neighbors[k]) * members.count + col] = Float(model.couplings[k])
                }
            }
            return block
        }
        biases = model.biases.map(Float.init)
        rngs = (0..<replicas).map { Xoshiro256StarStar(seed: SplitMix64.streamSeed(seed, stream: UInt64($0), salt: 3)) }
        state = [Float](repeating: 0, count: replicas * n)
        for r in 0..<replicas {
            for i in 0..<n { state[r * n + i] = rngs[r].next() >> 63 == 0 ? 1 : -1 }
        }
        fields = [Float](repeating: 0, count: replicas * (classes.map(\.count).max() ?? 0))
    }

    /// `count` sweeps at inverse temperature `beta`.
    public func sweep(_ count: Int, beta: Double) {
        let n = nodeCount
        for _ in 0..<count {
            for (c, members) in classes.enumerated() {
                let width = members.count
                state.withUnsafeBufferPointer { s in
                    columns[c].withUnsafeBufferPointer { jc in
                        fields.withUnsafeMutableBufferPointer { f in
                            BLAS.multiply(s.baseAddress!, jc.baseAddress!, f.baseAddress!, m: replicas, n: width, k: n)
                        }
                    }
                }
                for r in 0..<replicas {
                    for (col, i) in members.enumerated() {
                        let field = Double(fields[r * width + col] + biases[i])
                        let u = rngs[r].nextOpenUnit()
                        // tanh(βI) > 2u − 1, as in the sparse kernel's u·(1 + e^{−2βI}) < 1.
                        state[r * n + i] = u * (1 + exp(-2 * beta * field)) < 1 ? 1 : -1
                    }
                }
            }
        }
    }

    /// Adds every replica's `m_i` to `nodeSums` and `m_i m_j` (in `edges` order) to `edgeSums`.
    public func accumulate(into nodeSums: inout [Double], edgeSums: inout [Double], edges: [(Int, Int)]) {
        let n = nodeCount
        for r in 0..<replicas {
            for i in 0..<n { nodeSums[i] += Double(state[r * n + i]) }
            for (e, (i, j)) in edges.enumerated() { edgeSums[e] += Double(state[r * n + i] * state[r * n + j]) }
        }
    }
}
