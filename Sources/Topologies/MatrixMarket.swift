import Foundation

/// Reading and writing Matrix Market files (NIST's text format for sparse matrices).
///
/// Graphs and coupling matrices are `coordinate` files with a `pattern`, `real` or `integer`
/// field and `symmetric` or `general` symmetry, indices 1-based. Bias vectors are `array`
/// files (one column) or plain text with one number per line. Everything a reader accepts is
/// checked: a header it understands, sizes, indices in range, no diagonal entries, the two
/// triangles agreeing, finite values and exactly the declared number of entries.
public enum MatrixMarket {
    /// One off-diagonal entry of a symmetric matrix, stored with `i < j` (0-based).
    public struct Entry: Sendable, Equatable {
        public var i: Int
        public var j: Int
        public var value: Double
        public init(i: Int, j: Int, value: Double) {
            self.i = i
            self.j = j
            self.value = value
        }
    }

    /// A symmetric matrix with zero diagonal, as the upper-triangle entry list.
    public struct SymmetricMatrix: Sendable, Equatable {
        public var size: Int
        /// Sorted by `(i, j)`, `i < j`, no duplicates.
        public var entries: [Entry]
        /// False for `pattern` files, whose values all read as 1.
        public var hasValues: Bool

        public init(size: Int, entries: [Entry], hasValues: Bool) {
            self.size = size
            self.entries = entries
            self.hasValues = hasValues
        }

        public func graph() -> SparseGraph {
            // Entries were range-checked and are off-diagonal.
            (try? SparseGraph(nodeCount: size, edges: entries.map { ($0.i, $0.j) })) ?? .empty
        }
    }

    /// Node indices are stored as `Int32` (see `SparseGraph`), which bounds every dimension.
    /// The largest matrix side accepted: 2²⁴ nodes, far beyond any p-bit chip, small enough
    /// that a size line alone cannot demand gigabytes.
    static let maxDimension = 1 << 24

    enum Field: String { case pattern, real, integer, double }
    enum Symmetry: String { case general, symmetric }
    enum Format: String { case coordinate, array }

    struct Header {
        var format: Format
        var field: Field
        var symmetry: Symmetry
    }

    // MARK: Reading

    /// Reads a coordinate file as a symmetric matrix (a graph when the field is `pattern`).
    public static func readSymmetric(path: String) throws(FileError) -> SymmetricMatrix {
        try parseSymmetric(AtomicFile.readText(path), path: path)
    }

    public static func readGraph(path: String) throws(FileError) -> SparseGraph {
        try readSymmetric(path: path).graph()
    }

    /// Reads a vector: a Matrix Market `array` file with one column (or one row), a
    /// `coordinate` file with one column, or plain text with one number per line.
    public static func readVector(path: String) throws(FileError) -> [Double] {
        try parseVector(AtomicFile.readText(path), path: path)
    }

    public static func parseSymmetric(_ text: String, path: String) throws(FileError) -> SymmetricMatrix {
        var lines = Lines(text)
        let header = try readHeader(&lines, path: path)
        guard header.format == .coordinate else {
            throw FileError(path: path, line: 1, message: "expected a 'coordinate' matrix, found 'array'")
        }
        guard let (sizeLine, sizeNumber) = lines.nextContent() else {
            throw FileError(path: path, message: "truncated: no size line after the header")
        }
        let dims = sizeLine.split(whereSeparator: \.isWhitespace)
        guard dims.count == 3, let rows = Int(dims[0]), let cols = Int(dims[1]), let nnz = Int(dims[2])
        else {
            throw FileError(path: path, line: sizeNumber,
                            message: "size line must be 'rows columns entries', found '\(sizeLine)'")
        }
        guard rows >= 0, cols >= 0, nnz >= 0 else {
            throw FileError(path: path, line: sizeNumber, message: "sizes must not be negative")
        }
        guard rows == cols else {
            throw FileError(path: path, line: sizeNumber,
                            message: "matrix must be square, found \(rows)×\(cols)")
        }
        guard rows <= maxDimension else {
            throw FileError(path: path, line: sizeNumber,
                            message: "size \(rows) exceeds the largest supported, \(maxDimension)")
        }
        var seen = [Int64: (value: Double, line: Int, transposed: Bool)]()
        // The declared count is not trusted for allocation: a bad size line must not crash.
        seen.reserveCapacity(min(nnz, 1 << 20))
        var count = 0
        let wantValue = header.field != .pattern
        while let (line, number) = lines.nextContent() {
            count += 1
            guard count <= nnz else {
                throw FileError(path: path, line: number,
                                message: "more entries than the \(nnz) declared on the size line")
            }
            let tokens = line.split(whereSeparator: \.isWhitespace)
            guard tokens.count == (wantValue ? 3 : 2) else {
                throw FileError(path: path, line: number,
                                message: "expected \(wantValue ? "'row column value'" : "'row column'"), found '\(line)'")
            }
            guard let r = Int(tokens[0]), let c = Int(tokens[1]) else {
                throw FileError(path: path, line: number, message: "indices must be integers, found '\(line)'")
            }
            guard r >= 1, r <= rows, c >= 1, c <= cols else {
                throw FileError(path: path, line: number,
                                message: "index (\(r), \(c)) is outside 1...\(rows)")
            }
            guard r != c else {
                throw FileError(path: path, line: number,
                                message: "diagonal entry (\(r), \(c)): self-loops are not allowed")
            }
            var value = 1.0
            if wantValue {
                let token = String(tokens[2])
                let parsed = header.field == .integer ? Int(token).map(Double.init) : parseReal(token)
                guard let v = parsed else {
                    throw FileError(path: path, line: number,
                                    message: "value '\(token)' is not a valid \(header.field.rawValue) number")
                }
                guard v.isFinite else {
                    throw FileError(path: path, line: number, message: "value '\(token)' is not finite")
                }
                value = v
            }
            let i = min(r, c) - 1, j = max(r, c) - 1
            let key = Int64(i) * Int64(rows) + Int64(j)
            let transposed = r < c
            if let previous = seen[key] {
                if header.symmetry == .symmetric || previous.transposed == transposed {
                    throw FileError(path: path, line: number,
                                    message: "duplicate entry (\(r), \(c)), first given on line \(previous.line)")
                }
                if previous.value != value {
                    throw FileError(path: path, line: number,
                                    message: "asymmetric entries: (\(r), \(c)) = \(value) but (\(c), \(r)) = \(previous.value) on line \(previous.line)")
                }
            } else {
                seen[key] = (value, number, transposed)
            }
        }
        guard count == nnz else {
            throw FileError(path: path, message: "truncated: \(count) entries found, \(nnz) declared")
        }
        var entries = seen.map { Entry(i: Int($0.key / Int64(rows)), j: Int($0.key % Int64(rows)), value: $0.value.value) }
        entries.sort { ($0.i, $0.j) < ($1.i, $1.j) }
        return SymmetricMatrix(size: rows, entries: entries, hasValues: wantValue)
    }

