import DenseBaselines
import Foundation
import Learning
import RandomStreams
import Testing

/// A tiny RBM with weights large enough that the classes differ clearly.
func tinyRBM(pixels: Int = 6, classes: Int = 3, hidden: Int = 4, seed: UInt64 = 7) throws -> ClassRBM {
    var m = try ClassRBM(pixels: pixels, classes: classes, hidden: hidden)
    var rng = Xoshiro256StarStar(seed: seed)
    func draw() -> Float { Float(2 * rng.nextOpenUnit() - 1) }
    for k in m.weights.indices { m.weights[k] = 1.5 * draw() }
    for k in m.hiddenBiases.indices { m.hiddenBiases[k] = draw() }
    for k in m.visibleBiases.indices { m.visibleBiases[k] = draw() }
    return m
}

/// Four classes of 6×6 images: a fixed random prototype each, every pixel flipped with
/// probability 0.1.
func noisyPrototypes(count: Int, seed: UInt64) -> LabeledImages {
    var proto = Xoshiro256StarStar(seed: 99)
    let prototypes = (0..<4).map { _ in (0..<36).map { _ in proto.next() >> 63 == 1 } }
    var rng = Xoshiro256StarStar(seed: seed)
    var pixels: [UInt8] = [], labels: [UInt8] = []
    for i in 0..<count {
        let k = i % 4
        labels.append(UInt8(k))
        for on in prototypes[k] { pixels.append((on != (rng.nextOpenUnit() < 0.1)) ? 255 : 0) }
    }
    return LabeledImages(rows: 6, columns: 6, pixels: pixels, labels: labels)
}

