import Foundation
import Topologies

/// An n-dimensional array of unsigned bytes as stored in an IDX file.
public struct IDXArray: Equatable, Sendable {
    /// The sizes, outermost first (for MNIST images: count, rows, columns).
    public var dimensions: [Int]
    /// The elements in row-major order (last dimension fastest); `dimensions` multiplied.
    public var bytes: [UInt8]

    public init(dimensions: [Int], bytes: [UInt8]) {
        self.dimensions = dimensions
        self.bytes = bytes
    }
}

/// Reads and writes IDX files, the format of MNIST and Fashion-MNIST
/// (LeCun et al., http://yann.lecun.com/exdb/mnist/).
///
/// Layout, all integers big-endian:
///
///     00 00            magic: two zero bytes
///     TT               element type; 0x08 = unsigned byte (the only one supported here)
///     NN               number of dimensions
///     NN × UInt32      the dimensions, outermost first
///     ...              the elements, row-major, product(dimensions) × element size
///
/// Only unsigned bytes are supported because that is all the image and label files use; the
/// other types (0x09 signed byte, 0x0B short, 0x0C int, 0x0D float, 0x0E double) are
/// rejected by name. Files may be gzip-compressed; that is detected from the content.
public enum IDXFile {
    /// The type byte of unsigned-byte data.
    public static let unsignedByteType: UInt8 = 0x08
    /// Allowed numbers of dimensions: labels have 1, images 3; 4 leaves room for channels.
    public static let dimensionCountRange = 1...4
    /// The most elements an array may have: 2^31, far above MNIST's 47 million, and small
    /// enough that no product of dimensions can overflow on the way.
    public static let maximumElementCount = 1 << 31

    /// Reads and parses an IDX file, gzip-compressed or not.
    public static func read(path: String) throws(DataError) -> IDXArray {
        try parse(readContents(path: path), path: path)
    }

