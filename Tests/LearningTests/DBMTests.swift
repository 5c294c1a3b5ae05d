import Foundation
import IsingModel
import Learning
import PBitEmulator
import RandomStreams
import Testing
import Topologies

/// Small synthetic data: `count` images of `side × side` pixels in `classes` classes, each
/// class a distinct pattern with pixel noise, so a tiny machine can learn to tell them apart.
func syntheticImages(count: Int, side: Int = 4, classes: Int = 2, noise: Double = 0.1, seed: UInt64 = 1) -> LabeledImages {
    var rng = SplitMix64(seed: seed)
    var pixels: [UInt8] = []
    var labels: [UInt8] = []
    for i in 0..<count {
        let k = i % classes
        for p in 0..<(side * side) {
            var on = (p + k) % classes == 0
            if Double(rng.next() >> 11) * 0x1.0p-53 < noise { on.toggle() }
            pixels.append(on ? 255 : 0)
        }
        labels.append(UInt8(k))
    }
    return LabeledImages(rows: side, columns: side, pixels: pixels, labels: labels)
}

@Suite struct DBMTests {
    static let temp: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pbit-dbm-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    @Test(arguments: PlacementStrategy.allCases)
    func layoutCoversEveryNodeExactlyOnce(strategy: PlacementStrategy) throws {
        let graph = try Topology.make(.pegasus(m: 14)).graph
        let n = graph.nodeCount
        let layout = try DBMLayout.place(graph: graph, strategy: strategy, seed: 3)
        try layout.validate(nodes: n, pixels: 784)
        #expect(layout.visible.count == 784)
        #expect(layout.labels.count == 5 && layout.labels.allSatisfy { $0.count == 10 })
        #expect(layout.hidden.count == n - 784 - 50)
        #expect(Set(layout.visible + layout.allLabels + layout.hidden) == Set(0..<n))
        #expect(throws: LearningError.self) { try DBMLayout.place(nodes: 800) }
        var broken = layout
        broken.hidden[0] = broken.visible[0]
        #expect(throws: LearningError.self) { try broken.validate(nodes: n) }
    }

    /// The layered placement keeps labels apart and surrounded by hidden p-bits only, and
    /// puts every pixel it can next to those hidden p-bits.
    @Test func layeredPlacementGivesLabelsHiddenNeighboursOnly() throws {
        let graph = try Topology.make(.pegasus(m: 14)).graph
        let layout = try DBMLayout.place(graph: graph, copies: 10, strategy: .layered, seed: 4)
        try layout.validate(nodes: graph.nodeCount, pixels: 784)
        let hidden = Set(layout.hidden)
        let labels = layout.allLabels
        let firstLayer = Set(labels.flatMap { graph.neighbors(of: $0).map(Int.init) })
        #expect(firstLayer.isSubset(of: hidden))
        // Disjoint neighbourhoods: 100 labels of degree ≥ 12 need as many distinct neighbours.
        #expect(firstLayer.count == labels.reduce(0) { $0 + graph.degree(of: $1) })
        let fed = layout.visible.filter { graph.neighbors(of: $0).contains { firstLayer.contains(Int($0)) } }
        #expect(fed.count == layout.visible.count)
        #expect(throws: LearningError.self) { try DBMLayout.place(nodes: graph.nodeCount, strategy: .layered) }
        // Same seed, same layout.
        #expect(try DBMLayout.place(graph: graph, copies: 10, strategy: .layered, seed: 4) == layout)
    }

    @Test func modelDirectoryRoundTrips() throws {
        let g = try Topology.make(.pegasus(m: 3)).graph
        let layout = try DBMLayout.place(nodes: g.nodeCount, visible: 16, classes: 2, copies: 3, seed: 2)
        let model = DBMModel(graph: g, couplings: (0..<g.edgeCount).map { Double($0) * 0.001 - 0.3 },
                             biases: (0..<g.nodeCount).map { 1e-3 * Double($0) }, layout: layout, beta: 1.5,
                             topology: "pegasus:3", binarizer: Binarizer(threshold: 17), training: TrainingConfiguration(),
                             epochsCompleted: 4)
        let dir = Self.temp.appendingPathComponent("roundtrip").path
        try ModelDirectory.save(model, to: dir)
        let again = try ModelDirectory.load(dir)
        #expect(again == model)
    }

    @Test func malformedModelDirectoriesAreRejected() throws {
        let dir = Self.temp.appendingPathComponent("broken").path
        #expect(throws: LearningError.self) { try ModelDirectory.load(dir) }
        let g = try Topology.make(.pegasus(m: 3)).graph
        let layout = try DBMLayout.place(nodes: g.nodeCount, visible: 16, classes: 2, copies: 1, seed: 2)
        let model = DBMModel(graph: g, couplings: Array(repeating: 0.1, count: g.edgeCount),
                             biases: Array(repeating: 0, count: g.nodeCount), layout: layout)
        try ModelDirectory.save(model, to: dir)
        try "%%MatrixMarket matrix array real general\n2 1\n0\n0\n".write(toFile: dir + "/biases.mtx", atomically: true, encoding: .utf8)
        #expect { try ModelDirectory.load(dir) } throws: { "\($0)".contains("biases.mtx") && "\($0)".contains("2 biases") }
    }

