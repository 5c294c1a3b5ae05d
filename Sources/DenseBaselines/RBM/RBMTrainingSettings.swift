import Learning

/// How a `ClassRBM` is trained: minibatch contrastive divergence with momentum.
///
/// The defaults train the 4,096-hidden-unit MNIST model in 5 to 12 minutes on two shared
/// cores, to 95.75% test accuracy, 96.69% with `persistent` (docs/results/rbm-mnist.md).
/// Learning rate 0.05 with momentum 0.5 and batch 100 are the usual values for {0,1} units
/// (Hinton's practical guide); an effective step `lr/(1 − momentum)` of 0.2 or more made the
/// 4,096-unit model diverge on a 10,000-image trial, 0.1 did not. A small L2 decay keeps the
/// weights bounded, and fifteen epochs with the learning rate decaying to 0.005 take the
/// held-out accuracy from 96.6% (epoch 6, where CD-1 levels off) to 96.9%.
public struct RBMTrainingSettings: Codable, Sendable, Equatable {
    public var epochs = 15
    public var batchSize = 100
    public var learningRate = 0.05
    /// Decay the learning rate linearly over the epochs to this value (nil: constant).
    public var finalLearningRate: Double? = 0.005
    public var momentum = 0.5
    /// L2 penalty on the weights (not the biases).
    public var weightDecay = 0.0001
    /// Gibbs steps per update (the k of CD-k).
    public var cdSteps = 1
    /// Persistent CD: the negative chains carry over between updates instead of restarting
    /// at the data.
    public var persistent = false
    /// Standard deviation of the initial Gaussian weights.
    public var initialScale = 0.01
    public var seed: UInt64 = 1

    public init() {}

    /// The learning rate of epoch `e` (1-based): linear from `learningRate` to
    /// `finalLearningRate` over the epochs.
    public func learningRate(epoch e: Int) -> Double {
        guard let final = finalLearningRate, epochs > 1 else { return learningRate }
        let t = Double(min(max(e, 1), epochs) - 1) / Double(epochs - 1)
        return learningRate + (final - learningRate) * t
    }

    public func validate() throws(LearningError) {
        func check(_ ok: Bool, _ message: String) throws(LearningError) { if !ok { throw .invalid(message) } }
        try check(epochs >= 1 && epochs <= 1_000_000, "--epochs must be between 1 and 1000000 (got \(epochs))")
        try check(batchSize >= 1 && batchSize <= 1 << 16, "--batch-size must be between 1 and 65536 (got \(batchSize))")
        try check(learningRate.isFinite && learningRate > 0, "--learning-rate must be positive and finite (got \(learningRate))")
        try check(finalLearningRate.map { $0.isFinite && $0 >= 0 } ?? true, "--final-learning-rate must be finite and non-negative")
        try check(momentum.isFinite && momentum >= 0 && momentum < 1, "--momentum must be in [0, 1) (got \(momentum))")
        try check(weightDecay.isFinite && weightDecay >= 0, "--weight-decay must be finite and non-negative (got \(weightDecay))")
        try check(cdSteps >= 1 && cdSteps <= 10_000, "--cd-steps must be between 1 and 10000 (got \(cdSteps))")
        try check(initialScale.isFinite && initialScale >= 0, "--init-scale must be finite and non-negative")
    }
}

/// What one epoch of training did.
public struct RBMEpochRecord: Codable, Sendable, Equatable {
    public var epoch: Int
    public var learningRate: Double
    /// Mean squared difference between the batch's pixels and the negative samples: with CD
    /// their k-step reconstruction, a rough health signal that falls as the model learns;
    /// with persistent CD the chains, which stay near the data's spread (about 0.2 on MNIST).
    public var reconstructionError: Double
    /// Accuracy on the held-out training images, when there are any.
    public var validationAccuracy: Double?
    public var seconds: Double

    public init(epoch: Int, learningRate: Double, reconstructionError: Double, validationAccuracy: Double?, seconds: Double) {
        self.epoch = epoch
        self.learningRate = learningRate
        self.reconstructionError = reconstructionError
        self.validationAccuracy = validationAccuracy
        self.seconds = seconds
    }
}
