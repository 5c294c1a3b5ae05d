import Foundation
import Learning
import Testing
import Topologies

/// Loading tiny synthetic data sets (written with `IDXFile.write`) without verification, and
/// the checks `load` makes on what it reads.
struct DatasetLoadingTests {
    @Test(arguments: [false, true])
    func loadsBothSplits(gzip: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try writeTinyDataset(to: directory.path, gzip: gzip)

        let train = try Dataset.load(.mnist, split: .train, directory: directory.path, verify: false)
        #expect(train == patternImages(count: 12))
        let test = try Dataset.load(.fashionMnist, split: .test, directory: directory.path, verify: false)
        #expect(test.count == 5 && test.rows == 4 && test.columns == 3)
        #expect(test.labels == [0, 1, 2, 3, 4])
        #expect(Array(test.image(1)) == Array(patternImages(count: 5).image(1)))
    }

    /// Plain and compressed files may be mixed; the plain one wins when both exist.
    @Test func mixedCompression() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try writeTinyDataset(to: directory.path, gzip: true)
        try writeSplit(patternImages(count: 3), split: .test, to: directory.path, gzip: false)
        let test = try Dataset.load(.mnist, split: .test, directory: directory.path, verify: false)
        #expect(test.count == 3)
    }

    @Test func loadFilesFromExplicitPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let images = patternImages(count: 7, rows: 2, columns: 5)
        try IDXFile.write(IDXArray(dimensions: [7, 2, 5], bytes: images.pixels), to: directory.path("img.gz"), gzip: true)
        try IDXFile.write(IDXArray(dimensions: [7], bytes: images.labels), to: directory.path("lbl"), gzip: false)
        let loaded = try Dataset.loadFiles(images: directory.path("img.gz"), labels: directory.path("lbl"), verify: false)
        #expect(loaded == images)
    }

    @Test func imageLabelCountMismatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let images = directory.path("images"), labels = directory.path("labels")
        try IDXFile.write(IDXArray(dimensions: [6, 2, 2], bytes: Array(repeating: 0, count: 24)), to: images, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [5], bytes: [0, 1, 2, 3, 4]), to: labels, gzip: false)
        expectDataError("has 5 labels but \(images) has 6 images", path: labels) {
            _ = try Dataset.loadFiles(images: images, labels: labels, verify: false)
        }
    }

    @Test func labelOutOfRange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let images = directory.path("images"), labels = directory.path("labels")
        try IDXFile.write(IDXArray(dimensions: [4, 1, 1], bytes: [0, 0, 0, 0]), to: images, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [4], bytes: [0, 9, 3, 12]), to: labels, gzip: true)
        expectDataError("label 12 at index 3 is outside 0...9", path: labels) {
            _ = try Dataset.loadFiles(images: images, labels: labels, verify: false)
        }
    }

    @Test func wrongNumberOfDimensions() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let flat = directory.path("flat"), cube = directory.path("cube")
        let labels = directory.path("labels"), grid = directory.path("grid")
        try IDXFile.write(IDXArray(dimensions: [2, 4], bytes: Array(repeating: 0, count: 8)), to: flat, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [2, 2, 2], bytes: Array(repeating: 0, count: 8)), to: cube, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [2], bytes: [1, 2]), to: labels, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [2, 1], bytes: [1, 2]), to: grid, gzip: false)
        expectDataError("expected images (3 dimensions: count×rows×columns), found 2", path: flat) {
            _ = try Dataset.loadFiles(images: flat, labels: labels, verify: false)
        }
        expectDataError("expected labels (1 dimension), found 2", path: grid) {
            _ = try Dataset.loadFiles(images: cube, labels: grid, verify: false)
        }
    }

    /// With verification on, files that are not the official ones are refused, and the
    /// message names the file and both digests.
    @Test func checksumMismatch() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        try writeTinyDataset(to: directory.path, gzip: true)
        let images = directory.path("train-images-idx3-ubyte.gz")
        let found = SHA256.hexDigest(try IDXFile.readContents(path: images))
        expectDataError("SHA-256 mismatch: expected ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db (MNIST train-images-idx3-ubyte), found \(found)", path: images) {
            _ = try Dataset.load(.mnist, split: .train, directory: directory.path)
        }
        let testImages = directory.path("t10k-images-idx3-ubyte.gz")
        expectDataError("expected 5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b (Fashion-MNIST", path: testImages) {
            _ = try Dataset.load(.fashionMnist, split: .test, directory: directory.path, verify: true)
        }
        // loadFiles knows the official digests of a file by its name.
        expectDataError("expected 0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7 (MNIST) or 5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b (Fashion-MNIST)", path: testImages) {
            _ = try Dataset.loadFiles(images: testImages, labels: directory.path("t10k-labels-idx1-ubyte.gz"))
        }
    }

    @Test func missingFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let images = directory.path("nothing-here")
        expectDataError("no such file", path: images) {
            _ = try Dataset.loadFiles(images: images, labels: images, verify: false)
        }
    }

    @Test func prefixAndSubset() {
        let all = patternImages(count: 10)
        let firstThree = all.prefix(3)
        #expect(firstThree.count == 3 && firstThree.labels == [0, 1, 2])
        #expect(Array(firstThree.image(2)) == Array(all.image(2)))
        #expect(all.prefix(100) == all)
        #expect(all.prefix(0).count == 0)

        let picked = all.subset([7, 2, 7])
        #expect(picked.count == 3 && picked.labels == [7, 2, 7])
        #expect(Array(picked.image(0)) == Array(all.image(7)))
        #expect(Array(picked.image(1)) == Array(all.image(2)))
        #expect(picked.pixels.count == 3 * all.pixelsPerImage)
    }

    @Test func binarizer() throws {
        let pixels: ArraySlice<UInt8> = [0, 1, 127, 128, 255]
        #expect(Binarizer().spins(pixels) == [-1, 1, 1, 1, 1])
        #expect(Binarizer(threshold: 127).spins(pixels) == [-1, -1, -1, 1, 1])
        #expect(Binarizer(threshold: 127).spinsFloat(pixels) == [-1, -1, -1, 1, 1])
        #expect(Binarizer(threshold: 255).spins(pixels) == [-1, -1, -1, -1, -1])

        // It works on an image slice (indices not starting at 0).
        let images = patternImages(count: 3)
        #expect(Binarizer().spins(images.image(2)).count == images.pixelsPerImage)

        let encoded = try JSONEncoder().encode(Binarizer(threshold: 42))
        #expect(try JSONDecoder().decode(Binarizer.self, from: encoded) == Binarizer(threshold: 42))
    }
}