@Suite struct ClassRBMTests {
    /// F(v, y) gives exactly p(y | v) ∝ Σ_h exp(−E(v, y, h)) and its argmax, for every one of
    /// the 64 images of a 6-pixel, 3-class, 4-hidden RBM (all 16 hidden states enumerated).
    @Test func freeEnergyClassifierMatchesBruteForce() throws {
        let m = try tinyRBM()
        let p = m.pixels, k = m.classes, h = m.hidden
        var bits: [Float] = []
        for code in 0..<(1 << p) { for q in 0..<p { bits.append(Float((code >> q) & 1)) } }
        let f = FreeEnergyClassifier(model: m).freeEnergies(bits: bits, count: 1 << p)
        for code in 0..<(1 << p) {
            let v = Array(bits[(code * p)..<((code + 1) * p)]).map(Double.init)
            var weight = [Double](repeating: 0, count: k)
            for y in 0..<k {
                for hs in 0..<(1 << h) {
                    // −E(v, y, h) = b·v + d_y + c·h + vᵀWh + U_yᵀh
                    var negE = Double(m.visibleBiases[p + y])
                    for q in 0..<p { negE += Double(m.visibleBiases[q]) * v[q] }
                    for j in 0..<h where (hs >> j) & 1 == 1 {
                        negE += Double(m.hiddenBiases[j]) + Double(m.weights[(p + y) * h + j])
                        for q in 0..<p { negE += v[q] * Double(m.weights[q * h + j]) }
                    }
                    weight[y] += exp(negE)
                }
            }
            let exact = weight.map { $0 / weight.reduce(0, +) }
            let energies = (0..<k).map { Double(f[code * k + $0]) }
            let low = energies.min()!
            let fromF = energies.map { exp(low - $0) }
            let model = fromF.map { $0 / fromF.reduce(0, +) }
            for y in 0..<k { #expect(abs(model[y] - exact[y]) < 1e-5, "v=\(code) y=\(y): \(model[y]) vs \(exact[y])") }
            // F itself is −log Σ_h exp(−E), not only up to a constant.
            for y in 0..<k { #expect(abs(energies[y] + log(weight[y])) < 1e-4 * max(1, abs(energies[y]))) }
            #expect(energies.firstIndex(of: low)! == exact.firstIndex(of: exact.max()!)!)
        }
    }

    /// Batches of the classifier's matrix product do not change the answer.
    @Test func freeEnergyIsIndependentOfBatchSize() throws {
        let m = try tinyRBM(pixels: 36, classes: 4, hidden: 9)
        let data = noisyPrototypes(count: 37, seed: 3)
        var one = FreeEnergyClassifier(model: m)
        let bits = try one.bits(data)
        let all = one.freeEnergies(bits: bits, count: 37)
        one.batchSize = 5
        let batched = one.freeEnergies(bits: bits, count: 37)
        #expect(zip(all, batched).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($0)) })
    }

    /// The sgemm-based CD gradient equals the textbook sums on a batch of 5.
    @Test func contrastiveGradientMatchesNaiveLoops() throws {
        let m = try tinyRBM(pixels: 7, classes: 3, hidden: 5, seed: 11)
        let batch = 5, v = m.visible, h = m.hidden
        var rng = Xoshiro256StarStar(seed: 5)
        let x0 = (0..<(batch * v)).map { _ in Float(rng.next() >> 63) }
        let xk = (0..<(batch * v)).map { _ in Float(rng.next() >> 63) }
        let g = m.contrastiveGradient(positive: x0, negative: xk, batch: batch)
        func probabilities(_ x: [Float]) -> [Double] {
            var out = [Double](repeating: 0, count: batch * h)
            for r in 0..<batch {
                for j in 0..<h {
                    var z = Double(m.hiddenBiases[j])
                    for i in 0..<v { z += Double(x[r * v + i]) * Double(m.weights[i * h + j]) }
                    out[r * h + j] = 1 / (1 + exp(-z))
                }
            }
            return out
        }
        let p0 = probabilities(x0), pk = probabilities(xk)
        for i in 0..<v {
            for j in 0..<h {
                var s = 0.0
                for r in 0..<batch { s += Double(x0[r * v + i]) * p0[r * h + j] - Double(xk[r * v + i]) * pk[r * h + j] }
                #expect(abs(Double(g.weights[i * h + j]) - s / Double(batch)) < 1e-5)
            }
        }
        for j in 0..<h {
            let s = (0..<batch).reduce(0.0) { $0 + p0[$1 * h + j] - pk[$1 * h + j] }
            #expect(abs(Double(g.hidden[j]) - s / Double(batch)) < 1e-5)
        }
        for i in 0..<v {
            let s = (0..<batch).reduce(0.0) { $0 + Double(x0[$1 * v + i] - xk[$1 * v + i]) }
            #expect(abs(Double(g.visible[i]) - s / Double(batch)) < 1e-6)
        }
    }

    /// A few epochs of CD-1 and of persistent CD learn four noisy prototypes: held-out
    /// accuracy far above the 25% of chance (a nearest-prototype rule gets about 100%).
    @Test(arguments: [false, true])
    func shortTrainingBeatsChance(persistent: Bool) throws {
        let train = noisyPrototypes(count: 400, seed: 1), held = noisyPrototypes(count: 200, seed: 2)
        var s = RBMTrainingSettings()
        s.epochs = 10
        s.batchSize = 20
        s.persistent = persistent
        BLAS.setThreads(1)
        let m = try RBMTrainer.initialModel(hidden: 16, data: train, classes: 4, settings: s)
        let trainer = try RBMTrainer(model: m, settings: s, train: train, validation: held)
        var last: RBMEpochRecord?
        while trainer.epoch < s.epochs { last = trainer.runEpoch() }
        let accuracy = try #require(last?.validationAccuracy)
        #expect(accuracy > 0.8, "held-out accuracy \(accuracy)")
        #expect(try FreeEnergyClassifier(model: trainer.model).classify(held).accuracy == accuracy)
    }

    @Test func sameSeedSameModel() throws {
        let train = noisyPrototypes(count: 100, seed: 1)
        var s = RBMTrainingSettings()
        s.epochs = 2
        s.batchSize = 10
        BLAS.setThreads(1)
        func run() throws -> ClassRBM {
            let t = try RBMTrainer(model: try RBMTrainer.initialModel(hidden: 8, data: train, classes: 4, settings: s),
                                   settings: s, train: train)
            while t.epoch < s.epochs { _ = t.runEpoch() }
            return t.model
        }
        #expect(try run() == run())
    }

    @Test func parameterCountOfThePublishedSize() throws {
        let m = try ClassRBM(pixels: 784, classes: 10, hidden: 4096)
        #expect(m.parameterCount == 784 * 4096 + 10 * 4096 + 4096 + 794)
        #expect(m.parameterCount == 3_257_114)
    }

    @Test func learningRateDecaysLinearly() {
        var s = RBMTrainingSettings()
        s.epochs = 5
        s.learningRate = 0.05
        s.finalLearningRate = 0.01
        #expect((1...5).map { s.learningRate(epoch: $0) }.map { ($0 * 1e6).rounded() / 1e6 } == [0.05, 0.04, 0.03, 0.02, 0.01])
        s.finalLearningRate = nil
        #expect(s.learningRate(epoch: 5) == 0.05)
    }

    @Test(arguments: ["--epochs", "--batch-size", "--learning-rate", "--momentum", "--cd-steps", "--weight-decay"])
    func badSettingsAreNamed(flag: String) {
        var s = RBMTrainingSettings()
        switch flag {
        case "--epochs": s.epochs = 0
        case "--batch-size": s.batchSize = 0
        case "--learning-rate": s.learningRate = .nan
        case "--momentum": s.momentum = 1
        case "--cd-steps": s.cdSteps = 0
        default: s.weightDecay = -1
        }
        do {
            try s.validate()
            Issue.record("\(flag) should be refused")
        } catch {
            #expect(error.description.contains(flag), "\(error)")
        }
    }
}
