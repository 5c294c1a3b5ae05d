import Foundation
import Learning
import Testing

/// Where `DatasetSearch` looks, in which order, and what it says when it finds nothing.
///
/// The search takes its environment and directories as values, so these tests build them
/// from temporary directories and never touch the process environment (which tests running
/// in parallel would see).
struct DatasetSearchTests {
    /// A search rooted in `root`: home `root/home`, current directory `root/work`, and
    /// well-known places `../shared/datasets/<name>` and `root/system/<name>`.
    func search(_ root: TemporaryDirectory, environment: [String: String] = [:]) -> DatasetSearch {
        DatasetSearch(
            environment: environment, currentDirectory: root.path("work"), homeDirectory: root.path("home"),
            wellKnownDirectories: [
                .mnist: ["../shared/datasets/mnist", root.path("system/mnist")],
                .fashionMnist: [root.path("system/fashion-mnist")],
            ])
    }

    @Test func explicitDirectory() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        try root.makeDirectory("work")
        let explicit = root.path("explicit")
        try writeTinyDataset(to: explicit)
        try writeTinyDataset(to: root.path("env"))  // ignored while a directory is given

        let searcher = search(root, environment: ["PBIT_DATA_DIR": root.path("env")])
        #expect(try searcher.locate(.mnist, directory: explicit) == explicit)
        // Relative to the current directory, with `..` resolved.
        #expect(try searcher.locate(.mnist, directory: "../explicit") == explicit)
        // A parent holding `<name>/` is accepted too.
        try writeTinyDataset(to: root.path("parent/fashion-mnist"))
        #expect(try searcher.locate(.fashionMnist, directory: root.path("parent")) == root.path("parent/fashion-mnist"))
        // The process-wide entry point takes the explicit directory the same way.
        #expect(try Dataset.locate(.mnist, directory: explicit) == explicit)
    }

    @Test func explicitDirectoryLackingFiles() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        let partial = try root.makeDirectory("partial")
        try writeSplit(patternImages(count: 2), split: .test, to: partial, gzip: true)
        try writeTinyDataset(to: root.path("home/.cache/pbit/datasets/mnist"))  // not used instead

        let searcher = search(root)
        expectDataError("cannot load MNIST from this directory: missing train-images-idx3-ubyte, train-labels-idx1-ubyte (plain or .gz)", path: partial) {
            _ = try searcher.locate(.mnist, directory: partial)
        }
        let absent = root.path("absent")
        expectDataError("cannot load Fashion-MNIST from this directory: does not exist", path: absent) {
            _ = try searcher.locate(.fashionMnist, directory: absent)
        }
        let empty = try root.makeDirectory("empty")
        expectDataError("holds none of the four files", path: empty) {
            _ = try searcher.locate(.mnist, directory: empty)
        }
    }

    /// Environment variable, then cache, then well-known places: each found directory wins
    /// over the later ones, and removing it reveals the next.
    @Test func searchOrder() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        try root.makeDirectory("work")
        let envNested = root.path("data/mnist"), envDirect = root.path("data")
        let xdgCache = root.path("xdg/pbit/datasets/mnist"), homeCache = root.path("home/.cache/pbit/datasets/mnist")
        let shared = root.path("shared/datasets/mnist"), system = root.path("system/mnist")
        for directory in [envNested, envDirect, xdgCache, homeCache, shared, system] {
            try writeTinyDataset(to: directory)
        }
        let environment = ["PBIT_DATA_DIR": root.path("data"), "XDG_CACHE_HOME": root.path("xdg")]
        let searcher = search(root, environment: environment)

        let expectedOrder = [envNested, envDirect, xdgCache, shared, system]
        for expected in expectedOrder {
            #expect(try searcher.locate(.mnist, directory: nil) == expected)
            // Take away one file: the directory no longer counts, and the next one is found.
            try FileManager.default.removeItem(atPath: expected + "/train-labels-idx1-ubyte.gz")
        }
        expectNotFound { _ = try searcher.locate(.mnist, directory: nil) }

        // Without XDG_CACHE_HOME (or with a relative one, which the XDG spec says to
        // ignore) the cache is ~/.cache.
        for xdg in [nil, "relative/cache"] as [String?] {
            var env = ["PBIT_DATA_DIR": root.path("data")]
            env["XDG_CACHE_HOME"] = xdg
            #expect(try search(root, environment: env).locate(.mnist, directory: nil) == homeCache)
        }
        #expect(search(root, environment: ["XDG_CACHE_HOME": ""]).cacheDirectory(for: .fashionMnist)
                == root.path("home/.cache/pbit/datasets/fashion-mnist"))
    }

    /// One `$PBIT_DATA_DIR` serves both data sets through subdirectories named after them.
    @Test func environmentDirectoryWithSubdirectories() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        try writeTinyDataset(to: root.path("data/mnist"))
        try writeTinyDataset(to: root.path("data/fashion-mnist"))
        let searcher = search(root, environment: ["PBIT_DATA_DIR": root.path("data")])
        #expect(try searcher.locate(.mnist, directory: nil) == root.path("data/mnist"))
        #expect(try searcher.locate(.fashionMnist, directory: nil) == root.path("data/fashion-mnist"))
    }

    @Test func notFoundReportNamesEveryPlace() throws {
        let root = try TemporaryDirectory()
        defer { root.cleanup() }
        try root.makeDirectory("work")
        let partial = try root.makeDirectory("shared/datasets/mnist")
        try writeSplit(patternImages(count: 2), split: .train, to: partial, gzip: true)
        try writeSplit(patternImages(count: 2), split: .test, to: partial, gzip: false)
        try FileManager.default.removeItem(atPath: partial + "/t10k-labels-idx1-ubyte")

        let mnist = expectNotFound { _ = try search(root).locate(.mnist, directory: nil) }
        let lines = mnist.split(separator: "\n").map(String.init)
        #expect(lines.first == "MNIST data not found: no directory searched holds its four IDX files")
        #expect(lines.contains("  $PBIT_DATA_DIR: not set"))
        #expect(lines.contains("  \(root.path("home/.cache/pbit/datasets/mnist")) (cache): does not exist"))
        #expect(lines.contains("  \(partial) (../shared/datasets/mnist): missing t10k-labels-idx1-ubyte (plain or .gz)"))
        #expect(lines.contains("  \(root.path("system/mnist")): does not exist"))
        for file in Dataset.fileNames { #expect(mnist.contains(file)) }
        #expect(mnist.contains("--data DIR"))
        #expect(mnist.contains("public MNIST mirrors"))
        #expect(!mnist.contains("apt-get"))

        let env = ["PBIT_DATA_DIR": root.path("nowhere")]
        let fashion = expectNotFound { _ = try search(root, environment: env).locate(.fashionMnist, directory: nil) }
        #expect(fashion.hasPrefix("Fashion-MNIST data not found:"))
        #expect(fashion.contains("  \(root.path("nowhere/fashion-mnist")) ($PBIT_DATA_DIR/fashion-mnist): does not exist"))
        #expect(fashion.contains("  \(root.path("nowhere")) ($PBIT_DATA_DIR): does not exist"))
        #expect(fashion.contains("apt-get install dataset-fashion-mnist"))
    }

    /// The default well-known places are the ones documented.
    @Test func defaultWellKnownDirectories() {
        #expect(DatasetSearch.defaultWellKnownDirectories[.mnist] == ["../shared/datasets/mnist", "/usr/share/datasets/mnist"])
        #expect(DatasetSearch.defaultWellKnownDirectories[.fashionMnist] == ["/usr/share/datasets/fashion-mnist"])
    }

    /// Expects `body` to throw `DataError.datasetNotFound` and returns its report.
    @discardableResult
    func expectNotFound(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> String {
        guard let error = dataError(body), case .datasetNotFound = error else {
            Issue.record("expected DataError.datasetNotFound", sourceLocation: sourceLocation)
            return ""
        }
        return error.description
    }
}