    /// The positive-minus-negative statistics of a fully observed tiny model equal the exact
    /// log-likelihood gradient `⟨m_i m_j⟩_data − ⟨m_i m_j⟩_model` from enumeration.
    @Test func sampledGradientMatchesExactGradient() throws {
        let g = try SparseGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4), (0, 4), (1, 3)])
        let model = try IsingModel(graph: g, edgeCouplings: [0.4, -0.3, 0.5, 0.2, -0.6, 0.3], biases: [0.1, -0.2, 0, 0.3, -0.1])
        let data: [[Int8]] = [[1, 1, -1, 1, -1], [1, -1, -1, 1, 1], [-1, -1, 1, 1, 1], [1, 1, 1, -1, -1]]
        let exact = try ExactDistribution(model: model, beta: 1)
        let edges = g.edges
        let dataCorr = edges.map { e in data.map { Double($0[e.0] * $0[e.1]) }.reduce(0, +) / Double(data.count) }
        let exactGradient = zip(dataCorr, exact.correlations).map { $0 - $1 }
        // Positive phase: everything clamped (fully observed); negative: free chains.
        let coloring = Coloring.dsatur(g)
        let positive = try ReplicaEngine(model: model, coloring: coloring, replicas: 4, seed: 1, threads: 1)
        positive.setFree([Bool](repeating: false, count: 5))
        for (r, s) in data.enumerated() { positive.set(nodes: Array(0..<5), replica: r, values: s) }
        var pos = PairStatistics(nodes: 5, edges: edges.count)
        positive.accumulate(into: &pos)
        let negative = try ReplicaEngine(model: model, coloring: coloring, replicas: 64, seed: 2, threads: 2)
        negative.sweep(50, beta: 1)
        var neg = PairStatistics(nodes: 5, edges: edges.count)
        for _ in 0..<2000 {
            negative.sweep(1, beta: 1)
            negative.accumulate(into: &neg)
        }
        let sampled = zip(pos.edgeMeans, neg.edgeMeans).map { $0 - $1 }
        // 128,000 model samples: standard errors near 0.003; 0.02 is over 5 of them.
        for (a, b) in zip(sampled, exactGradient) { #expect(abs(a - b) < 0.02, "\(sampled) vs \(exactGradient)") }
    }

    func tinyTrainer(epochs: Int, dir: String? = nil, resumeFrom: String? = nil, shift: Int = 0,
                     centered: Bool = false, tempering: Int = 1) throws -> Trainer {
        let train = syntheticImages(count: 200, seed: 1)
        let held = syntheticImages(count: 100, seed: 2)
        var config = TrainingConfiguration()
        config.epochs = epochs
        config.batchSize = 20
        config.learningRate = 0.02
        config.persistentChains = 32
        config.validationImages = 100
        config.classifier.sweeps = 40
        config.classifier.readSweeps = 20
        config.maxShift = shift
        config.centered = centered
        config.temperingLevels = tempering
        let g = try Topology.make(.chimera(m: 3, n: 3, t: 4)).graph
        let model: DBMModel
        if let resumeFrom {
            model = try ModelDirectory.load(resumeFrom)
        } else {
            let layout = try DBMLayout.place(nodes: g.nodeCount, visible: 16, classes: 2, copies: 3, seed: 5)
            model = Trainer.initialModel(graph: g, layout: layout, data: train, config: config, binarizer: Binarizer(), topology: nil)
        }
        let t = try Trainer(model: model, config: config, train: train, validation: held, threads: 2)
        if let resumeFrom { try t.restore(from: resumeFrom) }
        return t
    }

    /// With plain and with centred updates, and with a tempered negative phase.
    @Test(arguments: [(false, 1), (true, 1), (false, 3)])
    func shortTrainingBeatsChance(centered: Bool, tempering: Int) throws {
        let trainer = try tinyTrainer(epochs: 8, centered: centered, tempering: tempering)
        var last: EpochRecord?
        while trainer.epoch < 8 { last = try trainer.runEpoch() }
        let accuracy = try #require(last?.validationAccuracy)
        // Two classes: chance is 50%, with 100 held-out images ±10% at 2 standard deviations.
        #expect(accuracy > 0.8, "held-out accuracy \(accuracy)")
    }

    /// Plain, with the shift augmentation (whose random shifts must also resume exactly), with
    /// centred updates (whose centred biases are rebuilt from the saved model), and with a
    /// tempered negative phase (every level's chains are saved; exchanges are reseeded per epoch).
    @Test(arguments: [(0, false, 1), (1, false, 1), (0, true, 1), (0, false, 3)])
    func resumingContinuesExactlyWhereTrainingStopped(shift: Int, centered: Bool, tempering: Int) throws {
        let straight = try tinyTrainer(epochs: 3, shift: shift, centered: centered, tempering: tempering)
        for _ in 0..<3 { _ = try straight.runEpoch() }
        let dir = Self.temp.appendingPathComponent("resume-\(shift)-\(centered)-\(tempering)").path
        let first = try tinyTrainer(epochs: 3, shift: shift, centered: centered, tempering: tempering)
        _ = try first.runEpoch()
        _ = try first.runEpoch()
        try first.checkpoint(to: dir)
        let resumed = try tinyTrainer(epochs: 3, resumeFrom: dir, shift: shift, centered: centered, tempering: tempering)
        #expect(resumed.epoch == 2)
        _ = try resumed.runEpoch()
        #expect(resumed.model.couplings == straight.model.couplings)
        #expect(resumed.model.biases == straight.model.biases)
    }
}
