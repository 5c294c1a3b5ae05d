import Foundation
import Learning
import Testing

/// A fresh, empty directory under the system temporary directory; removed by `cleanup()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("LearningTests-\(UUID().uuidString)", isDirectory: true).path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// `name` inside the directory (which may contain slashes).
    func path(_ name: String) -> String { path + "/" + name }

    /// Creates `name` (and its parents) inside the directory and returns its path.
    @discardableResult
    func makeDirectory(_ name: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path(name), withIntermediateDirectories: true)
        return path(name)
    }

    func cleanup() { try? FileManager.default.removeItem(atPath: path) }
}

/// The package root: this file is `<root>/Tests/LearningTests/TestSupport.swift`.
func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath)
        .deletingLastPathComponent()  // LearningTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // root
}

/// The error `body` throws, if it is a `DataError`.
func dataError(_ body: () throws -> Void) -> DataError? {
    do {
        try body()
        return nil
    } catch let error as DataError {
        return error
    } catch {
        return nil
    }
}

/// Expects `body` to throw a one-line `DataError` that starts with `path` and contains `phrase`.
func expectDataError(
    _ phrase: String, path: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    guard let error = dataError(body) else {
        Issue.record("expected a DataError containing '\(phrase)', got none", sourceLocation: sourceLocation)
        return
    }
    let text = error.description
    #expect(text.contains(phrase), "'\(text)' lacks '\(phrase)'", sourceLocation: sourceLocation)
    #expect(text.hasPrefix(path + ": "), "'\(text)' does not start with the path", sourceLocation: sourceLocation)
    #expect(!text.contains("\n"), "'\(text)' is not one line", sourceLocation: sourceLocation)
}

/// The bytes of an uncompressed IDX header (type 0x08) for `dimensions`.
func idxHeader(_ dimensions: [UInt32], type: UInt8 = 0x08) -> [UInt8] {
    var bytes: [UInt8] = [0, 0, type, UInt8(dimensions.count)]
    for d in dimensions { bytes += [UInt8(d >> 24), UInt8(d >> 16 & 0xFF), UInt8(d >> 8 & 0xFF), UInt8(d & 0xFF)] }
    return bytes
}

/// Small synthetic images: image `i` pixel `p` is `(i * 31 + p * 7) % 256`; label `i % 10`.
func patternImages(count: Int, rows: Int = 4, columns: Int = 3) -> LabeledImages {
    var pixels: [UInt8] = []
    for i in 0..<count {
        for p in 0..<(rows * columns) { pixels.append(UInt8((i * 31 + p * 7) % 256)) }
    }
    return LabeledImages(rows: rows, columns: columns, pixels: pixels, labels: (0..<count).map { UInt8($0 % 10) })
}

/// Writes `images` as the IDX files of `split` into `directory`, gzip-compressed or plain.
func writeSplit(_ images: LabeledImages, split: Split, to directory: String, gzip: Bool) throws {
    let suffix = gzip ? ".gz" : ""
    try IDXFile.write(
        IDXArray(dimensions: [images.count, images.rows, images.columns], bytes: images.pixels),
        to: directory + "/" + split.imagesFile + suffix, gzip: gzip)
    try IDXFile.write(
        IDXArray(dimensions: [images.count], bytes: images.labels),
        to: directory + "/" + split.labelsFile + suffix, gzip: gzip)
}

/// A complete tiny data set (12 training and 5 test images of 4×3) in `directory`.
func writeTinyDataset(to directory: String, gzip: Bool = true) throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try writeSplit(patternImages(count: 12), split: .train, to: directory, gzip: gzip)
    try writeSplit(patternImages(count: 5), split: .test, to: directory, gzip: gzip)
}
