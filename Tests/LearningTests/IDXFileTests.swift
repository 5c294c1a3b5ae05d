import Foundation
import Learning
import Testing

struct IDXFileTests {
    static let shapes: [[Int]] = [[1], [10], [3, 4], [5, 28, 28], [2, 3, 4, 5], [1, 1, 1, 1]]

    @Test(arguments: shapes, [false, true])
    func roundTripThroughFile(dimensions: [Int], gzip: Bool) throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let count = dimensions.reduce(1, *)
        let array = IDXArray(dimensions: dimensions, bytes: (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 37) })
        let path = directory.path("array.idx" + (gzip ? ".gz" : ""))
        try IDXFile.write(array, to: path, gzip: gzip)

        let raw = try #require(FileManager.default.contents(atPath: path))
        #expect(Gzip.isGzip(raw) == gzip)
        #expect(try IDXFile.read(path: path) == array)
        // The temporary file of the atomic write is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [(path as NSString).lastPathComponent])
    }

    /// The encoded header is exactly the IDX layout: 00 00 08 NN, big-endian dimensions.
    @Test func encodedLayout() throws {
        let data = try IDXFile.encode(IDXArray(dimensions: [2, 258], bytes: Array(repeating: 9, count: 516)), path: "x")
        #expect(Array(data.prefix(12)) == [0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 1, 2])
        #expect(data.count == 12 + 516)
    }

    @Test func overwritesExistingFileAtomically() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path("labels")
        try IDXFile.write(IDXArray(dimensions: [3], bytes: [1, 2, 3]), to: path, gzip: false)
        try IDXFile.write(IDXArray(dimensions: [2], bytes: [4, 5]), to: path, gzip: true)
        #expect(try IDXFile.read(path: path) == IDXArray(dimensions: [2], bytes: [4, 5]))
    }

    /// Malformed contents, each with the phrase its message must contain.
    static let malformed: [(name: String, bytes: [UInt8], phrase: String)] = [
        ("bad magic", [0x50, 0x4B, 0x08, 0x01, 0, 0, 0, 1, 5], "is not an IDX file: it must start with bytes 00 00, found 50 4b"),
        ("float type", idxHeader([1], type: 0x0D) + [0, 0, 0, 0], "unsupported IDX element type 0x0d (float)"),
        ("unknown type", idxHeader([1], type: 0x42) + [0], "unsupported IDX element type 0x42; only 0x08"),
        ("zero dimensions", [0, 0, 0x08, 0], "unsupported dimension count 0; expected 1 to 4"),
        ("five dimensions", idxHeader([1, 1, 1, 1, 1]) + [0], "unsupported dimension count 5"),
        ("empty file", [], "truncated header: an IDX file starts with 4 bytes, found 0"),
        ("short header", [0, 0, 0x08, 3, 0, 0, 0, 2], "truncated header: 3 dimensions need a 16-byte header, found 8 bytes"),
        ("zero dimension", idxHeader([2, 0]), "dimension 2 of 2 is zero"),
        ("overflowing dimensions", idxHeader([0xFFFF_FFFF, 0xFFFF_FFFF, 0xFFFF_FFFF]), "hold more than 2^31 elements"),
        ("just over 2^31", idxHeader([0x8000_0000, 2]), "hold more than 2^31 elements"),
        ("truncated data", idxHeader([2, 3]) + [1, 2, 3, 4, 5], "truncated data: dimensions 2×3 need 6 bytes after the header, found 5"),
        ("trailing bytes", idxHeader([2]) + [1, 2, 3], "has 1 trailing byte after the 2 bytes of data"),
    ]

    @Test(arguments: malformed)
    func rejectsMalformedContents(_ testCase: (name: String, bytes: [UInt8], phrase: String)) {
        expectDataError(testCase.phrase, path: testCase.name) {
            _ = try IDXFile.parse(Data(testCase.bytes), path: testCase.name)
        }
    }

    /// The same checks apply after decompression, and a bad gzip wrapper is reported as such.
    @Test func malformedFiles() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }

        let truncated = directory.path("truncated.gz")
        try Gzip.compress(Data(idxHeader([4]) + [1, 2])).write(to: URL(fileURLWithPath: truncated))
        expectDataError("truncated data", path: truncated) { _ = try IDXFile.read(path: truncated) }

        let corrupt = directory.path("corrupt.gz")
        var bytes = [UInt8](try Gzip.compress(Data(idxHeader([64]) + Array(repeating: 3, count: 64))))
        for i in 10..<min(16, bytes.count) { bytes[i] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: corrupt))
        expectDataError("is not valid gzip data", path: corrupt) { _ = try IDXFile.read(path: corrupt) }

        let missing = directory.path("missing")
        expectDataError("no such file", path: missing) { _ = try IDXFile.read(path: missing) }
        expectDataError("is a directory", path: directory.path) { _ = try IDXFile.read(path: directory.path) }
    }

    @Test func refusesToWriteInconsistentArrays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanup() }
        let path = directory.path("bad.idx")
        expectDataError("need 6 bytes, the array has 5", path: path) {
            try IDXFile.write(IDXArray(dimensions: [2, 3], bytes: [1, 2, 3, 4, 5]), to: path, gzip: false)
        }
        expectDataError("cannot write 0 dimensions", path: path) {
            try IDXFile.write(IDXArray(dimensions: [], bytes: []), to: path, gzip: false)
        }
        expectDataError("is zero", path: path) {
            try IDXFile.write(IDXArray(dimensions: [0], bytes: []), to: path, gzip: true)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
        let nowhere = directory.path("no/such/dir/file.idx")
        expectDataError("cannot write", path: nowhere) {
            try IDXFile.write(IDXArray(dimensions: [1], bytes: [1]), to: nowhere, gzip: false)
        }
    }
}
