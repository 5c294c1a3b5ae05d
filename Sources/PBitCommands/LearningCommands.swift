import ArgumentParser
import Foundation
import Learning
import Topologies

extension DatasetName: ExpressibleByArgument {}
extension Split: ExpressibleByArgument {}
extension PlacementStrategy: ExpressibleByArgument {}
extension ClassifierSettings.Readout: ExpressibleByArgument {}

/// Where the images come from.
struct DataOptions: ParsableArguments {
    @Option(help: "Data set: mnist or fashion-mnist.")
    var dataset: DatasetName = .mnist

    @Option(name: .customLong("data"), help: "Directory with the four IDX files (default: $PBIT_DATA_DIR, the cache, or well-known places).")
    var directory: String?

    func load(_ split: Split, limit: Int? = nil) throws -> LabeledImages {
        let all = try Dataset.load(dataset, split: split, directory: directory)
        guard let limit else { return all }
        guard limit >= 1 else { throw CLIError("--limit must be at least 1 (got \(limit))") }
        return all.prefix(min(limit, all.count))
    }
}

/// How images are classified.
struct ClassifierOptions: ParsableArguments {
    @Option(name: .customLong("chains-per-image"), help: "Independent chains per test image.")
    var chains = ClassifierSettings().chains

    @Option(name: .customLong("eval-sweeps"), help: "Sweeps per chain when classifying.")
    var sweeps = ClassifierSettings().sweeps

    @Option(name: .customLong("read-sweeps"), help: "The last sweeps whose label p-bits are read.")
    var readSweeps = ClassifierSettings().readSweeps

    @Option(name: .customLong("anneal-from"), help: "Start β of the anneal before reading.")
    var annealFrom = ClassifierSettings().annealFrom ?? 0.2

    @Flag(name: .customLong("no-anneal"), help: "Sample at the model's β from the start.")
    var noAnneal = false

    @Option(help: "Label read-out: conditional (probability of each class's label pattern given the other p-bits), expectation (tanh of each label's local field) or sample.")
    var readout: ClassifierSettings.Readout = ClassifierSettings().readout

