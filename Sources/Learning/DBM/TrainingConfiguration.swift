/// Settings of sparse-DBM training by persistent contrastive divergence. The defaults follow
/// Niazi et al. 2024 where they state them (batch 50, learning rate 0.003, momentum 0.6).
public struct TrainingConfiguration: Codable, Equatable, Sendable {
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
    public var beta = 1.0
    /// Standard deviation of the initial couplings.
    public var initialScale = 0.01
    public var seed: UInt64 = 1
    /// Training images held out to measure accuracy after each epoch.
    public var validationImages = 1000
    public var classifier = ClassifierSettings()

    public init() {}

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
        try check(beta.isFinite && beta > 0, "--beta must be positive and finite")
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
