import Foundation
import Topologies

/// One official data set file and the SHA-256 of its decompressed contents.
///
/// The digests are of the uncompressed IDX bytes because the same data circulates both
/// gzip-compressed and plain, and recompressing changes the `.gz` bytes but not the data.
struct KnownFile: Equatable, Sendable {
    enum Kind: Sendable { case images, labels }

    let dataset: DatasetName
    let split: Split
    let kind: Kind
    let sha256: String

    var fileName: String { kind == .images ? split.imagesFile : split.labelsFile }
    var displayName: String { "\(dataset.displayName) \(fileName)" }
}

/// The digests of the eight official files, and the check against them.
enum KnownFiles {
    static let all: [KnownFile] = [
        KnownFile(dataset: .mnist, split: .train, kind: .images,
                  sha256: "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
        KnownFile(dataset: .mnist, split: .train, kind: .labels,
                  sha256: "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
        KnownFile(dataset: .mnist, split: .test, kind: .images,
                  sha256: "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
        KnownFile(dataset: .mnist, split: .test, kind: .labels,
                  sha256: "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        KnownFile(dataset: .fashionMnist, split: .train, kind: .images,
                  sha256: "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
        KnownFile(dataset: .fashionMnist, split: .train, kind: .labels,
                  sha256: "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
        KnownFile(dataset: .fashionMnist, split: .test, kind: .images,
                  sha256: "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
        KnownFile(dataset: .fashionMnist, split: .test, kind: .labels,
                  sha256: "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
    ]

    /// The images and labels files of one split.
    static func pair(_ dataset: DatasetName, _ split: Split) -> (images: KnownFile, labels: KnownFile)? {
        let files = all.filter { $0.dataset == dataset && $0.split == split }
        guard let images = files.first(where: { $0.kind == .images }),
              let labels = files.first(where: { $0.kind == .labels }) else { return nil }
        return (images, labels)
    }

    /// Checks `contents` (decompressed) against `expected`, or, when nil, against every
    /// official file of `kind`, and returns the file it matched.
    ///
    /// - Throws: `DataError.file` naming the file, the digest found and the one expected;
    ///   when the contents are another official file (MNIST where Fashion-MNIST was asked
    ///   for, say), the message says which.
    static func verify(
        _ contents: Data, path: String, kind: KnownFile.Kind, expected: KnownFile?
    ) throws(DataError) -> KnownFile {
        let digest = SHA256.hexDigest(contents)
        if let expected {
            if digest == expected.sha256 { return expected }
            let mismatch = "SHA-256 mismatch: expected \(expected.sha256) (\(expected.displayName)), found \(digest)"
            if let other = all.first(where: { $0.sha256 == digest }) {
                throw .file(
                    path: path,
                    message: "\(mismatch): this is the \(other.displayName) file, not the \(expected.displayName) one")
            }
            throw .file(
                path: path,
                message: "\(mismatch) — the file is corrupt or not the official one; load without verification to use it anyway")
        }
        if let match = all.first(where: { $0.kind == kind && $0.sha256 == digest }) { return match }
        // Name the digests the file would have under its own name, when that is an official one.
        var fileName = (path as NSString).lastPathComponent
        if fileName.hasSuffix(".gz") { fileName.removeLast(3) }
        let sameName = all.filter { $0.kind == kind && $0.fileName == fileName }
        let expectation = sameName.isEmpty
            ? "which matches none of the official MNIST or Fashion-MNIST \(kind == .images ? "images" : "labels") files"
            : "expected " + sameName.map { "\($0.sha256) (\($0.dataset.displayName))" }.joined(separator: " or ")
        throw .file(
            path: path,
            message: "SHA-256 mismatch: found \(digest), \(expectation) — the file is corrupt or not an official one; load without verification to use it anyway")
    }
}