    public static func parseVector(_ text: String, path: String) throws(FileError) -> [Double] {
        var lines = Lines(text)
        if text.hasPrefix("%%") {
            let header = try readHeader(&lines, path: path)
            guard header.field != .pattern else {
                throw FileError(path: path, line: 1, message: "a vector needs values, not 'pattern'")
            }
            guard let (sizeLine, sizeNumber) = lines.nextContent() else {
                throw FileError(path: path, message: "truncated: no size line after the header")
            }
            let dims = sizeLine.split(whereSeparator: \.isWhitespace).map { Int($0) }
            let expected = header.format == .array ? 2 : 3
            guard dims.count == expected, dims.allSatisfy({ ($0 ?? -1) >= 0 }) else {
                throw FileError(path: path, line: sizeNumber, message: "malformed size line '\(sizeLine)'")
            }
            let rows = dims[0] ?? 0, cols = dims[1] ?? 0
            // No `rows * cols` here: it can overflow on a malformed size line.
            guard rows <= 1 || cols <= 1 else {
                throw FileError(path: path, line: sizeNumber,
                                message: "expected a single row or column, found \(rows)×\(cols)")
            }
            let n = min(rows, cols) == 0 ? 0 : max(rows, cols)
            guard n <= maxDimension else {
                throw FileError(path: path, line: sizeNumber,
                                message: "size \(n) exceeds the largest supported, \(maxDimension)")
            }
            var out: [Double] = []
            if header.format == .array {
                // Grown as values arrive, so a huge declared size cannot exhaust memory.
                out.reserveCapacity(min(n, 1 << 20))
                var k = 0
                while let (line, number) = lines.nextContent() {
                    guard k < n else {
                        throw FileError(path: path, line: number, message: "more values than the \(n) declared")
                    }
                    out.append(try value(line, path: path, line: number))
                    k += 1
                }
                guard k == n else {
                    throw FileError(path: path, message: "truncated: \(k) values found, \(n) declared")
                }
            } else {
                out = [Double](repeating: 0, count: n)
                let nnz = dims[2] ?? 0
                var k = 0
                while let (line, number) = lines.nextContent() {
                    k += 1
                    guard k <= nnz else {
                        throw FileError(path: path, line: number, message: "more entries than the \(nnz) declared")
                    }
                    let t = line.split(whereSeparator: \.isWhitespace)
                    guard t.count == 3, let r = Int(t[0]), let c = Int(t[1]),
                          r >= 1, r <= rows, c >= 1, c <= cols else {
                        throw FileError(path: path, line: number, message: "malformed or out-of-range entry '\(line)'")
                    }
                    out[max(r, c) - 1] = try value(String(t[2]), path: path, line: number)
                }
                guard k == nnz else {
                    throw FileError(path: path, message: "truncated: \(k) entries found, \(nnz) declared")
                }
            }
            return out
        }
        var out: [Double] = []
        while let (line, number) = lines.nextContent() {
            out.append(try value(line, path: path, line: number))
        }
        return out
    }

