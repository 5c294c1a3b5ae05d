import Foundation

/// Where the data set files are looked for, and in which order.
///
/// 1. An explicit directory (the `--data` option), alone: the files directly in it, or in a
///    subdirectory named after the data set (`DIR/mnist`). If neither holds them, that is an
///    error naming the directory and the missing files; nothing else is tried, so a typo in
///    `--data` never silently trains on other data.
/// 2. `$PBIT_DATA_DIR/<name>`, then `$PBIT_DATA_DIR` itself, so one variable can serve both
///    data sets (`$PBIT_DATA_DIR/mnist`, `$PBIT_DATA_DIR/fashion-mnist`) or hold one directly.
/// 3. The cache, `$XDG_CACHE_HOME/pbit/datasets/<name>` (default `~/.cache/pbit/datasets/<name>`).
/// 4. Well-known places: for MNIST `../shared/datasets/mnist` (relative to the current
///    directory; where this project's shared data sits beside the checkout) and
///    `/usr/share/datasets/mnist`; for Fashion-MNIST `/usr/share/datasets/fashion-mnist`,
///    where Debian's `dataset-fashion-mnist` package installs it.
///
/// The environment, the current and home directories and the well-known places are values
/// here rather than read inside `locate`, so tests can search temporary directories without
/// changing the process environment (which other tests, running in parallel, would see).
public struct DatasetSearch: Sendable {
    /// The environment variable naming a data directory.
    public static let environmentVariable = "PBIT_DATA_DIR"

    /// The well-known places of step 4; relative paths are taken from `currentDirectory`.
    public static let defaultWellKnownDirectories: [DatasetName: [String]] = [
        .mnist: ["../shared/datasets/mnist", "/usr/share/datasets/mnist"],
        .fashionMnist: ["/usr/share/datasets/fashion-mnist"],
    ]

    public var environment: [String: String]
    public var currentDirectory: String
    public var homeDirectory: String
    public var wellKnownDirectories: [DatasetName: [String]]

    public init(
        environment: [String: String], currentDirectory: String, homeDirectory: String,
        wellKnownDirectories: [DatasetName: [String]] = DatasetSearch.defaultWellKnownDirectories
    ) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.homeDirectory = homeDirectory
        self.wellKnownDirectories = wellKnownDirectories
    }

    /// The search as this process sees it: its environment, current and home directories.
    public static func current() -> DatasetSearch {
        let environment = ProcessInfo.processInfo.environment
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return DatasetSearch(
            environment: environment, currentDirectory: FileManager.default.currentDirectoryPath,
            homeDirectory: home)
    }

    /// The cache directory of `name` (step 3). A relative `XDG_CACHE_HOME` is ignored, as the
    /// XDG Base Directory specification asks.
    public func cacheDirectory(for name: DatasetName) -> String {
        var base = homeDirectory + "/.cache"
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { base = xdg }
        return absolute(base + "/pbit/datasets/" + name.rawValue)
    }

    /// The directory holding the four files of `name`, absolute.
    ///
    /// - Throws: `DataError.file` when `directory` is given and holds no complete data set;
    ///   `DataError.datasetNotFound`, listing every place looked, when nothing is found.
    public func locate(_ name: DatasetName, directory: String?) throws(DataError) -> String {
        if let directory {
            let given = absolute(directory)
            let direct = Self.inspect(given)
            if direct.found { return given }
            let nested = given + "/" + name.rawValue
            if Self.inspect(nested).found { return nested }
            throw .file(path: given, message: "cannot load \(name.displayName) from this directory: \(direct.finding)")
        }
        var searched: [SearchedPlace] = []
        for (path, source) in candidates(for: name) {
            guard let path else {
                searched.append(SearchedPlace(place: source, finding: "not set"))
                continue
            }
            let result = Self.inspect(path)
            if result.found { return path }
            let place = source.isEmpty || source == path ? path : "\(path) (\(source))"
            searched.append(SearchedPlace(place: place, finding: result.finding))
        }
        throw .datasetNotFound(name, searched: searched)
    }

    /// Steps 2 to 4 in order: each directory (nil where the variable is unset) and where it
    /// came from. Paths are absolute; repeats are dropped.
    func candidates(for name: DatasetName) -> [(path: String?, source: String)] {
        var list: [(path: String?, source: String)] = []
        let variable = "$" + Self.environmentVariable
        if let root = environment[Self.environmentVariable], !root.isEmpty {
            list.append((absolute(root + "/" + name.rawValue), "\(variable)/\(name.rawValue)"))
            list.append((absolute(root), variable))
        } else {
            list.append((nil, variable))
        }
        list.append((cacheDirectory(for: name), "cache"))
        for place in wellKnownDirectories[name] ?? [] {
            list.append((absolute(place), place))
        }
        var seen = Set<String>()
        return list.filter { entry in
            guard let path = entry.path else { return true }
            return seen.insert(path).inserted
        }
    }

    /// `path` made absolute: `~/` expanded, relative paths taken from `currentDirectory`,
    /// `.` and `..` resolved.
    func absolute(_ path: String) -> String {
        var expanded = path
        if path == "~" {
            expanded = homeDirectory
        } else if path.hasPrefix("~/") {
            expanded = homeDirectory + path.dropFirst(1)
        }
        if !expanded.hasPrefix("/") { expanded = currentDirectory + "/" + expanded }
        return URL(fileURLWithPath: expanded).standardized.path
    }

    /// Whether `directory` holds all four files (each plain or `.gz`), and if not, why.
    static func inspect(_ directory: String) -> (found: Bool, finding: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            return (false, "does not exist")
        }
        guard isDirectory.boolValue else { return (false, "is not a directory") }
        let missing = Dataset.fileNames.filter { Dataset.file($0, in: directory) == nil }
        if missing.isEmpty { return (true, "holds the data") }
        if missing.count == Dataset.fileNames.count { return (false, "holds none of the four files") }
        return (false, "missing \(missing.joined(separator: ", ")) (plain or .gz)")
    }

    /// The message when nothing was found: a one-line summary, the places looked, what to do.
    static func notFoundReport(_ name: DatasetName, searched: [SearchedPlace]) -> String {
        let files = Dataset.fileNames
        var lines = [
            "\(name.displayName) data not found: no directory searched holds its four IDX files",
            "Searched, in order:",
        ]
        lines += searched.map { "  \($0.place): \($0.finding)" }
        lines.append(
            "To fix this, put \(files[0]), \(files[1]), \(files[2]) and \(files[3]) (each plain or gzip-compressed "
                + "with .gz added) into one of the directories above, or into a directory named by $\(environmentVariable) "
                + "(or its subdirectory \(name.rawValue)/), or pass --data DIR.")
        switch name {
        case .mnist:
            lines.append(
                "The standard public MNIST mirrors hold these four .gz files (for example "
                    + "https://ossci-datasets.s3.amazonaws.com/mnist/); there is no need to unpack them.")
        case .fashionMnist:
            lines.append(
                "On Debian or Ubuntu, `apt-get install dataset-fashion-mnist` installs them into "
                    + "/usr/share/datasets/fashion-mnist, which is searched; they are also in the Fashion-MNIST "
                    + "repository (github.com/zalandoresearch/fashion-mnist, folder data/fashion).")
        }
        return lines.joined(separator: "\n")
    }
}
