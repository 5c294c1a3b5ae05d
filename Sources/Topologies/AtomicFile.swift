import Foundation

/// Writes files so that readers never see a half-written one: the bytes go to a temporary
/// name in the same directory, which is renamed over the target when complete.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(FileError) {
        let url = URL(fileURLWithPath: path)
        let dir = url.deletingLastPathComponent()
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try data.write(to: tmp)
        } catch {
            // A failed write (disk full, say) can leave a partial temporary file behind.
            try? FileManager.default.removeItem(at: tmp)
            throw FileError(path: path, message: "cannot write: \(error.localizedDescription)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw FileError(path: path, message: "cannot write: \(reason)")
        }
    }

    public static func write(_ text: String, to path: String) throws(FileError) {
        try write(Data(text.utf8), to: path)
    }

    /// Reads a whole file as UTF-8 text.
    public static func readText(_ path: String) throws(FileError) -> String {
        guard FileManager.default.fileExists(atPath: path) else {
            throw FileError(path: path, message: "no such file")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(path: path, message: "cannot read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileError(path: path, message: "not a UTF-8 text file")
        }
        return text
    }
}

/// A problem with a file, named by its path and, where known, its line.
public struct FileError: Error, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int?
    public let message: String

    public init(path: String, line: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(path):\(line): \(message)" }
        return "\(path): \(message)"
    }
}
