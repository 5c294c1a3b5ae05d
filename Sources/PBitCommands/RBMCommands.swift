import ArgumentParser
import DenseBaselines
import Foundation
import Learning

/// `pbit rbm`: the dense restricted Boltzmann machine baseline.
struct RBMCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rbm",
        abstract: "Dense classification RBM baseline (OpenBLAS), for comparison with the sparse DBM.",
        subcommands: [RBMTrainCommand.self, RBMEvaluateCommand.self])
}

struct RBMTrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a dense classification RBM (pixels + one-hot label, H hidden units) by CD-k or persistent CD.",
        discussion: """
            The model is saved into --output after every epoch (rbm.json and weights.bin, see
            docs/model-format.md). --resume continues from the saved epoch with the saved
            settings (momentum restarts at zero).

            Examples:
              pbit rbm train --dataset mnist --hidden 4096 --epochs 10 --output runs/rbm
              pbit rbm train --hidden 500 --limit 10000 --epochs 5 --persistent --output runs/rbm-small
            """)

    @OptionGroup var data: DataOptions
    @Option(help: "Hidden units.") var hidden = 4096
    @Option(help: "Training epochs (in all, when resuming).") var epochs = RBMTrainingSettings().epochs
    @Option(name: .customLong("batch-size")) var batchSize = RBMTrainingSettings().batchSize
    @Option(name: .customLong("learning-rate")) var learningRate = RBMTrainingSettings().learningRate
    @Option(name: .customLong("final-learning-rate"), help: "Decay the learning rate linearly to this value (default 0.005).")
    var finalLearningRate: Double?
    @Flag(name: .customLong("constant-learning-rate"), help: "No decay.") var constantLearningRate = false
    @Option var momentum = RBMTrainingSettings().momentum
    @Option(name: .customLong("weight-decay")) var weightDecay = RBMTrainingSettings().weightDecay
    @Option(name: .customLong("cd-steps"), help: "Gibbs steps per update (k of CD-k).") var cdSteps = RBMTrainingSettings().cdSteps
    @Flag(help: "Persistent contrastive divergence.") var persistent = false
    @Option(name: .customLong("init-scale")) var initialScale = RBMTrainingSettings().initialScale
    @Option var seed: UInt64 = 1
    @Option(help: "Held-out training images (from the end) for the per-epoch accuracy.") var validation = 1000
    @Option(help: "Train on the first N training images only.") var limit: Int?
    @Option(help: "Pixels above this value (0-255) are 1.") var threshold = 0
    @Option(help: "Model directory.") var output: String
    @Flag(help: "Continue from the model in --output.") var resume = false
    @Option(help: "OpenBLAS threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress line.") var quiet = false
    @Flag(help: "Print each epoch's record as a JSON line.") var json = false

    func settings() throws -> RBMTrainingSettings {
        var s = RBMTrainingSettings()
        s.epochs = epochs
        s.batchSize = batchSize
        s.learningRate = learningRate
        s.finalLearningRate = constantLearningRate ? nil : (finalLearningRate ?? s.finalLearningRate)
        s.momentum = momentum
        s.weightDecay = weightDecay
        s.cdSteps = cdSteps
        s.persistent = persistent
        s.initialScale = initialScale
        s.seed = seed
        try s.validate()
        return s
    }

    func run() throws {
        guard threads >= 1 else { throw CLIError("--threads must be at least 1 (got \(threads))") }
        guard (0...255).contains(threshold) else { throw CLIError("--threshold must be between 0 and 255 (got \(threshold))") }
        guard validation >= 0 else { throw CLIError("--validation must be non-negative (got \(validation))") }
        if let limit, limit < 1 { throw CLIError("--limit must be at least 1 (got \(limit))") }
        var config = try settings()
        // Checked here too so that bad sizes fail before the data set is read.
        _ = try ClassRBM(pixels: 1, classes: 2, hidden: hidden)
        BLAS.setThreads(threads)

        let all = try data.load(.train)
        guard validation < all.count else { throw CLIError("--validation must be smaller than the \(all.count) training images") }
        let trainCount = min(limit ?? all.count, all.count - validation)
        let train = all.subset(Array(0..<trainCount))
        let held = all.subset(Array((all.count - validation)..<all.count))

        let model: ClassRBM
        var log: [RBMEpochRecord] = []
        var done = 0
        if resume {
            let saved = try RBMDirectory.load(output)
            model = saved.model
            log = saved.description.log
            done = saved.description.epochsCompleted
            if let s = saved.description.training { config = s }
            config.epochs = epochs
            try config.validate()
        } else {
            if FileManager.default.fileExists(atPath: output + "/" + RBMDirectory.descriptionFile) {
                throw CLIError("\(output) already holds a model; pass --resume to continue it or choose another --output")
            }
            model = try RBMTrainer.initialModel(hidden: hidden, data: train, binarizer: Binarizer(threshold: UInt8(threshold)),
                                                settings: config)
        }
        let trainer = try RBMTrainer(model: model, settings: config, train: train, validation: held, epoch: done)
        let progress = Progress(enabled: !quiet)
        if !quiet && !json {
            FileHandle.standardError.write(Data("training a dense RBM: \(model.parameterCount) parameters (\(model.visible) visible × \(model.hidden) hidden), \(train.count) images, \(config.persistent ? "PCD" : "CD")-\(config.cdSteps), epochs \(done + 1)...\(config.epochs)\n".utf8))
        }
        // Signals wait while a save renames its two files, so an interrupted run leaves a
        // matching pair.
        func save() throws {
            try Checkpoint.withSignalsHeld {
                try RBMDirectory.save(trainer.model, to: output, epochs: trainer.epoch, training: config, log: log)
            }
        }
        if !resume { try save() }
        while trainer.epoch < config.epochs {
            let started = Date()
            let e = trainer.epoch + 1
            let record = trainer.runEpoch { done, total in
                progress.update("epoch \(e)/\(config.epochs)", done: done, total: total, started: started, unit: "batches")
            }
            progress.finish()
            log.append(record)
            try save()
            if json {
                FileHandle.standardOutput.write(Data((JSONOutput.line(record) + "\n").utf8))
            } else if !quiet {
                let acc = record.validationAccuracy.map { fmt(100 * $0, 2) + "%" } ?? "-"
                FileHandle.standardOutput.write(Data("epoch \(record.epoch): validation accuracy \(acc), reconstruction error \(fmt(record.reconstructionError, 4)), learning rate \(fmt(record.learningRate, 4)), \(fmt(record.seconds, 1)) s\n".utf8))
            }
        }
    }
}

