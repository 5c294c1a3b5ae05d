/// Settings of sparse-DBM training by persistent contrastive divergence. The defaults follow
/// Niazi et al. 2024 where they state them (batch 50, learning rate 0.003, momentum 0.6).
public struct TrainingConfiguration: Codable, Equatable, Sendable {
    enum CodingKeys: String, CodingKey {
        case epochs, batchSize, learningRate, finalLearningRate, momentum, weightDecay, positiveSweeps
        case negativeSweeps, persistentChains, statisticsSweeps, beta, initialScale, seed, validationImages, classifier
        case discriminativeWeight, conditionalSweeps, maxShift, centered, temperingLevels, temperingLowestBeta
    }

    public var epochs = 20
    public var batchSize = 50
    public var learningRate = 0.003
    /// When set, the learning rate falls linearly to this value over the epochs.
    public var finalLearningRate: Double?
    public var momentum = 0.6
    /// L2 decay on the couplings, per update, relative to the learning rate.
    public var weightDecay = 0.0
    /// Sweeps of the hidden p-bits with image and label clamped (positive phase).
    public var positiveSweeps = 10
    /// Sweeps of the free-running persistent chains per update (negative phase).
    public var negativeSweeps = 10
    public var persistentChains = 64
    /// Weight α of the conditional (discriminative) term of the gradient. With α > 0 each update
    /// adds `α (⟨mm⟩_data − ⟨mm⟩_cond)`, where the conditional phase clamps only the image and
    /// lets labels and hidden p-bits run: the gradient of `log p(label | image)`, estimated by
    /// the same kind of sampling run that classifies. 0 trains the generative model alone.
    public var discriminativeWeight = 0.0
    /// Sweeps of the conditional phase (from a random start, like classification).
    public var conditionalSweeps = 20
    /// Each training image is shifted by up to this many pixels in each direction (uniformly at
    /// random, per image and update) before it is clamped; 0 trains on the images as they are.
    public var maxShift = 0
    /// Centred updates (Montavon & Müller 2012): the couplings follow the gradient of the
    /// model written in `m_i − μ_i`, with `μ` the data means of the pixels and labels (hidden
    /// offsets 0). The model family is the same; only the direction of the updates changes.
    public var centered = false
    /// Levels of parallel tempering in the negative phase (1: plain persistent chains). With
    /// `L > 1` every persistent chain has `L − 1` partners at β·levels falling linearly to
    /// `temperingLowestBeta`, which exchange states after every sweep; the chains at β are read.
    /// Chains round up to a multiple of 32, and a sweep costs `L` times as much.
    public var temperingLevels = 1
    public var temperingLowestBeta = 0.8
    /// Statistics of each phase are averaged over its last `statisticsSweeps` sweeps, which
    /// lowers the gradient's noise at the cost of one sweep's work per extra sample.
    public var statisticsSweeps = 1
    public var beta = 1.0
    /// Standard deviation of the initial couplings.
    public var initialScale = 0.01
    public var seed: UInt64 = 1
    /// Training images held out to measure accuracy after each epoch.
    public var validationImages = 1000
    public var classifier = ClassifierSettings()

    public init() {}

    /// The settings that trained the best MNIST models on Pegasus P14 here, and `pbit train`'s
    /// defaults (docs/results/mnist.md): the paper's batch and momentum, a learning rate three
    /// times the paper's falling tenfold, weight decay (without it the couplings grow until the
    /// persistent chains stop mixing), and twice the chains running three times longer.
    public static var recommended: TrainingConfiguration {
        var c = TrainingConfiguration()
        c.epochs = 60
        c.learningRate = 0.01
        c.finalLearningRate = 0.001
        c.weightDecay = 0.005
        c.persistentChains = 128
        c.negativeSweeps = 30
        return c
    }

