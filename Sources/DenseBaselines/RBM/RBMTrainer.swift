import Foundation
import Learning
import RandomStreams

/// Generative training of a `ClassRBM` by CD-k or persistent CD, SGD with momentum:
///
///     velocity ← momentum·velocity + lr·(∂ − decay·W),   W ← W + velocity
///
/// (no decay on biases). Each epoch visits the training images once in a fresh seeded order,
/// in whole batches (a remainder smaller than a batch waits for a later epoch's order).
public final class RBMTrainer {
    public private(set) var model: ClassRBM
    public let settings: RBMTrainingSettings
    /// Epochs completed.
    public private(set) var epoch: Int
    let train: LabeledImages
    let validation: LabeledImages?
    var velocity: RBMGradient
    var gradient: RBMGradient
    // Minibatch buffers: data, negative states, hidden probabilities and samples, scratch.
    var positive: [Float], negative: [Float], scratch: [Float]
    var positiveHidden: [Float], negativeHidden: [Float], hiddenSample: [Float]
    /// Whether `negative` holds persistent chains yet (they start at the first batch's data).
    var chainsStarted = false

    /// Continues `model` from `epoch` completed epochs. Velocities start at zero.
    public init(model: ClassRBM, settings: RBMTrainingSettings, train: LabeledImages,
                validation: LabeledImages? = nil, epoch: Int = 0) throws(LearningError) {
        try settings.validate()
        guard train.pixelsPerImage == model.pixels else {
            throw .invalid("the model has \(model.pixels) pixel units but the images have \(train.pixelsPerImage) pixels")
        }
        guard train.count >= settings.batchSize else {
            throw .invalid("\(train.count) training images are fewer than one batch of \(settings.batchSize)")
        }
        guard train.labels.allSatisfy({ Int($0) < model.classes }) else {
            throw .invalid("the training labels go beyond the model's \(model.classes) classes")
        }
        self.model = model
        self.settings = settings
        self.epoch = epoch
        self.train = train
        self.validation = validation?.count == 0 ? nil : validation
        let b = settings.batchSize, v = model.visible, h = model.hidden
        velocity = RBMGradient(visible: v, hidden: h)
        gradient = RBMGradient(visible: v, hidden: h)
        positive = [Float](repeating: 0, count: b * v)
        negative = positive
        scratch = positive
        positiveHidden = [Float](repeating: 0, count: b * h)
        negativeHidden = positiveHidden
        hiddenSample = positiveHidden
    }

    /// A fresh model: Gaussian weights of standard deviation `initialScale`, hidden biases 0,
    /// each visible bias the log-odds of its unit being on in `data` (so the untrained model
    /// already has the data's marginals; Hinton's practical guide, section 8).
    public static func initialModel(hidden: Int, data: LabeledImages, classes: Int = Dataset.classCount,
                                    binarizer: Binarizer = Binarizer(),
                                    settings: RBMTrainingSettings) throws(LearningError) -> ClassRBM {
        var m = try ClassRBM(pixels: data.pixelsPerImage, classes: classes, hidden: hidden, binarizer: binarizer)
        var rng = Xoshiro256StarStar(seed: SplitMix64.streamSeed(settings.seed, stream: 0, salt: 0x5242))
        let scale = Float(settings.initialScale)
        for k in m.weights.indices {
            // Box–Muller.
            let r = (-2 * log(rng.nextOpenUnit())).squareRoot(), a = 2 * Double.pi * rng.nextOpenUnit()
            m.weights[k] = scale * Float(r * cos(a))
        }
        var on = [Double](repeating: 0, count: m.visible)
        for i in 0..<data.count {
            for (q, p) in data.image(i).enumerated() where p > binarizer.threshold { on[q] += 1 }
            on[m.pixels + Int(data.labels[i])] += 1
        }
        for i in 0..<m.visible {
            // Clamp the frequency away from 0 and 1 so that never-inked corners get a finite bias.
            let f = min(max(on[i] / Double(max(data.count, 1)), 1e-3), 1 - 1e-3)
            m.visibleBiases[i] = Float(log(f / (1 - f)))
        }
        return m
    }

    /// Batches per epoch.
    public var batchesPerEpoch: Int { train.count / settings.batchSize }

    /// Trains one epoch; `progress(done, total)` after each batch.
    public func runEpoch(progress: (Int, Int) -> Void = { _, _ in }) -> RBMEpochRecord {
        let started = Date()
        let e = epoch + 1
        var rng = Xoshiro256StarStar(seed: SplitMix64.streamSeed(settings.seed, stream: UInt64(e), salt: 0x5242))
        var order = Array(0..<train.count)
        order.stableShuffle(using: &rng)
        let lr = Float(settings.learningRate(epoch: e))
        let b = settings.batchSize, total = batchesPerEpoch
        var squaredError = 0.0
        for t in 0..<total {
            loadBatch(order[(t * b)..<((t + 1) * b)])
            squaredError += step(rng: &rng)
            update(learningRate: lr)
            progress(t + 1, total)
        }
        epoch = e
        let accuracy = validation.flatMap { try? FreeEnergyClassifier(model: model).classify($0).accuracy }
        return RBMEpochRecord(epoch: e, learningRate: Double(lr),
                              reconstructionError: squaredError / Double(total * b * model.pixels),
                              validationAccuracy: accuracy, seconds: Date().timeIntervalSince(started))
    }