struct RBMEvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Classify images with a trained RBM by the exact free energy of each label.",
        discussion: """
            Examples:
              pbit rbm evaluate --model runs/rbm --dataset mnist --json
              pbit rbm evaluate --model runs/rbm --split train --limit 1000
            """)

    @Option(help: "Model directory.") var model: String
    @OptionGroup var data: DataOptions
    @Option(help: "test or train.") var split: Split = .test
    @Option(help: "Classify the first N images only.") var limit: Int?
    @Option(help: "OpenBLAS threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress line.") var quiet = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        guard threads >= 1 else { throw CLIError("--threads must be at least 1 (got \(threads))") }
        BLAS.setThreads(threads)
        let rbm = try RBMDirectory.load(model).model
        let images = try data.load(split, limit: limit)
        let progress = Progress(enabled: !quiet && !json)
        let started = Date()
        let result = try FreeEnergyClassifier(model: rbm).classify(images) { done, total in
            progress.update("classifying", done: done, total: total, started: started, unit: "images")
        }
        progress.finish()
        let report = RBMEvaluationReport(
            model: model, dataset: data.dataset.rawValue, split: split.rawValue, images: result.images,
            correct: result.correct, accuracy: result.accuracy, confusion: result.confusion,
            seconds: Date().timeIntervalSince(started), parameters: rbm.parameterCount, hidden: rbm.hidden)
        if json { JSONOutput.print(report) } else { print(report.text) }
    }
}

struct RBMEvaluationReport: Encodable {
    var model: String
    var dataset: String
    var split: String
    var images: Int
    var correct: Int
    var accuracy: Double
    /// `confusion[true][predicted]`.
    var confusion: [[Int]]
    var seconds: Double
    var parameters: Int
    var hidden: Int
    var classifier = "free energy (exact)"

    var text: String {
        (["\(dataset) \(split): \(correct)/\(images) correct, accuracy \(fmt(100 * accuracy, 2))% (\(fmt(seconds, 1)) s, \(parameters) parameters, \(hidden) hidden units)"]
            + EvaluationReport.confusionLines(confusion)).joined(separator: "\n")
    }
}