    /// Settings saved by older versions lack newer keys: those take their defaults.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = TrainingConfiguration()
        epochs = try c.decodeIfPresent(Int.self, forKey: .epochs) ?? d.epochs
        batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize) ?? d.batchSize
        learningRate = try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate
        finalLearningRate = try c.decodeIfPresent(Double.self, forKey: .finalLearningRate)
        momentum = try c.decodeIfPresent(Double.self, forKey: .momentum) ?? d.momentum
        weightDecay = try c.decodeIfPresent(Double.self, forKey: .weightDecay) ?? d.weightDecay
        positiveSweeps = try c.decodeIfPresent(Int.self, forKey: .positiveSweeps) ?? d.positiveSweeps
        negativeSweeps = try c.decodeIfPresent(Int.self, forKey: .negativeSweeps) ?? d.negativeSweeps
        persistentChains = try c.decodeIfPresent(Int.self, forKey: .persistentChains) ?? d.persistentChains
        statisticsSweeps = try c.decodeIfPresent(Int.self, forKey: .statisticsSweeps) ?? d.statisticsSweeps
        beta = try c.decodeIfPresent(Double.self, forKey: .beta) ?? d.beta
        initialScale = try c.decodeIfPresent(Double.self, forKey: .initialScale) ?? d.initialScale
        seed = try c.decodeIfPresent(UInt64.self, forKey: .seed) ?? d.seed
        validationImages = try c.decodeIfPresent(Int.self, forKey: .validationImages) ?? d.validationImages
        classifier = try c.decodeIfPresent(ClassifierSettings.self, forKey: .classifier) ?? d.classifier
        discriminativeWeight = try c.decodeIfPresent(Double.self, forKey: .discriminativeWeight) ?? d.discriminativeWeight
        conditionalSweeps = try c.decodeIfPresent(Int.self, forKey: .conditionalSweeps) ?? d.conditionalSweeps
        maxShift = try c.decodeIfPresent(Int.self, forKey: .maxShift) ?? d.maxShift
        centered = try c.decodeIfPresent(Bool.self, forKey: .centered) ?? d.centered
        temperingLevels = try c.decodeIfPresent(Int.self, forKey: .temperingLevels) ?? d.temperingLevels
        temperingLowestBeta = try c.decodeIfPresent(Double.self, forKey: .temperingLowestBeta) ?? d.temperingLowestBeta
    }

    public func validate() throws(LearningError) {
        func check(_ ok: Bool, _ message: String) throws(LearningError) { if !ok { throw .invalid(message) } }
        try check(epochs >= 1, "--epochs must be at least 1 (got \(epochs))")
        try check(batchSize >= 1, "--batch-size must be at least 1 (got \(batchSize))")
        try check(learningRate.isFinite && learningRate > 0, "--learning-rate must be positive and finite")
        try check(finalLearningRate.map { $0.isFinite && $0 >= 0 } ?? true, "--final-learning-rate must be finite and non-negative")
        try check(momentum.isFinite && momentum >= 0 && momentum < 1, "--momentum must be in [0, 1)")
        try check(weightDecay.isFinite && weightDecay >= 0, "--weight-decay must be finite and non-negative")
        try check(positiveSweeps >= 1, "--positive-sweeps must be at least 1")
        try check(negativeSweeps >= 1, "--negative-sweeps must be at least 1")
        try check(persistentChains >= 1, "--chains must be at least 1")
        try check(discriminativeWeight.isFinite && discriminativeWeight >= 0, "--discriminative must be finite and non-negative")
        try check(conditionalSweeps >= 1 && conditionalSweeps <= 1 << 20, "--conditional-sweeps must be between 1 and 2^20")
        let shortest = min(positiveSweeps, negativeSweeps, discriminativeWeight > 0 ? conditionalSweeps : Int.max)
        try check(statisticsSweeps >= 1 && statisticsSweeps <= shortest,
                  "--statistics-sweeps must be between 1 and the sweeps of each phase")
        try check(beta.isFinite && beta > 0, "--beta must be positive and finite")
        try check(maxShift >= 0 && maxShift <= 8, "--shift must be between 0 and 8 pixels (got \(maxShift))")
        try Tempering.validate(levels: temperingLevels, lowestBeta: temperingLowestBeta)
        try check(initialScale.isFinite && initialScale >= 0, "--init-scale must be finite and non-negative")
        try check(validationImages >= 0, "--validation must not be negative")
        try classifier.validate()
    }

    /// Learning rate during epoch `e` (0-based).
    public func learningRate(epoch e: Int) -> Double {
        guard let final = finalLearningRate, epochs > 1 else { return learningRate }
        return learningRate + (final - learningRate) * Double(e) / Double(epochs - 1)
    }
}
