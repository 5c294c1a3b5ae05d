import Foundation
import Testing
import Topologies

/// Malformed Matrix Market input: every case must throw a `FileError` whose description
/// names the file, the line where there is one, and says what is wrong.
@Suite("Matrix Market malformed input")
struct MatrixMarketErrorTests {
    enum Reader: Sendable { case symmetric, vector }

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let reader: Reader
        let text: String
        /// A phrase the message must contain.
        let phrase: String
        /// The line the error must point at (nil: the whole file).
        let line: Int?
        var testDescription: String { name }

        init(_ name: String, _ reader: Reader, _ text: String, phrase: String, line: Int?) {
            self.name = name
            self.reader = reader
            self.text = text
            self.phrase = phrase
            self.line = line
        }

        init(_ name: String, _ text: String, phrase: String, line: Int?) {
            self.init(name, .symmetric, text, phrase: phrase, line: line)
        }
    }

    static let fakePath = "/no/such/dir/input-file.mtx"

    static let pattern = "%%MatrixMarket matrix coordinate pattern symmetric\n"
    static let real = "%%MatrixMarket matrix coordinate real symmetric\n"
    static let general = "%%MatrixMarket matrix coordinate real general\n"
    static let array = "%%MatrixMarket matrix array real general\n"

    static let cases: [Case] = [
        // Header
        Case("empty file", "", phrase: "empty file: expected a '%%MatrixMarket' header", line: nil),
        Case("missing banner", "3 3 1\n2 1\n",
             phrase: "not a Matrix Market file: the first line must start with '%%MatrixMarket'", line: 1),
        Case("banner not on the first line", "% comment\n" + pattern + "3 3 1\n2 1\n",
             phrase: "not a Matrix Market file", line: 1),
        Case("header with too few words", "%%MatrixMarket matrix coordinate pattern\n3 3 0\n",
             phrase: "header must be '%%MatrixMarket matrix FORMAT FIELD SYMMETRY'", line: 1),
        Case("header for a vector object", "%%MatrixMarket vector coordinate pattern symmetric\n3 3 0\n",
             phrase: "header must be '%%MatrixMarket matrix FORMAT FIELD SYMMETRY'", line: 1),
        Case("unsupported format", "%%MatrixMarket matrix sparse pattern symmetric\n3 3 0\n",
             phrase: "unsupported format 'sparse'", line: 1),
        Case("unsupported field (complex)", "%%MatrixMarket matrix coordinate complex symmetric\n3 3 1\n2 1 1 0\n",
             phrase: "unsupported field 'complex'", line: 1),
        Case("unsupported symmetry (hermitian)", "%%MatrixMarket matrix coordinate real hermitian\n3 3 1\n2 1 1\n",
             phrase: "unsupported symmetry 'hermitian'", line: 1),
        Case("unsupported symmetry (skew-symmetric)", "%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 1\n2 1 1\n",
             phrase: "unsupported symmetry 'skew-symmetric'", line: 1),
        Case("array where coordinate is needed", array + "3 1\n1\n2\n3\n",
             phrase: "expected a 'coordinate' matrix, found 'array'", line: 1),
        // Size line
        Case("no size line", pattern + "% only comments\n",
             phrase: "truncated: no size line after the header", line: nil),
        Case("size line with two numbers", pattern + "3 3\n2 1\n",
             phrase: "size line must be 'rows columns entries', found '3 3'", line: 2),
        Case("size line with a word", pattern + "% c\nthree 3 1\n2 1\n",
             phrase: "size line must be 'rows columns entries', found 'three 3 1'", line: 3),
        Case("non-square", pattern + "3 4 1\n2 1\n", phrase: "matrix must be square, found 3×4", line: 2),
        Case("negative size", pattern + "-3 -3 0\n", phrase: "sizes must not be negative", line: 2),
        Case("negative entry count", pattern + "3 3 -1\n", phrase: "sizes must not be negative", line: 2),
        Case("size beyond Int32", pattern + "4294967296 4294967296 0\n",
             phrase: "size 4294967296 exceeds the largest supported", line: 2),
        // Entries
        Case("index 0", pattern + "3 3 1\n0 1\n", phrase: "index (0, 1) is outside 1...3", line: 3),
        Case("index n+1", pattern + "3 3 2\n2 1\n4 1\n", phrase: "index (4, 1) is outside 1...3", line: 4),
        Case("column index n+1", pattern + "3 3 1\n1 4\n", phrase: "index (1, 4) is outside 1...3", line: 3),
        Case("non-integer index", pattern + "3 3 1\n2.5 1\n",
             phrase: "indices must be integers, found '2.5 1'", line: 3),
        Case("word as index", pattern + "3 3 1\ntwo one\n", phrase: "indices must be integers", line: 3),
        Case("self-loop (diagonal entry)", pattern + "3 3 2\n2 1\n2 2\n",
             phrase: "diagonal entry (2, 2): self-loops are not allowed", line: 4),
        Case("duplicate entry", pattern + "3 3 3\n2 1\n3 1\n2 1\n",
             phrase: "duplicate entry (2, 1), first given on line 3", line: 5),
        Case("both triangles in a symmetric file", pattern + "3 3 2\n2 1\n1 2\n",
             phrase: "duplicate entry (1, 2), first given on line 3", line: 4),
        Case("duplicate entry in a general file", general + "3 3 3\n2 1 1\n1 2 1\n2 1 1\n",
             phrase: "duplicate entry (2, 1), first given on line 3", line: 5),
        Case("asymmetric entries in a general file", general + "3 3 2\n2 1 0.5\n1 2 0.25\n",
             phrase: "asymmetric entries: (1, 2) = 0.25 but (2, 1) = 0.5 on line 3", line: 4),
        Case("NaN value", real + "3 3 1\n2 1 nan\n", phrase: "value 'nan' is not finite", line: 3),
        Case("inf value", real + "3 3 2\n2 1 1\n3 1 inf\n", phrase: "value 'inf' is not finite", line: 4),
        Case("-infinity value", real + "3 3 1\n2 1 -infinity\n", phrase: "value '-infinity' is not finite", line: 3),
        Case("overflowing value", real + "3 3 1\n2 1 1e400\n", phrase: "value '1e400' is not finite", line: 3),
        Case("truncated (fewer entries than declared)", pattern + "3 3 3\n2 1\n3 1\n",
             phrase: "truncated: 2 entries found, 3 declared", line: nil),
        Case("huge declared entry count", pattern + "3 3 9223372036854775807\n2 1\n",
             phrase: "truncated: 1 entries found, 9223372036854775807 declared", line: nil),
        Case("too many entries", pattern + "3 3 1\n2 1\n3 1\n",
             phrase: "more entries than the 1 declared on the size line", line: 4),
        Case("missing value in a real file", real + "3 3 1\n2 1\n",
             phrase: "expected 'row column value', found '2 1'", line: 3),
        Case("value in a pattern file", pattern + "3 3 1\n2 1 0.5\n",
             phrase: "expected 'row column', found '2 1 0.5'", line: 3),
        Case("non-numeric value in a real file", real + "3 3 1\n2 1 abc\n",
             phrase: "value 'abc' is not a valid real number", line: 3),
        Case("fraction in an integer file", "%%MatrixMarket matrix coordinate integer symmetric\n3 3 1\n2 1 1.5\n",
             phrase: "value '1.5' is not a valid integer number", line: 3),
        // Vectors
        Case("plain vector with a non-numeric value", .vector, "1.0\n-2\nabc\n",
             phrase: "'abc' is not a number", line: 3),
        Case("plain vector with two columns", .vector, "1 2\n3 4\n",
             phrase: "'1 2' is not a number", line: 1),
        Case("plain vector with inf", .vector, "1\ninf\n", phrase: "value 'inf' is not finite", line: 2),
        Case("array vector with NaN", .vector, array + "2 1\n1\nNaN\n", phrase: "value 'NaN' is not finite", line: 4),
        Case("array vector with two columns", .vector, array + "3 2\n1\n2\n3\n4\n5\n6\n",
             phrase: "expected a single row or column, found 3×2", line: 2),
        Case("array vector with huge sizes", .vector, array + "4611686018427387904 4\n",
             phrase: "expected a single row or column, found 4611686018427387904×4", line: 2),
        Case("array vector beyond Int32", .vector, array + "4294967296 1\n1\n",
             phrase: "size 4294967296 exceeds the largest supported", line: 2),
        Case("array vector truncated", .vector, array + "3 1\n1\n2\n",
             phrase: "truncated: 2 values found, 3 declared", line: nil),
        Case("array vector with too many values", .vector, array + "2 1\n1\n2\n3\n",
             phrase: "more values than the 2 declared", line: 5),
        Case("array vector with a bad size line", .vector, array + "2\n1\n2\n",
             phrase: "malformed size line '2'", line: 2),
        Case("array vector with a negative size", .vector, array + "-2 1\n",
             phrase: "malformed size line '-2 1'", line: 2),
        Case("pattern vector", .vector, "%%MatrixMarket matrix coordinate pattern general\n3 1 1\n2 1\n",
             phrase: "a vector needs values, not 'pattern'", line: 1),
        Case("coordinate vector with an out-of-range entry", .vector,
             "%%MatrixMarket matrix coordinate real general\n3 1 1\n4 1 0.5\n",
             phrase: "malformed or out-of-range entry '4 1 0.5'", line: 3),
        Case("coordinate vector truncated", .vector,
             "%%MatrixMarket matrix coordinate real general\n3 1 2\n1 1 0.5\n",
             phrase: "truncated: 1 entries found, 2 declared", line: nil),
        Case("coordinate vector with too many entries", .vector,
             "%%MatrixMarket matrix coordinate real general\n3 1 1\n1 1 0.5\n2 1 1\n",
             phrase: "more entries than the 1 declared", line: 4),
        Case("vector file with a hermitian header", .vector,
             "%%MatrixMarket matrix array real hermitian\n2 1\n1\n2\n",
             phrase: "unsupported symmetry 'hermitian'", line: 1),
    ]

    @Test("malformed input throws FileError naming the file and the problem", arguments: cases)
    func malformed(_ c: Case) {
        let error = #expect(throws: FileError.self) {
            switch c.reader {
            case .symmetric: _ = try MatrixMarket.parseSymmetric(c.text, path: Self.fakePath)
            case .vector: _ = try MatrixMarket.parseVector(c.text, path: Self.fakePath)
            }
        }
        guard let error else { return }
        #expect(error.path == Self.fakePath)
        #expect(error.line == c.line)
        #expect(error.message.contains(c.phrase), "message: \(error.message)")
        #expect(error.description.hasPrefix(Self.fakePath + (c.line.map { ":\($0): " } ?? ": ")))
        #expect(error.description.contains(c.phrase))
    }

    @Test("there are at least twelve kinds of malformed input")
    func enoughCases() {
        #expect(Self.cases.count >= 12)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }

    @Test("a nonexistent file throws FileError naming it")
    func nonexistentFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("missing.mtx")
        for read in [{ _ = try MatrixMarket.readGraph(path: path) },
                     { _ = try MatrixMarket.readSymmetric(path: path) },
                     { _ = try MatrixMarket.readVector(path: path) }] as [() throws -> Void] {
            let error = #expect(throws: FileError.self) { try read() }
            #expect(error == FileError(path: path, message: "no such file"))
            #expect(error?.description == "\(path): no such file")
        }
    }

    @Test("a directory given as the file throws FileError naming it")
    func directoryAsFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let error = #expect(throws: FileError.self) { try MatrixMarket.readGraph(path: dir.url.path) }
        #expect(error?.path == dir.url.path)
        #expect(error?.description.hasPrefix(dir.url.path) == true)
    }

    @Test("a malformed file on disk reports its real path and line")
    func malformedFileOnDisk() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("bad.mtx")
        try AtomicFile.write(Self.pattern + "3 3 1\n2 2\n", to: path)
        let error = #expect(throws: FileError.self) { try MatrixMarket.readGraph(path: path) }
        #expect(error?.description == "\(path):3: diagonal entry (2, 2): self-loops are not allowed")
    }

    @Test("a file that is not UTF-8 text throws FileError")
    func notText() throws {
        let dir = try TemporaryDirectory()
        defer { dir.cleanup() }
        let path = dir.path("binary.mtx")
        try AtomicFile.write(Data([0x25, 0x25, 0xFF, 0xFE, 0x00, 0xC3]), to: path)
        let error = #expect(throws: FileError.self) { try MatrixMarket.readSymmetric(path: path) }
        #expect(error == FileError(path: path, message: "not a UTF-8 text file"))
    }
}
