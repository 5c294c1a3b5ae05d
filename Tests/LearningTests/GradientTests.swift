import Foundation
import IsingModel
import Learning
import Testing
import Topologies

/// The trainer's sampled batch gradient against the exact one from enumerating every state of
/// a tiny machine: 2 pixels, 2 classes × 1 label copy, 4 hidden p-bits on a K(4,4) Chimera cell.
@Suite struct GradientTests {
    /// `⟨m_i⟩` and `⟨m_i m_j⟩` of the exact distribution restricted to states that agree with `clamped`.
    func conditionalMeans(_ exact: ExactDistribution, _ edges: [(Int, Int)], nodes: Int,
                          clamped: [Int: Int8]) -> (nodes: [Double], edges: [Double]) {
        var mag = [Double](repeating: 0, count: nodes), corr = [Double](repeating: 0, count: edges.count)
        var total = 0.0
        for (s, p) in exact.probabilities.enumerated() {
            func spin(_ i: Int) -> Double { (s >> i) & 1 == 1 ? 1 : -1 }
            guard clamped.allSatisfy({ spin($0.key) == Double($0.value) }) else { continue }
            total += p
            for i in 0..<nodes { mag[i] += p * spin(i) }
            for (e, (i, j)) in edges.enumerated() { corr[e] += p * spin(i) * spin(j) }
        }
        return (mag.map { $0 / total }, corr.map { $0 / total })
    }

    @Test(arguments: [0.0, 1.0])
    func batchGradientMatchesEnumeration(alpha: Double) throws {
        let graph = try Topology.make(.chimera(m: 1, n: 1, t: 4)).graph
        let layout = DBMLayout(visible: [0, 5], labels: [[2, 7]], hidden: [1, 3, 4, 6])
        let couplings = (0..<graph.edgeCount).map { 0.6 * sin(Double($0) * 1.7 + 0.3) }
        let biases = (0..<graph.nodeCount).map { 0.3 * cos(Double($0) * 2.3) }
        // The four images of two pixels, labelled 0, 1, 1, 0.
        let images = LabeledImages(rows: 1, columns: 2, pixels: [0, 0, 0, 255, 255, 0, 255, 255], labels: [0, 1, 1, 0])
        var config = TrainingConfiguration()
        config.batchSize = 64
        config.persistentChains = 64
        (config.positiveSweeps, config.negativeSweeps, config.conditionalSweeps) = (2010, 2010, 2010)
        config.statisticsSweeps = 2000
        config.discriminativeWeight = alpha
        config.validationImages = 0
        let model = DBMModel(graph: graph, couplings: couplings, biases: biases, layout: layout)
        let trainer = try Trainer(model: model, config: config, train: images,
                                  validation: images.subset([]), threads: 2)
        let sampled = trainer.gradient(batch: (0..<64).map { $0 % 4 })

        let exact = try ExactDistribution(model: model.isingModel(), beta: 1)
        let n = graph.nodeCount, edges = graph.edges
        var expected = (nodes: [Double](repeating: 0, count: n), edges: [Double](repeating: 0, count: edges.count))
        for i in 0..<4 {
            let pixels = Binarizer().spins(images.image(i))
            var clamped: [Int: Int8] = [:]
            for (p, v) in layout.visible.enumerated() { clamped[v] = pixels[p] }
            let imageOnly = conditionalMeans(exact, edges, nodes: n, clamped: clamped)
            for (k, v) in layout.allLabels.enumerated() { clamped[v] = layout.labelSpins(Int(images.labels[i]))[k] }
            let data = conditionalMeans(exact, edges, nodes: n, clamped: clamped)
            // Each image is a quarter of the batch: ⟨⟩_data − ⟨⟩_model + α(⟨⟩_data − ⟨⟩_cond).
            for v in 0..<n {
                expected.nodes[v] += 0.25 * (data.nodes[v] - exact.magnetization[v] + alpha * (data.nodes[v] - imageOnly.nodes[v]))
            }
            for e in edges.indices {
                expected.edges[e] += 0.25 * (data.edges[e] - exact.correlations[e] + alpha * (data.edges[e] - imageOnly.edges[e]))
            }
        }
        // 128,000 samples per phase (64 chains × 2,000 sweeps): standard errors near 0.003 per
        // term, under 0.01 for the sum of three; 0.04 is over 4 of them.
        for (a, b) in zip(sampled.couplings, expected.edges) { #expect(abs(a - b) < 0.04, "couplings \(sampled.couplings) vs \(expected.edges)") }
        for (a, b) in zip(sampled.biases, expected.nodes) { #expect(abs(a - b) < 0.04, "biases \(sampled.biases) vs \(expected.nodes)") }
        // The gradient is not trivially small, so the comparison means something.
        #expect(expected.edges.map(abs).max() ?? 0 > 0.1)
    }
}
