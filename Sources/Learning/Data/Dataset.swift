import Foundation

/// The data sets the deep Boltzmann machines are trained on. Both are 28×28 greyscale images
/// in ten classes, stored as the same four IDX files under the same names.
public enum DatasetName: String, CaseIterable, Sendable {
    /// Handwritten digits (LeCun, Cortes & Burges).
    case mnist
    /// Zalando's clothing images (Xiao, Rasul & Vollgraf 2017), a drop-in replacement.
    case fashionMnist = "fashion-mnist"

    /// The name as written in papers and messages.
    public var displayName: String {
        switch self {
        case .mnist: "MNIST"
        case .fashionMnist: "Fashion-MNIST"
        }
    }
}

/// The two parts each data set comes in.
public enum Split: String, CaseIterable, Sendable {
    case train, test

    /// The images file's name, without `.gz`.
    public var imagesFile: String { self == .train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte" }
    /// The labels file's name, without `.gz`.
    public var labelsFile: String { self == .train ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte" }
    /// The number of images in the official files: 60,000 to train on, 10,000 to test.
    public var expectedCount: Int { self == .train ? 60_000 : 10_000 }
}

/// Finding and loading MNIST and Fashion-MNIST.
public enum Dataset {
    /// Rows and columns of every official image.
    public static let imageRows = 28
    public static let imageColumns = 28
    /// Labels are 0..<classCount.
    public static let classCount = 10

    /// The four file names (without `.gz`) a data set directory must hold.
    public static let fileNames = Split.allCases.flatMap { [$0.imagesFile, $0.labelsFile] }

    /// The directory holding the four files of `name`; see `DatasetSearch` for where it
    /// looks. An explicit `directory` (the `--data` option) is taken alone: when it lacks the
    /// files the error names it and them, instead of quietly using data from elsewhere.
    public static func locate(_ name: DatasetName, directory: String?) throws(DataError) -> String {
        try DatasetSearch.current().locate(name, directory: directory)
    }

    /// The path of `fileName` in `directory`: the plain file if present, else `fileName.gz`;
    /// nil when neither is there.
    public static func file(_ fileName: String, in directory: String) -> String? {
        for candidate in [fileName, fileName + ".gz"] {
            let path = (directory as NSString).appendingPathComponent(candidate)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    /// One split of a data set, found with `locate(_:directory:)`.
    ///
    /// - Parameter verify: check the SHA-256 of each file's decompressed contents against the
    ///   official one, and the official sizes. Turn it off only for other data in the same
    ///   format (the tests use tiny synthetic files).
    /// - Throws: `DataError` when the data cannot be found, read or parsed, is not shaped as
    ///   images and labels, has labels outside 0...9, or fails verification.
    public static func load(
        _ name: DatasetName, split: Split, directory: String?, verify: Bool = true
    ) throws(DataError) -> LabeledImages {
        let root = try locate(name, directory: directory)
        guard let images = file(split.imagesFile, in: root), let labels = file(split.labelsFile, in: root) else {
            // locate checked that both exist; they can vanish in between.
            throw .file(path: root, message: "lost \(split.imagesFile) or \(split.labelsFile) while loading")
        }
        let expected = verify ? KnownFiles.pair(name, split) : nil
        return try load(images: images, labels: labels, verify: verify, expected: expected)
    }

    /// Images and labels from explicit paths (each plain or gzip-compressed).
    ///
    /// With `verify`, each file's digest must be that of an official MNIST or Fashion-MNIST
    /// file of its kind, and both must come from the same data set and split, which also
    /// catches MNIST images paired with Fashion-MNIST labels (same counts, wrong classes).
    public static func loadFiles(images: String, labels: String, verify: Bool = true) throws(DataError) -> LabeledImages {
        try load(images: images, labels: labels, verify: verify, expected: nil)
    }

    /// The shared loader. `expected` pins the data set and split when it is known; without
    /// it, `verify` identifies them from the digests.
    private static func load(
        images imagesPath: String, labels labelsPath: String, verify: Bool,
        expected: (images: KnownFile, labels: KnownFile)?
    ) throws(DataError) -> LabeledImages {
        let imagesData = try IDXFile.readContents(path: imagesPath)
        let labelsData = try IDXFile.readContents(path: labelsPath)
        var split: Split?
        if verify {
            let imagesFile = try KnownFiles.verify(imagesData, path: imagesPath, kind: .images, expected: expected?.images)
            let labelsFile = try KnownFiles.verify(labelsData, path: labelsPath, kind: .labels, expected: expected?.labels)
            guard imagesFile.dataset == labelsFile.dataset, imagesFile.split == labelsFile.split else {
                throw .file(
                    path: labelsPath,
                    message: "is the \(labelsFile.dataset.displayName) \(labelsFile.split.rawValue) labels file, but \(imagesPath) holds the \(imagesFile.dataset.displayName) \(imagesFile.split.rawValue) images")
            }
            split = imagesFile.split
        }
        let images = try IDXFile.parse(imagesData, path: imagesPath)
        let labels = try IDXFile.parse(labelsData, path: labelsPath)

        guard images.dimensions.count == 3 else {
            throw .file(
                path: imagesPath,
                message: "expected images (3 dimensions: count×rows×columns), found \(images.dimensions.count) dimensions")
        }
        guard labels.dimensions.count == 1 else {
            throw .file(
                path: labelsPath,
                message: "expected labels (1 dimension), found \(labels.dimensions.count) dimensions")
        }
        let count = images.dimensions[0], rows = images.dimensions[1], columns = images.dimensions[2]
        guard labels.dimensions[0] == count else {
            throw .file(
                path: labelsPath,
                message: "has \(labels.dimensions[0]) labels but \(imagesPath) has \(count) images")
        }
        if let split, count != split.expectedCount || rows != imageRows || columns != imageColumns {
            throw .file(
                path: imagesPath,
                message: "holds \(count) images of \(rows)×\(columns); the official \(split.rawValue) split has \(split.expectedCount) of 28×28")
        }
        if let index = labels.bytes.firstIndex(where: { Int($0) >= classCount }) {
            throw .file(
                path: labelsPath,
                message: "label \(labels.bytes[index]) at index \(index) is outside 0...\(classCount - 1)")
        }
        return LabeledImages(rows: rows, columns: columns, pixels: images.bytes, labels: labels.bytes)
    }
}
