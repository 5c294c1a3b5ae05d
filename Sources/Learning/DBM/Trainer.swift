import Foundation
import IsingModel
import PBitEmulator
import RandomStreams
import Topologies

/// One line of the training log (`training-log.jsonl`).
public struct EpochRecord: Codable, Sendable {
    public var epoch: Int
    public var learningRate: Double
    public var seconds: Double
    /// Root mean square of the coupling gradient `⟨mm⟩_data − ⟨mm⟩_model` over the epoch.
    public var gradientRMS: Double
    /// Mean `⟨m_i m_j⟩` over edges in the clamped (data) and free (model) phases.
    public var dataCorrelation: Double
    public var modelCorrelation: Double
    /// Accuracy on the held-out training images (nil with no validation set).
    public var validationAccuracy: Double?
    public var validationImages: Int
}

/// The sampled gradient of one batch (see `Trainer.gradient(batch:)`).
public struct BatchGradient: Sendable {
    public var couplings: [Double]
    public var biases: [Double]
    /// Mean `⟨m_i m_j⟩` over edges in the data and model phases.
    public var dataCorrelation: Double
    public var modelCorrelation: Double
}

/// What a checkpoint keeps besides the model: enough to continue exactly where it stopped.
struct TrainerState: Codable {
    var epoch: Int
    var couplingVelocity: [Double]
    var biasVelocity: [Double]
    /// Persistent chains, one `+`/`-` string per chain in node order.
    var chains: [String]
}

/// Trains a sparse DBM by persistent contrastive divergence on the p-bit emulator.
///
/// Each update takes a batch of images: the positive phase clamps image and label and runs
/// the hidden p-bits (the images of the batch are the replicas); the negative phase runs
/// persistent free chains. The gradient lives on the graph's edges and nodes only:
/// `ΔJ_ij ∝ ⟨m_i m_j⟩_data − ⟨m_i m_j⟩_model`, `Δh_i ∝ ⟨m_i⟩_data − ⟨m_i⟩_model`, with momentum.
public final class Trainer {
    public private(set) var model: DBMModel
    public let config: TrainingConfiguration
    let train: LabeledImages
    let validation: LabeledImages
    let threads: Int
    let positive: ReplicaEngine
    let negative: ReplicaEngine
    /// The negative phase's tempering ladder (its engine is `negative`); nil without tempering.
    let tempered: TemperedChains?
    /// Image clamped, labels and hidden free; nil when the discriminative weight is 0.
    let conditional: ReplicaEngine?
    let classifier: Classifier?
    var couplingVelocity: [Double]
    var biasVelocity: [Double]
    /// Draws the shifts of the augmentation; reseeded every epoch like the engines.
    var shiftRNG = Xoshiro256StarStar(seed: 0)
    /// Centring offsets `μ` per node (all 0 unless `config.centered`) and the edges' endpoints.
    let offsets: [Double]
    let edgeEnds: [(Int, Int)]
    public private(set) var epoch = 0

