import IsingModel
import Testing
import Topologies

@Suite struct IsingModelTests {
    func triangle() throws -> IsingModel {
        let g = try SparseGraph(nodeCount: 3, edges: [(0, 1), (1, 2), (0, 2)])
        return try IsingModel(graph: g, edgeCouplings: [1, -2, 0.5], biases: [0.1, 0, -0.3])
    }

    @Test func energyFollowsTheDefinition() throws {
        let m = try triangle()
        // Edges in order (0,1), (0,2), (1,2) carry 1, -2, 0.5.
        #expect(m.coupling(0, 1) == 1 && m.coupling(1, 0) == 1)
        #expect(m.coupling(0, 2) == -2 && m.coupling(2, 1) == 0.5)
        let s: [Int8] = [1, -1, 1]
        let expected: Double = 3.7  // −(J01·(−1) + J02·1 + J12·(−1) + h0 − h2) = −(−1 − 2 − 0.5 − 0.2)
        #expect(abs(m.energy(s) - expected) < 1e-12)
        #expect(abs(m.localField(0, state: s) - (0.1 - 1 - 2)) < 1e-12)
    }

    @Test func matrixRoundTrip() throws {
        let m = try triangle()
        let again = try IsingModel(matrix: m.matrix, biases: m.biases)
        #expect(again == m)
    }

    @Test func badModelsAreRejected() throws {
        let g = try SparseGraph(nodeCount: 3, edges: [(0, 1), (1, 2)])
        #expect(throws: ModelError.self) { try IsingModel(graph: g, edgeCouplings: [1], biases: [0, 0, 0]) }
        #expect(throws: ModelError.self) { try IsingModel(graph: g, edgeCouplings: [1, 2], biases: [0, 0]) }
        #expect(throws: ModelError.nonFinite("coupling on edge (1, 2) is nan")) {
            try IsingModel(graph: g, edgeCouplings: [1, .nan], biases: [0, 0, 0])
        }
        #expect(throws: ModelError.self) { try IsingModel(graph: g, edgeCouplings: [1, 1], biases: [0, .infinity, 0]) }
    }

    @Test func exactEnumerationOfTwoSpins() throws {
        let g = try SparseGraph(nodeCount: 2, edges: [(0, 1)])
        let m = try IsingModel(graph: g, edgeCouplings: [0.7], biases: [0, 0])
        let e = try ExactDistribution(model: m, beta: 1.3)
        // ⟨m₀m₁⟩ = tanh(βJ) with no fields.
        #expect(abs(e.correlations[0] - 0.7211322540766999) < 1e-12)
        #expect(abs(e.magnetization[0]) < 1e-12)
        #expect(abs(e.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    @Test func randomModelsAreReproducibleAndScaled() throws {
        let g = try Topology.make(.pegasus(m: 4)).graph
        let a = try IsingModel.random(on: g, couplings: .pm1, couplingScale: 0.5, biases: .uniform, biasScale: 0.2, seed: 3)
        let b = try IsingModel.random(on: g, couplings: .pm1, couplingScale: 0.5, biases: .uniform, biasScale: 0.2, seed: 3)
        #expect(a == b)
        #expect(a.edgeCouplings.allSatisfy { abs($0) == 0.5 })
        #expect(a.biases.allSatisfy { abs($0) <= 0.2 })
        let gauss = try IsingModel.random(on: g, couplings: .gaussian, biases: .gaussian, seed: 3).edgeCouplings
        let mean = gauss.reduce(0, +) / Double(gauss.count)
        let variance = gauss.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(gauss.count)
        // 1,116 couplings: mean within 5 standard errors of 0, variance near 1.
        #expect(abs(mean) < 5 / Double(gauss.count).squareRoot())
        #expect(abs(variance - 1) < 0.15)
    }
}
