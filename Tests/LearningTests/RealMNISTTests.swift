import Foundation
import Learning
import Testing

/// The real MNIST files, where this checkout has them: `../shared/datasets/mnist` beside the
/// package root (the project's shared data). Elsewhere the test is skipped, not failed.
struct RealMNISTTests {
    static let directory = packageRoot().appendingPathComponent("../shared/datasets/mnist").standardized.path
    static let present = FileManager.default.fileExists(atPath: directory)

    @Test(.enabled(if: present, "no MNIST files at ../shared/datasets/mnist"))
    func loadsVerifiedTestSplit() throws {
        let test = try Dataset.load(.mnist, split: .test, directory: Self.directory, verify: true)
        #expect(test.count == 10_000)
        #expect(test.rows == 28 && test.columns == 28)
        #expect(test.pixels.count == 10_000 * 784)
        #expect(test.labels.first == 7)  // the first test digit is a 7
        #expect(Set(test.labels) == Set(0...9))
        // Its spins have some ink (+1) and mostly background (−1).
        let spins = Binarizer().spins(test.image(0))
        let ink = spins.filter { $0 == 1 }.count
        #expect(ink > 50 && ink < 392)

        // The default search finds the same directory from the package root.
        let search = DatasetSearch(
            environment: [:], currentDirectory: packageRoot().path, homeDirectory: "/nonexistent-home")
        #expect(try search.locate(.mnist, directory: nil) == Self.directory)
    }

    /// The training split too (about 0.4 s in a release build: inflating and hashing 47 MB).
    @Test(.enabled(if: present, "no MNIST files at ../shared/datasets/mnist"))
    func loadsVerifiedTrainSplit() throws {
        let train = try Dataset.load(.mnist, split: .train, directory: Self.directory)
        #expect(train.count == 60_000 && train.rows == 28 && train.columns == 28)
        #expect(train.labels.prefix(5) == [5, 0, 4, 1, 9])
    }

    /// The models shipped in `models/` load and classify real test digits. On the first 500
    /// test images with the default protocol and seed they score 85.2% and 87.8%; the bounds
    /// leave room for other floating-point rounding, and the fine-tuned model must stay ahead.
    @Test(.enabled(if: present, "no MNIST files at ../shared/datasets/mnist"))
    func shippedModelsClassifyTestDigits() throws {
        let test = try Dataset.load(.mnist, split: .test, directory: Self.directory).prefix(500)
        func accuracy(_ name: String) throws -> Double {
            let model = try ModelDirectory.load(packageRoot().appendingPathComponent("models/\(name)").path)
            #expect(model.nodeCount == 4264 && model.parameterCount == 34_668)
            return try Classifier(model: model, settings: ClassifierSettings(), threads: 2).classify(test).accuracy
        }
        let base = try accuracy("mnist-pegasus14"), finetuned = try accuracy("mnist-pegasus14-finetuned")
        #expect(base > 0.82)
        #expect(finetuned > 0.85)
        #expect(finetuned > base)
    }

    /// With verification, files of different splits are not paired, although both are valid.
    @Test(.enabled(if: present, "no MNIST files at ../shared/datasets/mnist"))
    func refusesMismatchedPair() throws {
        guard let images = Dataset.file(Split.test.imagesFile, in: Self.directory),
              let labels = Dataset.file(Split.train.labelsFile, in: Self.directory) else {
            Issue.record("MNIST files missing from \(Self.directory)")
            return
        }
        expectDataError("is the MNIST train labels file, but \(images) holds the MNIST test images", path: labels) {
            _ = try Dataset.loadFiles(images: images, labels: labels)
        }
        // MNIST files asked for as Fashion-MNIST are recognised for what they are.
        expectDataError("this is the MNIST t10k-images-idx3-ubyte file, not the Fashion-MNIST t10k-images-idx3-ubyte one", path: images) {
            _ = try Dataset.load(.fashionMnist, split: .test, directory: Self.directory)
        }
        // Without verification the count check catches it.
        expectDataError("has 60000 labels but", path: labels) {
            _ = try Dataset.loadFiles(images: images, labels: labels, verify: false)
        }
    }
}