    /// Binarised pixels and one-hot labels of the images at `indices` into `positive`.
    func loadBatch(_ indices: ArraySlice<Int>) {
        let v = model.visible, p = model.pixels
        positive.withUnsafeMutableBufferPointer { x in
            for (r, i) in indices.enumerated() {
                model.binarizer.bits(train.image(i), into: UnsafeMutableBufferPointer(rebasing: x[(r * v)..<(r * v + p)]))
                for y in 0..<model.classes { x[r * v + p + y] = y == Int(train.labels[i]) ? 1 : 0 }
            }
        }
    }

    /// The positive and negative phases on the batch in `positive`, then the gradient.
    /// Returns the squared pixel difference between the data and its first reconstruction
    /// (CD), or between the data and the chains (persistent CD).
    func step(rng: inout Xoshiro256StarStar) -> Double {
        let b = settings.batchSize, v = model.visible, h = model.hidden, count = b * h
        let m = model
        if !settings.persistent || !chainsStarted { negative = positive; chainsStarted = true }
        positive.withUnsafeBufferPointer { x0 in
            positiveHidden.withUnsafeMutableBufferPointer { p0 in m.hiddenProbabilities(x0, batch: b, into: p0) }
        }
        negative.withUnsafeMutableBufferPointer { xk in
            negativeHidden.withUnsafeMutableBufferPointer { pk in
                hiddenSample.withUnsafeMutableBufferPointer { hs in
                    scratch.withUnsafeMutableBufferPointer { pre in
                        // CD starts from the data's hidden probabilities computed above; persistent
                        // chains from their own.
                        if settings.persistent {
                            m.hiddenProbabilities(UnsafeBufferPointer(xk), batch: b, into: pk)
                        } else {
                            positiveHidden.withUnsafeBufferPointer { p0 in
                                _ = pk.initialize(from: p0)
                            }
                        }
                        for _ in 0..<settings.cdSteps {
                            ClassRBM.sample(UnsafeBufferPointer(pk), into: hs, count: count, rng: &rng)
                            m.sampleVisible(UnsafeBufferPointer(hs), batch: b, into: xk, scratch: pre, rng: &rng)
                            m.hiddenProbabilities(UnsafeBufferPointer(xk), batch: b, into: pk)
                        }
                    }
                }
            }
        }
        var squared = 0.0
        positive.withUnsafeBufferPointer { x0 in
            negative.withUnsafeBufferPointer { xk in
                for r in 0..<b {
                    for i in 0..<model.pixels {
                        let d = x0[r * v + i] - xk[r * v + i]
                        squared += Double(d * d)
                    }
                }
                positiveHidden.withUnsafeBufferPointer { p0 in
                    negativeHidden.withUnsafeBufferPointer { pk in
                        gradient.compute(positive: x0, positiveHidden: p0, negative: xk, negativeHidden: pk,
                                         batch: b, visible: v, hidden: h)
                    }
                }
            }
        }
        return squared
    }

    /// The momentum step with the gradient in `gradient`.
    func update(learningRate lr: Float) {
        let mu = Float(settings.momentum), decay = Float(settings.weightDecay)
        func apply(_ params: UnsafeMutableBufferPointer<Float>, _ vel: UnsafeMutableBufferPointer<Float>,
                   _ grad: UnsafeBufferPointer<Float>, decay: Float) {
            for k in 0..<params.count {
                vel[k] = mu * vel[k] + lr * (grad[k] - decay * params[k])
                params[k] += vel[k]
            }
        }
        model.weights.withUnsafeMutableBufferPointer { w in
            velocity.weights.withUnsafeMutableBufferPointer { vel in
                gradient.weights.withUnsafeBufferPointer { g in apply(w, vel, g, decay: decay) }
            }
        }
        model.hiddenBiases.withUnsafeMutableBufferPointer { c in
            velocity.hidden.withUnsafeMutableBufferPointer { vel in
                gradient.hidden.withUnsafeBufferPointer { g in apply(c, vel, g, decay: 0) }
            }
        }
        model.visibleBiases.withUnsafeMutableBufferPointer { bv in
            velocity.visible.withUnsafeMutableBufferPointer { vel in
                gradient.visible.withUnsafeBufferPointer { g in apply(bv, vel, g, decay: 0) }
            }
        }
    }
}