    static func value(_ token: String, path: String, line: Int) throws(FileError) -> Double {
        let t = token.trimmingCharacters(in: .whitespaces)
        guard let v = parseReal(t) else {
            throw FileError(path: path, line: line, message: "'\(t)' is not a number")
        }
        guard v.isFinite else {
            throw FileError(path: path, line: line, message: "value '\(t)' is not finite")
        }
        return v
    }

    /// Doubles as Matrix Market writes them; Swift's parser also takes "nan" and "inf",
    /// which the callers reject separately so the message can say why.
    static func parseReal(_ token: String) -> Double? { Double(token) }

    static func readHeader(_ lines: inout Lines, path: String) throws(FileError) -> Header {
        guard let (first, _) = lines.next() else {
            throw FileError(path: path, message: "empty file: expected a '%%MatrixMarket' header")
        }
        let words = first.lowercased().split(whereSeparator: \.isWhitespace).map(String.init)
        guard words.first == "%%matrixmarket" else {
            throw FileError(path: path, line: 1, message: "not a Matrix Market file: the first line must start with '%%MatrixMarket'")
        }
        guard words.count == 5, words[1] == "matrix" else {
            throw FileError(path: path, line: 1,
                            message: "header must be '%%MatrixMarket matrix FORMAT FIELD SYMMETRY', found '\(first)'")
        }
        guard let format = Format(rawValue: words[2]) else {
            throw FileError(path: path, line: 1, message: "unsupported format '\(words[2])' (coordinate or array)")
        }
        guard let field = Field(rawValue: words[3]) else {
            throw FileError(path: path, line: 1, message: "unsupported field '\(words[3])' (pattern, real or integer)")
        }
        guard let symmetry = Symmetry(rawValue: words[4]) else {
            throw FileError(path: path, line: 1, message: "unsupported symmetry '\(words[4])' (general or symmetric)")
        }
        return Header(format: format, field: field == .double ? .real : field, symmetry: symmetry)
    }

    // MARK: Writing

    /// Writes a graph as `coordinate pattern symmetric`, lower triangle, 1-based.
    public static func write(graph: SparseGraph, to path: String, comment: String? = nil) throws(FileError) {
        let m = SymmetricMatrix(size: graph.nodeCount,
                                entries: graph.edges.map { Entry(i: $0.0, j: $0.1, value: 1) },
                                hasValues: false)
        try write(m, to: path, comment: comment)
    }

    /// Writes a symmetric matrix as `coordinate (pattern|real) symmetric`, lower triangle.
    public static func write(_ m: SymmetricMatrix, to path: String, comment: String? = nil) throws(FileError) {
        try AtomicFile.write(format(m, comment: comment), to: path)
    }

    public static func format(_ m: SymmetricMatrix, comment: String? = nil) -> String {
        var s = "%%MatrixMarket matrix coordinate \(m.hasValues ? "real" : "pattern") symmetric\n"
        if let comment { for line in comment.split(separator: "\n") { s += "% \(line)\n" } }
        s += "\(m.size) \(m.size) \(m.entries.count)\n"
        s.reserveCapacity(s.utf8.count + m.entries.count * 24)
        for e in m.entries {
            if m.hasValues {
                s += "\(e.j + 1) \(e.i + 1) \(e.value)\n"
            } else {
                s += "\(e.j + 1) \(e.i + 1)\n"
            }
        }
        return s
    }

    /// Writes a vector as a Matrix Market `array real general` column.
    public static func write(vector: [Double], to path: String, comment: String? = nil) throws(FileError) {
        var s = "%%MatrixMarket matrix array real general\n"
        if let comment { for line in comment.split(separator: "\n") { s += "% \(line)\n" } }
        s += "\(vector.count) 1\n"
        for v in vector { s += "\(v)\n" }
        try AtomicFile.write(s, to: path)
    }
}

/// Line iterator that skips `%` comments and blank lines for content, numbering from 1.
struct Lines {
    private var iterator: Array<Substring>.Iterator
    private var number = 0

    init(_ text: String) {
        // Split on any line break: "\r\n" is a single Character in Swift, so splitting on "\n"
        // alone would leave a Windows (CRLF) file as one long line. An empty file has no
        // lines at all, so the header reader can say so.
        let lines = text.isEmpty
            ? [] : text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        iterator = lines.makeIterator()
    }

    /// The next raw line (for the header).
    mutating func next() -> (String, Int)? {
        guard let line = iterator.next() else { return nil }
        number += 1
        return (String(line.trimmingCharacters(in: .whitespacesAndNewlines)), number)
    }

    /// The next line that is neither blank nor a comment (`%` or `#`).
    mutating func nextContent() -> (String, Int)? {
        while let (line, n) = next() {
            if line.isEmpty || line.hasPrefix("%") || line.hasPrefix("#") { continue }
            return (line, n)
        }
        return nil
    }
}
