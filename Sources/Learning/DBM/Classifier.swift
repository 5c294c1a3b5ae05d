import Foundation
import IsingModel
import PBitEmulator
import Topologies

/// How an image is classified by sampling: clamp its pixels, let hidden and label p-bits
/// run, and score each class by its label p-bits over the last `readSweeps` sweeps.
public struct ClassifierSettings: Codable, Equatable, Sendable {
    /// Independent chains per image (their scores add up). The default protocol, 4 chains ×
    /// 200 sweeps, is 10 points more accurate than 1 × 60 on MNIST for 12 times the work
    /// (docs/results/mnist.md has the table).
    public var chains = 4
    /// Sweeps per chain.
    public var sweeps = 200
    /// The last `readSweeps` sweeps are read.
    public var readSweeps = 100
    /// β rises linearly from this value to the model's β over the sweeps before reading
    /// (annealing helps the chain leave its random start); nil keeps β fixed.
    public var annealFrom: Double? = 0.2
    /// How the label p-bits are read; see `Readout`. `expectation` is the default: on the
    /// full MNIST test set it beat `conditional` by 1–1.5 points (docs/results/mnist.md).
    public var readout: Readout = .expectation

    public enum Readout: String, Codable, CaseIterable, Sendable {
        /// The probability of each class's one-hot label pattern given every other p-bit:
        /// `p(k) ∝ exp(2β Σ_{copies of k} I_u)`, exact when label p-bits share no edge.
        case conditional
        /// `tanh(βI)` of each label p-bit: its expected value given its neighbours.
        case expectation
        /// The sampled values, as hardware reads them.
        case sample
    }

    public init() {}

    public func validate() throws(LearningError) {
        guard chains >= 1, chains <= 1 << 16 else {
            throw .invalid("--chains-per-image must be between 1 and 65536 (got \(chains))")
        }
        guard sweeps >= 1, sweeps <= 1 << 30 else { throw .invalid("--eval-sweeps must be between 1 and 2^30 (got \(sweeps))") }
        guard readSweeps >= 1, readSweeps <= sweeps else {
            throw .invalid("--read-sweeps must be between 1 and --sweeps (got \(readSweeps))")
        }
        if let a = annealFrom, !(a.isFinite && a >= 0) { throw .invalid("--anneal-from must be finite and non-negative") }
    }
}

/// Result of classifying a set of images.
public struct Classification: Sendable {
    public var predictions: [Int]
    /// `confusion[true][predicted]`.
    public var confusion: [[Int]]
    public var correct: Int
    public var images: Int { predictions.count }
    public var accuracy: Double { images > 0 ? Double(correct) / Double(images) : 0 }

    public init(predictions: [Int], confusion: [[Int]], correct: Int) {
        self.predictions = predictions
        self.confusion = confusion
        self.correct = correct
    }
}

public final class Classifier {
    public let model: DBMModel
    public let settings: ClassifierSettings
    let engine: ReplicaEngine
    let imagesPerRound: Int

    /// `replicas` chains run side by side (rounded to whole images).
    public init(model: DBMModel, settings: ClassifierSettings, threads: Int, replicas: Int = 256, seed: UInt64 = 1) throws {
        try settings.validate()
        self.model = model
        self.settings = settings
        guard replicas >= 1, replicas <= 1 << 20 else {
            throw LearningError.invalid("--replicas must be between 1 and 1048576 (got \(replicas))")
        }
        imagesPerRound = max(1, replicas / settings.chains)
        let ising = try model.isingModel()
        engine = try ReplicaEngine(model: ising, coloring: Coloring.dsatur(model.graph),
                                   replicas: imagesPerRound * settings.chains, seed: seed, threads: threads)
        var isFree = [Bool](repeating: true, count: model.nodeCount)
        for v in model.layout.visible { isFree[v] = false }
        engine.setFree(isFree)
    }

    /// Refreshes the couplings after training changed them and restarts the random streams
    /// from `seed`, so the same parameters always score the same.
    public func update(couplings: [Double], biases: [Double], seed: UInt64) {
        engine.setParameters(edgeCouplings: couplings, biases: biases)
        engine.reseed(seed)
    }

    var schedule: [Double] {
        let beta = model.beta
        let warm = settings.sweeps - settings.readSweeps
        return (0..<settings.sweeps).map { t in
            guard let start = settings.annealFrom, t < warm, warm > 0 else { return beta }
            return start + (beta - start) * Double(t + 1) / Double(warm)
        }
    }

    public func classify(_ data: LabeledImages, progress: ((Int, Int) -> Void)? = nil) throws(LearningError) -> Classification {
        let layout = model.layout
        guard data.pixelsPerImage == layout.visible.count else {
            throw .invalid("the model has \(layout.visible.count) visible p-bits but the images have \(data.pixelsPerImage) pixels")
        }
        let labelNodes = layout.allLabels
        let classes = layout.classes
        let betas = schedule
        let warm = settings.sweeps - settings.readSweeps
        var predictions: [Int] = []
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classes), count: classes)
        var correct = 0
        var start = 0
        while start < data.count {
            let count = min(imagesPerRound, data.count - start)
            for i in 0..<count {
                let spins = model.binarizer.spins(data.image(start + i))
                for c in 0..<settings.chains { engine.set(nodes: layout.visible, replica: i * settings.chains + c, values: spins) }
            }
            engine.randomize(nodes: layout.hidden + labelNodes)
            engine.sweep(betas: Array(betas[0..<warm]))
            var sums = [Double](repeating: 0, count: engine.replicas * labelNodes.count)
            for t in warm..<settings.sweeps {
                engine.sweep(betas: [betas[t]])
                switch settings.readout {
                case .conditional:
                    let fields = engine.localFields(nodes: labelNodes)
                    let width = labelNodes.count
                    for r in 0..<engine.replicas {
                        var score = [Double](repeating: 0, count: classes)
                        for k in 0..<width { score[k % classes] += 2 * betas[t] * fields[r * width + k] }
                        let top = score.max() ?? 0
                        let weights = score.map { Foundation.exp($0 - top) }
                        let z = weights.reduce(0, +)
                        // Stored on the first copy's nodes; scores below add over all copies.
                        for k in 0..<classes { sums[r * width + k] += weights[k] / z }
                    }
                case .expectation:
                    engine.accumulateExpectations(nodes: labelNodes, beta: betas[t], into: &sums)
                case .sample:
                    engine.accumulate(nodes: labelNodes, into: &sums)
                }
            }
            for i in 0..<count {
                var score = [Double](repeating: 0, count: classes)
                for c in 0..<settings.chains {
                    let r = i * settings.chains + c
                    for (k, _) in labelNodes.enumerated() { score[k % classes] += sums[r * labelNodes.count + k] }
                }
                let guess = score.indices.max { score[$0] < score[$1] } ?? 0
                let truth = Int(data.labels[start + i])
                predictions.append(guess)
                if truth < classes { confusion[truth][guess] += 1 }
                if guess == truth { correct += 1 }
            }
            start += count
            progress?(start, data.count)
        }
        return Classification(predictions: predictions, confusion: confusion, correct: correct)
    }
}