    /// Starts from `model` (see `initialModel`), or from a checkpoint in `directory` when `resume`.
    public init(model: DBMModel, config: TrainingConfiguration, train: LabeledImages,
                validation: LabeledImages, threads: Int) throws {
        try config.validate()
        try model.layout.validate(nodes: model.nodeCount, pixels: train.rows * train.columns)
        if let top = (train.labels + validation.labels).max(), Int(top) >= model.layout.classes {
            throw LearningError.invalid("the data has class \(top) but the model has \(model.layout.classes) label classes")
        }
        self.model = model
        self.config = config
        self.train = train
        self.validation = validation
        self.threads = threads
        let ising = try model.isingModel()
        let coloring = Coloring.dsatur(model.graph)
        positive = try ReplicaEngine(model: ising, coloring: coloring, replicas: config.batchSize, seed: config.seed, threads: threads)
        var hiddenOnly = [Bool](repeating: false, count: model.nodeCount)
        for v in model.layout.hidden { hiddenOnly[v] = true }
        positive.setFree(hiddenOnly)
        if config.temperingLevels > 1 {
            let ladder = try Tempering.ladder(model: ising, coloring: coloring, chains: config.persistentChains,
                                              levels: config.temperingLevels, lowestBeta: config.temperingLowestBeta,
                                              seed: config.seed &+ 1, threads: threads)
            tempered = ladder
            negative = ladder.engine
        } else {
            tempered = nil
            negative = try ReplicaEngine(model: ising, coloring: coloring, replicas: config.persistentChains,
                                         seed: config.seed &+ 1, threads: threads)
        }
        if config.discriminativeWeight > 0 {
            let engine = try ReplicaEngine(model: ising, coloring: coloring, replicas: config.batchSize,
                                           seed: config.seed &+ 3, threads: threads)
            var free = [Bool](repeating: true, count: model.nodeCount)
            for v in model.layout.visible { free[v] = false }
            engine.setFree(free)
            conditional = engine
        } else {
            conditional = nil
        }
        classifier = validation.count > 0
            ? try Classifier(model: model, settings: config.classifier, threads: threads, seed: config.seed &+ 2) : nil
        offsets = config.centered ? Self.meanSpins(layout: model.layout, nodes: model.nodeCount, data: train, binarizer: model.binarizer)
            : [Double](repeating: 0, count: model.nodeCount)
        edgeEnds = model.graph.edges
        couplingVelocity = [Double](repeating: 0, count: model.couplings.count)
        biasVelocity = [Double](repeating: 0, count: model.nodeCount)
        epoch = model.epochsCompleted
    }

    /// A new model: small random couplings, biases matching the data's mean spins
    /// (`h = atanh(⟨m⟩)/β`, the usual start for visible units), hidden biases 0.
    public static func initialModel(graph: SparseGraph, layout: DBMLayout, data: LabeledImages,
                                    config: TrainingConfiguration, binarizer: Binarizer, topology: String?) -> DBMModel {
        var rng = Xoshiro256StarStar(seed: config.seed ^ 0x5EED)
        let j = (0..<graph.edgeCount).map { _ in
            CouplingDistribution.gaussian.sample(scale: config.initialScale, using: &rng)
        }
        let mean = meanSpins(layout: layout, nodes: graph.nodeCount, data: data, binarizer: binarizer)
        var h = [Double](repeating: 0, count: graph.nodeCount)
        for v in layout.visible + layout.allLabels { h[v] = atanh(min(max(mean[v], -0.95), 0.95)) / config.beta }
        return DBMModel(graph: graph, couplings: j, biases: h, layout: layout, beta: config.beta,
                        topology: topology, binarizer: binarizer, training: config, epochsCompleted: 0)
    }

