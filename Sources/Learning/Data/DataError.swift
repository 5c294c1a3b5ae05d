/// What went wrong while finding, reading, checking or writing a data set file.
///
/// A `file` error's `description` is one line that starts with the file or directory
/// concerned, so a message shown to a user on its own still says where to look.
/// `datasetNotFound` is a short report whose first line is the summary, followed by every
/// place looked and what to do. `zlib` concerns data in memory and names no file.
public enum DataError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A problem with one file or directory: its path and what is wrong with it.
    case file(path: String, message: String)
    /// No directory holding the data set's four files was found; `searched` is every place
    /// looked, in order, with what was found there.
    case datasetNotFound(DatasetName, searched: [SearchedPlace])
    /// zlib itself failed (it could not allocate its state, say) while working on data held in
    /// memory, so there is no file to name.
    case zlib(operation: String, code: Int32)

    public var description: String {
        switch self {
        case .file(let path, let message):
            return "\(path): \(message)"
        case .datasetNotFound(let name, let searched):
            return DatasetSearch.notFoundReport(name, searched: searched)
        case .zlib(let operation, let code):
            return "zlib \(operation) failed with error \(code)"
        }
    }
}

/// One place the data set search looked, for the report when nothing was found.
public struct SearchedPlace: Equatable, Sendable {
    /// The directory (absolute), or a description such as `$PBIT_DATA_DIR` when it is unset.
    public let place: String
    /// What was there: "does not exist", "missing t10k-labels-idx1-ubyte", "not set", ...
    public let finding: String

    public init(place: String, finding: String) {
        self.place = place
        self.finding = finding
    }
}