    /// The bytes of an IDX file, decompressed when they start with the gzip magic. This is
    /// what the data set digests are computed over, so they do not depend on how (or
    /// whether) a file was compressed.
    public static func readContents(path: String) throws(DataError) -> Data {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .file(path: path, message: "no such file")
        }
        guard !isDirectory.boolValue else { throw .file(path: path, message: "is a directory, not a file") }
        let raw: Data
        do {
            raw = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw .file(path: path, message: "cannot read: \(error.localizedDescription)")
        }
        return Gzip.isGzip(raw) ? try Gzip.decompress(raw, path: path) : raw
    }

    /// Parses the (decompressed) bytes of an IDX file.
    ///
    /// - Parameter path: names the file in error messages only.
    /// - Throws: `DataError.file` for a wrong magic, an unsupported type, a dimension count
    ///   outside 1...4, a zero dimension, too many elements, a header or data shorter than
    ///   it says, or bytes after the data.
    public static func parse(_ data: Data, path: String) throws(DataError) -> IDXArray {
        let result: Result<IDXArray, DataError> = data.withUnsafeBytes { bytes in
            Result { () throws(DataError) -> IDXArray in try parse(bytes, path: path) }
        }
        return try result.get()
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer, path: String) throws(DataError) -> IDXArray {
        guard bytes.count >= 4 else {
            throw .file(path: path, message: "truncated header: an IDX file starts with 4 bytes, found \(bytes.count)")
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw .file(
                path: path,
                message: "is not an IDX file: it must start with bytes 00 00, found \(hex(bytes[0])) \(hex(bytes[1]))")
        }
        guard bytes[2] == unsignedByteType else {
            throw .file(
                path: path,
                message: "unsupported IDX element type \(typeDescription(bytes[2])); only 0x08 (unsigned byte) is supported")
        }
        let dimensionCount = Int(bytes[3])
        guard dimensionCountRange.contains(dimensionCount) else {
            throw .file(path: path, message: "unsupported dimension count \(dimensionCount); expected 1 to 4")
        }
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else {
            throw .file(
                path: path,
                message: "truncated header: \(dimensionCount) dimensions need a \(headerSize)-byte header, found \(bytes.count) bytes")
        }
        var dimensions: [Int] = []
        for i in 0..<dimensionCount {
            let offset = 4 + 4 * i
            dimensions.append(
                Int(bytes[offset]) << 24 | Int(bytes[offset + 1]) << 16
                    | Int(bytes[offset + 2]) << 8 | Int(bytes[offset + 3]))
        }
        let elementCount = try checkedElementCount(dimensions, path: path)
        let available = bytes.count - headerSize
        guard available >= elementCount else {
            throw .file(
                path: path,
                message: "truncated data: dimensions \(shape(dimensions)) need \(elementCount) bytes after the header, found \(available)")
        }
        guard available == elementCount else {
            throw .file(
                path: path,
                message: "has \(plural(available - elementCount, "trailing byte")) after the \(plural(elementCount, "byte")) of data")
        }
        return IDXArray(dimensions: dimensions, bytes: Array(bytes[headerSize...]))
    }

    /// The bytes of an IDX file holding `array` (uncompressed).
    ///
    /// - Parameter path: names the file in error messages only.
    /// - Throws: `DataError.file` when the dimensions break the rules `parse` checks, or do
    ///   not multiply to `array.bytes.count`.
    public static func encode(_ array: IDXArray, path: String) throws(DataError) -> Data {
        guard dimensionCountRange.contains(array.dimensions.count) else {
            throw .file(path: path, message: "cannot write \(array.dimensions.count) dimensions; expected 1 to 4")
        }
        guard array.dimensions.allSatisfy({ $0 <= Int(UInt32.max) }) else {
            throw .file(
                path: path,
                message: "cannot write dimensions \(shape(array.dimensions)): each must fit in 32 bits")
        }
        let elementCount = try checkedElementCount(array.dimensions, path: path)
        guard elementCount == array.bytes.count else {
            throw .file(
                path: path,
                message: "cannot write: dimensions \(shape(array.dimensions)) need \(elementCount) bytes, the array has \(array.bytes.count)")
        }
        var data = Data(capacity: 4 + 4 * array.dimensions.count + elementCount)
        data.append(contentsOf: [0, 0, unsignedByteType, UInt8(array.dimensions.count)])
        for dimension in array.dimensions {
            let value = UInt32(dimension)
            data.append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
        }
        data.append(contentsOf: array.bytes)
        return data
    }

    /// Writes `array` to `path`, gzip-compressed when `gzip` is true. The file appears
    /// whole or not at all: the bytes go to a temporary name in the same directory, which is
    /// then renamed over `path`.
    public static func write(_ array: IDXArray, to path: String, gzip: Bool) throws(DataError) {
        let plain = try encode(array, path: path)
        let contents = gzip ? try Gzip.compress(plain) : plain
        do {
            try AtomicFile.write(contents, to: path)
        } catch {
            throw .file(path: error.path, message: error.message)
        }
    }

    /// The product of `dimensions`, after checking that none is zero and that the product is
    /// at most `maximumElementCount`.
    private static func checkedElementCount(_ dimensions: [Int], path: String) throws(DataError) -> Int {
        var product = 1
        for (index, dimension) in dimensions.enumerated() {
            guard dimension > 0 else {
                throw .file(
                    path: path,
                    message: "dimension \(index + 1) of \(dimensions.count) is zero (dimensions \(shape(dimensions)))")
            }
            let (next, overflow) = product.multipliedReportingOverflow(by: dimension)
            guard !overflow, next <= maximumElementCount else {
                throw .file(path: path, message: "dimensions \(shape(dimensions)) hold more than 2^31 elements")
            }
            product = next
        }
        return product
    }

    private static func plural(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    private static func shape(_ dimensions: [Int]) -> String {
        dimensions.map(String.init).joined(separator: "×")
    }

    private static func hex(_ byte: UInt8) -> String {
        let text = String(byte, radix: 16)
        return text.count == 1 ? "0" + text : text
    }

    private static func typeDescription(_ type: UInt8) -> String {
        let names: [UInt8: String] = [0x09: "signed byte", 0x0B: "short", 0x0C: "int", 0x0D: "float", 0x0E: "double"]
        return "0x" + hex(type) + (names[type].map { " (\($0))" } ?? "")
    }
}