    /// Runs one epoch; `progress(done, total)` after each batch.
    public func runEpoch(progress: ((Int, Int) -> Void)? = nil) throws(LearningError) -> EpochRecord {
        let started = Date()
        let e = epoch
        let lr = config.learningRate(epoch: e)
        // Everything random in epoch e comes from (seed, e): a resumed run matches an unbroken one.
        positive.reseed(SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 11))
        let negativeSeed = SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 12)
        if let tempered { tempered.reseed(negativeSeed) } else { negative.reseed(negativeSeed) }
        conditional?.reseed(SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 15))
        shiftRNG = Xoshiro256StarStar(seed: SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 16))
        var order = Array(0..<train.count)
        var rng = Xoshiro256StarStar(seed: SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 13))
        order.stableShuffle(using: &rng)
        let batches = train.count / config.batchSize
        var squared = 0.0, dataCorr = 0.0, modelCorr = 0.0
        let edges = model.couplings.count
        for b in 0..<batches {
            let g = gradient(batch: Array(order[(b * config.batchSize)..<((b + 1) * config.batchSize)]))
            // Centred parameters: h̃ = h + Jμ is the bias of the model written in m − μ; with
            // μ = 0 this is the plain update.
            var centredBias = model.biases
            if config.centered { addCouplingField(to: &centredBias, times: 1) }
            for k in 0..<edges {
                let (i, j) = edgeEnds[k]
                let gradient = g.couplings[k] - offsets[j] * g.biases[i] - offsets[i] * g.biases[j]
                squared += g.couplings[k] * g.couplings[k]
                couplingVelocity[k] = config.momentum * couplingVelocity[k]
                    + lr * (gradient - config.weightDecay * model.couplings[k])
                model.couplings[k] += couplingVelocity[k]
            }
            dataCorr += g.dataCorrelation
            modelCorr += g.modelCorrelation
            for v in 0..<model.nodeCount {
                biasVelocity[v] = config.momentum * biasVelocity[v] + lr * g.biases[v]
                centredBias[v] += biasVelocity[v]
            }
            if config.centered { addCouplingField(to: &centredBias, times: -1) }
            model.biases = centredBias
            guard model.couplings.allSatisfy(\.isFinite), model.biases.allSatisfy(\.isFinite) else {
                throw .invalid("training diverged in epoch \(e + 1) (a coupling or bias is no longer finite); lower --learning-rate and resume from the last checkpoint")
            }
            positive.setParameters(edgeCouplings: model.couplings, biases: model.biases)
            negative.setParameters(edgeCouplings: model.couplings, biases: model.biases)
            conditional?.setParameters(edgeCouplings: model.couplings, biases: model.biases)
            progress?(b + 1, batches)
        }
        epoch += 1
        model.epochsCompleted = epoch
        var accuracy: Double?
        if let classifier {
            classifier.update(couplings: model.couplings, biases: model.biases,
                              seed: SplitMix64.streamSeed(config.seed, stream: UInt64(e), salt: 14))
            accuracy = try classifier.classify(validation).accuracy
        }
        let updates = Double(max(batches * edges, 1))
        return EpochRecord(epoch: epoch, learningRate: lr, seconds: Date().timeIntervalSince(started),
                           gradientRMS: (squared / updates).squareRoot(), dataCorrelation: dataCorr / Double(max(batches, 1)),
                           modelCorrelation: modelCorr / Double(max(batches, 1)), validationAccuracy: accuracy,
                           validationImages: validation.count)
    }

    /// `field[i] += sign · Σ_j J_ij μ_j` over the graph's edges (`sign` ±1).
    func addCouplingField(to field: inout [Double], times sign: Double) {
        for (k, (i, j)) in edgeEnds.enumerated() {
            field[i] += sign * model.couplings[k] * offsets[j]
            field[j] += sign * model.couplings[k] * offsets[i]
        }
    }

    /// Mean spin over `data` of every pixel and label node (a class's label p-bits: `2 P(k) − 1`);
    /// hidden nodes 0. The initial biases and the centring offsets both start from it.
    static func meanSpins(layout: DBMLayout, nodes: Int, data: LabeledImages, binarizer: Binarizer) -> [Double] {
        let n = Double(max(data.count, 1))
        var pixelSum = [Double](repeating: 0, count: layout.visible.count)
        var classCount = [Double](repeating: 0, count: layout.classes)
        for i in 0..<data.count {
            for (p, s) in binarizer.spins(data.image(i)).enumerated() { pixelSum[p] += Double(s) }
            if Int(data.labels[i]) < layout.classes { classCount[Int(data.labels[i])] += 1 }
        }
        var mean = [Double](repeating: 0, count: nodes)
        for (p, v) in layout.visible.enumerated() { mean[v] = pixelSum[p] / n }
        for copy in layout.labels {
            for (k, v) in copy.enumerated() { mean[v] = 2 * classCount[k] / n - 1 }
        }
        return mean
    }

    /// The sampled gradient of one batch of training images (`batch.count` must be the batch size).
    ///
    /// Couplings: `⟨m_i m_j⟩_data − ⟨m_i m_j⟩_model + α (⟨m_i m_j⟩_data − ⟨m_i m_j⟩_cond)` on each
    /// edge, biases the same with `⟨m_i⟩`. The data phase clamps image and label, the model phase
    /// runs the persistent free chains, and the conditional phase (only when α > 0) clamps the
    /// image alone: `⟨⟩_data − ⟨⟩_cond` is the gradient of `log p(label | image)`.
    public func gradient(batch: [Int]) -> BatchGradient {
        let layout = model.layout
        let labelNodes = layout.allLabels
        let s = config.maxShift
        for (r, i) in batch.enumerated() {
            let image = s == 0 ? train.image(i)
                : train.image(i, shiftedBy: Int.random(in: -s...s, using: &shiftRNG), Int.random(in: -s...s, using: &shiftRNG))[...]
            let pixels = model.binarizer.spins(image)
            positive.set(nodes: layout.visible, replica: r, values: pixels)
            positive.set(nodes: labelNodes, replica: r, values: layout.labelSpins(Int(train.labels[i])))
            conditional?.set(nodes: layout.visible, replica: r, values: pixels)
        }
        positive.randomize(nodes: layout.hidden)
        let data = phase(positive, sweeps: config.positiveSweeps)
        let beta = model.beta
        let free = phase(negative, sweeps: config.negativeSweeps, reading: config.persistentChains,
                         run: tempered.map { ladder in { ladder.sweep($0, beta: beta) } })
        // The conditional phase starts from random labels and hidden p-bits, as classification does.
        conditional?.randomize(nodes: layout.hidden + labelNodes)
        let cond = conditional.map { phase($0, sweeps: config.conditionalSweeps) }
        let alpha = config.discriminativeWeight
        func combine(_ d: [Double], _ m: [Double], _ c: [Double]?) -> [Double] {
            guard let c else { return zip(d, m).map { $0 - $1 } }
            return d.indices.map { d[$0] - m[$0] + alpha * (d[$0] - c[$0]) }
        }
        let edges = Double(max(model.couplings.count, 1))
        return BatchGradient(couplings: combine(data.edgeMeans, free.edgeMeans, cond?.edgeMeans),
                             biases: combine(data.nodeMeans, free.nodeMeans, cond?.nodeMeans),
                             dataCorrelation: data.edgeMeans.reduce(0, +) / edges,
                             modelCorrelation: free.edgeMeans.reduce(0, +) / edges)
    }

    /// Runs `sweeps` sweeps (by `run`, default the engine's own at the model's β) and averages
    /// the statistics of replicas `0..<reading` (default all) over the last `statisticsSweeps` states.
    func phase(_ engine: ReplicaEngine, sweeps: Int, reading: Int? = nil, run: ((Int) -> Void)? = nil) -> PairStatistics {
        let advance = run ?? { engine.sweep($0, beta: self.model.beta) }
        let k = config.statisticsSweeps
        var stats = PairStatistics(nodes: model.nodeCount, edges: model.couplings.count)
        advance(sweeps - k + 1)
        engine.accumulate(into: &stats, replicas: reading)
        for _ in 1..<k {
            advance(1)
            engine.accumulate(into: &stats, replicas: reading)
        }
        return stats
    }

    // MARK: Checkpoints

    static let stateFile = "trainer-state.json"

    /// Saves the model and the trainer state into `dir`; every file goes to a temporary name
    /// first, the state last, so an interruption leaves the previous checkpoint readable.
    public func checkpoint(to dir: String) throws {
        try ModelDirectory.save(model, to: dir)
        let chains = (0..<negative.replicas).map { r in
            String(negative.state(replica: r).map { $0 > 0 ? "+" : "-" })
        }
        let state = TrainerState(epoch: epoch, couplingVelocity: couplingVelocity, biasVelocity: biasVelocity, chains: chains)
        try AtomicFile.write(JSONEncoder().encode(state), to: ModelDirectory.path(dir, Self.stateFile))
    }

    /// Restores velocities and chains written by `checkpoint`.
    public func restore(from dir: String) throws {
        let path = ModelDirectory.path(dir, Self.stateFile)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LearningError.file(path: path, message: "no trainer state to resume from")
        }
        let state: TrainerState
        do { state = try JSONDecoder().decode(TrainerState.self, from: data) } catch {
            throw LearningError.file(path: path, message: "unreadable trainer state: \(error.localizedDescription)")
        }
        guard state.couplingVelocity.count == couplingVelocity.count, state.biasVelocity.count == biasVelocity.count,
              state.chains.count == negative.replicas, state.chains.allSatisfy({ $0.count == model.nodeCount }),
              state.epoch == model.epochsCompleted
        else {
            throw LearningError.file(path: path, message: "does not match the model in \(dir)")
        }
        couplingVelocity = state.couplingVelocity
        biasVelocity = state.biasVelocity
        for (r, chain) in state.chains.enumerated() {
            negative.set(nodes: Array(0..<model.nodeCount), replica: r, values: chain.map { $0 == "+" ? 1 : -1 })
        }
        epoch = state.epoch
    }
}