    var settings: ClassifierSettings {
        var s = ClassifierSettings()
        s.chains = chains
        s.sweeps = sweeps
        s.readSweeps = readSweeps
        s.annealFrom = noAnneal ? nil : annealFrom
        s.readout = readout
        return s
    }
}

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a sparse deep Boltzmann machine on MNIST or Fashion-MNIST with the p-bit emulator.",
        discussion: """
            The model is checkpointed into --output after every epoch (model files plus
            trainer-state.json) and a line per epoch goes to training-log.jsonl there.
            --resume continues from the last checkpoint.

            Examples:
              pbit train --dataset mnist --topology pegasus:14 --epochs 20 --output runs/p14
              pbit train --output runs/p14 --resume --epochs 40
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var classifier: ClassifierOptions

    @Option(help: "Hardware graph: pegasus:M, zephyr:M[:T], chimera:M[:N[:T]].")
    var topology = "pegasus:14"

    @Option(help: "Training epochs (in all, when resuming).")
    var epochs = TrainingConfiguration.recommended.epochs

    @Option(help: "Model and checkpoint directory.")
    var output: String

    @Flag(help: "Continue from the checkpoint in --output.")
    var resume = false

    @Option(name: .customLong("init-from"), help: "Start from the weights of this model directory (fine-tuning; its layout and topology are kept).")
    var initFrom: String?

    @Option(name: .customLong("batch-size"), help: "Images per update.") var batchSize = TrainingConfiguration.recommended.batchSize
    @Option(name: .customLong("learning-rate"), help: "Learning rate ε (the first, with --final-learning-rate).") var learningRate = TrainingConfiguration.recommended.learningRate
    @Option(name: .customLong("final-learning-rate"), help: "Decay the learning rate linearly to this value (default: a tenth of --learning-rate).")
    var finalLearningRate: Double?
    @Option(help: "Momentum of the updates.") var momentum = TrainingConfiguration.recommended.momentum
    @Option(name: .customLong("weight-decay"), help: "Weight decay λ: each update subtracts ε·λ·J.") var weightDecay = TrainingConfiguration.recommended.weightDecay
    @Option(name: .customLong("positive-sweeps"), help: "Sweeps with image and label clamped.")
    var positiveSweeps = TrainingConfiguration.recommended.positiveSweeps
    @Option(name: .customLong("negative-sweeps"), help: "Sweeps of the persistent chains per update.")
    var negativeSweeps = TrainingConfiguration.recommended.negativeSweeps
    @Option(name: .customLong("chains"), help: "Persistent chains of the negative phase.")
    var chains = TrainingConfiguration.recommended.persistentChains
    @Option(help: "Weight of the conditional term (log p(label | image)) in the gradient; 0 for none.")
    var discriminative = TrainingConfiguration.recommended.discriminativeWeight
    @Option(name: .customLong("conditional-sweeps"), help: "Sweeps of the conditional phase (image clamped, labels free).")
    var conditionalSweeps = TrainingConfiguration.recommended.conditionalSweeps
    @Option(name: .customLong("statistics-sweeps"), help: "Average each phase's statistics over its last K sweeps.")
    var statisticsSweeps = TrainingConfiguration.recommended.statisticsSweeps
    @Option(help: "Shift each training image by up to this many pixels at random (augmentation; 0 for none).")
    var shift = TrainingConfiguration.recommended.maxShift
    @Flag(help: "Centred updates: couplings follow the gradient of the model written in m − μ (μ: data means of pixels and labels).")
    var centered = TrainingConfiguration.recommended.centered
    @Option(name: .customLong("tempering-levels"), help: "Parallel tempering in the negative phase: temperature levels per chain (1 for none; each level costs a sweep).")
    var temperingLevels = TrainingConfiguration.recommended.temperingLevels
    @Option(name: .customLong("tempering-lowest-beta"), help: "The hottest tempering level runs at this multiple of β (levels linear from 1).")
    var temperingLowestBeta = TrainingConfiguration.recommended.temperingLowestBeta
    @Option(help: "Inverse temperature β of the model.") var beta = TrainingConfiguration.recommended.beta
    @Option(name: .customLong("init-scale"), help: "Standard deviation of the random initial couplings.") var initialScale = TrainingConfiguration.recommended.initialScale
    @Option(help: "Random seed: placement, initial couplings, batches, chains.") var seed: UInt64 = 1
    @Option(help: "Held-out training images for the per-epoch accuracy.")
    var validation = TrainingConfiguration.recommended.validationImages
    @Option(help: "Train on the first N training images only.")
    var limit: Int?
    @Option(help: "Placement of data and label p-bits: random, strided or layered (labels see only hidden p-bits).")
    var placement: PlacementStrategy = .random
    @Option(help: "Copies of each label p-bit.")
    var copies = 5
    @Option(help: "Pixels above this value (0-255) are +1.")
    var threshold = 0
    @Option(help: "Worker threads.")
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress line.")
    var quiet = false
    @Flag(help: "Print each epoch's record as a JSON line.")
    var json = false

    func configuration() throws -> TrainingConfiguration {
        var c = TrainingConfiguration()
        c.epochs = epochs
        c.batchSize = batchSize
        c.learningRate = learningRate
        c.finalLearningRate = finalLearningRate ?? learningRate / 10
        c.momentum = momentum
        c.weightDecay = weightDecay
        c.positiveSweeps = positiveSweeps
        c.negativeSweeps = negativeSweeps
        c.persistentChains = chains
        c.statisticsSweeps = statisticsSweeps
        c.discriminativeWeight = discriminative
        c.conditionalSweeps = conditionalSweeps
        c.maxShift = shift
        c.centered = centered
        c.temperingLevels = temperingLevels
        c.temperingLowestBeta = temperingLowestBeta
        c.beta = beta
        c.initialScale = initialScale
        c.seed = seed
        c.validationImages = validation
        c.classifier = classifier.settings
        try c.validate()
        return c
    }

    func run() throws {
        guard threads >= 1 else { throw CLIError("--threads must be at least 1 (got \(threads))") }
        if resume && initFrom != nil { throw CLIError("--init-from starts a new run; it cannot be combined with --resume") }
        guard (0...255).contains(threshold) else { throw CLIError("--threshold must be between 0 and 255 (got \(threshold))") }
        var config = try configuration()
        let all = try data.load(.train)
        guard validation < all.count else { throw CLIError("--validation must be smaller than the \(all.count) training images") }
        let trainCount = min(limit ?? all.count, all.count - validation)
        guard trainCount >= config.batchSize else { throw CLIError("--limit leaves fewer training images than one batch") }
        let train = all.subset(Array(0..<trainCount))
        let held = all.subset(Array((all.count - validation)..<all.count))

        let model: DBMModel
        if resume {
            model = try ModelDirectory.load(output)
            // A resumed run keeps every saved setting (so it continues exactly) except the
            // number of epochs; with --final-learning-rate the decay then spans the new count.
            if let saved = model.training {
                config = saved
                config.epochs = epochs
                try config.validate()
            }
        } else {
            if FileManager.default.fileExists(atPath: output + "/model.json") {
                throw CLIError("\(output) already holds a model; pass --resume to continue it or choose another --output")
            }
            if let initFrom {
                var start = try ModelDirectory.load(initFrom)
                start.epochsCompleted = 0
                start.beta = config.beta
                model = start
            } else {
                let family = try TopologySpec.parse(topology)
                let topo = try Topology.make(family)
                let binarizer = Binarizer(threshold: UInt8(threshold))
                let layout = try DBMLayout.place(
                    graph: topo.graph, visible: train.pixelsPerImage, classes: Dataset.classCount, copies: copies,
                    strategy: placement, seed: seed)
                model = Trainer.initialModel(graph: topo.graph, layout: layout, data: train, config: config,
                                             binarizer: binarizer, topology: family.description)
            }
        }
        var saved = model
        saved.training = config
        let trainer = try Trainer(model: saved, config: config, train: train, validation: held, threads: threads)
        if resume { try trainer.restore(from: output) } else { try Checkpoint.write(trainer, to: output, log: []) }
        var log = Checkpoint.readLog(output).filter { $0.epoch <= trainer.epoch }
        let progress = Progress(enabled: !quiet)
        if !quiet && !json {
            FileHandle.standardError.write(Data("training \(model.parameterCount) parameters on \(model.topology ?? "a graph") (\(model.nodeCount) p-bits), \(train.count) images, epochs \(trainer.epoch + 1)...\(config.epochs)\n".utf8))
        }
        while trainer.epoch < config.epochs {
            let started = Date()
            let e = trainer.epoch + 1
            let record = try trainer.runEpoch { done, total in
                progress.update("epoch \(e)/\(config.epochs)", done: done, total: total, started: started, unit: "batches")
            }
            progress.finish()
            log.append(record)
            try Checkpoint.write(trainer, to: output, log: log)
            // Written unbuffered: a script following the output sees each epoch as it ends.
            if json {
                FileHandle.standardOutput.write(Data((JSONOutput.line(record) + "\n").utf8))
            } else if !quiet {
                let acc = record.validationAccuracy.map { fmt(100 * $0, 2) + "%" } ?? "-"
                FileHandle.standardOutput.write(Data("epoch \(record.epoch): validation accuracy \(acc), gradient RMS \(fmt(record.gradientRMS, 5)), \(fmt(record.seconds, 1)) s\n".utf8))
            }
        }
    }
}

/// Checkpoints hold off SIGINT and SIGTERM while their files are renamed into place, so an
/// interruption leaves the previous complete checkpoint, or the new one, never a mix.
enum Checkpoint {
    static let logFile = "training-log.jsonl"

    static func write(_ trainer: Trainer, to dir: String, log: [EpochRecord]) throws {
        try withSignalsHeld {
            try trainer.checkpoint(to: dir)
            let text = log.map(JSONOutput.line).joined(separator: "\n") + (log.isEmpty ? "" : "\n")
            try AtomicFile.write(text, to: dir + "/" + logFile)
        }
    }

    /// Runs `body` with SIGINT, SIGTERM and SIGHUP held until it returns.
    static func withSignalsHeld(_ body: () throws -> Void) throws {
        var blocked = sigset_t(), previous = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGINT)
        sigaddset(&blocked, SIGTERM)
        sigaddset(&blocked, SIGHUP)
        pthread_sigmask(SIG_BLOCK, &blocked, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try body()
    }

    static func readLog(_ dir: String) -> [EpochRecord] {
        guard let text = try? String(contentsOfFile: dir + "/" + logFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { try? JSONDecoder().decode(EpochRecord.self, from: Data($0.utf8)) }
    }
}

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Classify images with a trained model by sampling; report accuracy and the confusion matrix.",
        discussion: """
            Works on any model directory in the documented format (docs/model-format.md).

            Examples:
              pbit evaluate --model runs/p14 --dataset mnist --json
              pbit evaluate --model runs/p14 --limit 1000 --chains-per-image 4 --eval-sweeps 200
            """)

    @Option(help: "Model directory.") var model: String
    @OptionGroup var data: DataOptions
    @OptionGroup var classifier: ClassifierOptions
    @Option(help: "test or train.") var split: Split = .test
    @Option(help: "Classify the first N images only.") var limit: Int?
    @Option(help: "Chains run side by side.") var replicas = 256
    @Option(help: "Random seed of the chains.") var seed: UInt64 = 1
    @Option(help: "Worker threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "No progress line.") var quiet = false
    @Flag(help: "Print one JSON object.") var json = false

    func run() throws {
        guard threads >= 1 else { throw CLIError("--threads must be at least 1 (got \(threads))") }
        guard replicas >= 1 else { throw CLIError("--replicas must be at least 1 (got \(replicas))") }
        let dbm = try ModelDirectory.load(model)
        let images = try data.load(split, limit: limit)
        let c = try Classifier(model: dbm, settings: classifier.settings, threads: threads, replicas: replicas, seed: seed)
        let progress = Progress(enabled: !quiet && !json)
        let started = Date()
        let result = try c.classify(images) { done, total in
            progress.update("classifying", done: done, total: total, started: started, unit: "images")
        }
        progress.finish()
        let report = EvaluationReport(
            model: model, dataset: data.dataset.rawValue, split: split.rawValue, images: result.images,
            correct: result.correct, accuracy: result.accuracy, confusion: result.confusion,
            seconds: Date().timeIntervalSince(started), settings: classifier.settings, parameters: dbm.parameterCount)
        if json { JSONOutput.print(report) } else { print(report.text) }
    }
}

struct EvaluationReport: Encodable {
    var model: String
    var dataset: String
    var split: String
    var images: Int
    var correct: Int
    var accuracy: Double
    /// `confusion[true][predicted]`.
    var confusion: [[Int]]
    var seconds: Double
    var settings: ClassifierSettings
    var parameters: Int

    var text: String {
        (["\(dataset) \(split): \(correct)/\(images) correct, accuracy \(fmt(100 * accuracy, 2))% (\(fmt(seconds, 1)) s, \(parameters) parameters)"]
            + Self.confusionLines(confusion)).joined(separator: "\n")
    }

    /// The confusion matrix as text, a row per true class.
    static func confusionLines(_ confusion: [[Int]]) -> [String] {
        ["confusion (rows: true class, columns: predicted)"]
            + confusion.enumerated().map { k, row in "\(k): " + row.map { String($0).leftPad(5) }.joined() }
    }
}

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate images of a class: clamp its label p-bits, anneal β, read the visible p-bits.",
        discussion: """
            With --label free the label p-bits run too and each image's class is read from them
            (the class most copies show); at the model's own β (--beta-start 1 --beta-end 1) over
            many sweeps the classes drawn show the model's prior p(label).

            Examples:
              pbit generate --model runs/p14 --label 7 --count 16 --output sevens.png
              pbit generate --model runs/p14 --label all --count 8 --output digits.png
              pbit generate --model runs/p14 --label free --beta-end 1 --output free.png
            """)

    @Option(help: "Model directory.") var model: String
    @Option(help: "Class 0-9, 'all' for a row per class, or 'free' to leave the label p-bits free.") var label: String
    @Option(help: "Images per class (with 'free': in all).") var count = 16
    @Option(help: "PNG file to write.") var output: String
    @Option(help: "Annealing sweeps.") var sweeps = GeneratorSettings().sweeps
    @Option(name: .customLong("beta-start"), help: "β at the first annealing sweep.") var betaStart = GeneratorSettings().betaStart
    @Option(name: .customLong("beta-end"), help: "β at the last annealing sweep.") var betaEnd = GeneratorSettings().betaEnd
    @Option(name: .customLong("tempering-levels"), help: "Parallel tempering: temperature levels per chain (1 for none).")
    var temperingLevels = GeneratorSettings().temperingLevels
    @Option(name: .customLong("tempering-lowest-beta"), help: "The hottest tempering level runs at this multiple of β.")
    var temperingLowestBeta = GeneratorSettings().temperingLowestBeta
    @Option(help: "Random seed (class k uses seed + k).") var seed: UInt64 = 1
    @Option(help: "Worker threads.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Flag(help: "Print the images' classes as JSON.") var json = false

    struct Report: Encodable {
        var output: String
        var images: Int
        /// Per image, the class its label p-bits show (null: none or a tie).
        var classes: [Int?]
        /// Images per class shown, classes 0…9, then those with none.
        var histogram: [Int]
        /// With --tempering-levels: exchanges accepted between neighbouring levels, per class drawn.
        var exchangeAcceptance: [[Double]]?
    }

    func run() throws {
        guard threads >= 1 else { throw CLIError("--threads must be at least 1 (got \(threads))") }
        let dbm = try ModelDirectory.load(model)
        let classes: [Int?]
        if label == "all" {
            classes = Array(0..<dbm.layout.classes)
        } else if label == "free" {
            classes = [nil]
        } else if let k = Int(label), (0..<dbm.layout.classes).contains(k) {
            classes = [k]
        } else {
            throw CLIError("--label must be a class from 0 to \(dbm.layout.classes - 1), 'all' or 'free' (got '\(label)')")
        }
        let side = Int(Double(dbm.layout.visible.count).squareRoot())
        guard side * side == dbm.layout.visible.count else {
            throw CLIError("\(model): \(dbm.layout.visible.count) visible p-bits do not form a square image")
        }
        var settings = GeneratorSettings()
        settings.sweeps = sweeps
        settings.betaStart = betaStart
        settings.betaEnd = betaEnd
        settings.temperingLevels = temperingLevels
        settings.temperingLowestBeta = temperingLowestBeta
        var images: [[Int8]] = [], shown: [Int?] = [], acceptance: [[Double]] = []
        for k in classes {
            let g = try Generator.generate(model: dbm, label: k, count: count, settings: settings,
                                           seed: seed &+ UInt64(k ?? 0), threads: threads)
            images += g.images
            shown += g.classes
            acceptance.append(g.exchangeAcceptance)
        }
        let grid = PNG.grid(images, side: side, columns: classes.count > 1 ? count : min(count, 8))
        try AtomicFile.write(PNG.encode(width: grid.width, height: grid.height, pixels: grid.pixels), to: output)
        var histogram = [Int](repeating: 0, count: dbm.layout.classes + 1)
        for c in shown { histogram[c ?? dbm.layout.classes] += 1 }
        if json {
            JSONOutput.print(Report(output: output, images: images.count, classes: shown, histogram: histogram,
                                    exchangeAcceptance: temperingLevels > 1 ? acceptance : nil))
        } else {
            print("wrote \(images.count) images to \(output)")
            if classes == [nil] {
                let parts = (0..<dbm.layout.classes).map { "\($0): \(histogram[$0])" } + ["none: \(histogram.last ?? 0)"]
                print("classes shown by the label p-bits: " + parts.joined(separator: ", "))
            }
        }
    }
}
