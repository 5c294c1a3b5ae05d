import Foundation
import Learning
import Topologies

/// The description in `rbm.json`: sizes, settings and the training log.
public struct RBMDescription: Codable, Sendable, Equatable {
    public var format = "pbit-rbm"
    public var version = 1
    public var pixels: Int
    public var classes: Int
    public var hidden: Int
    public var binarizeThreshold: Int
    public var epochsCompleted: Int
    public var training: RBMTrainingSettings?
    public var log: [RBMEpochRecord]
}

/// A saved `ClassRBM`: a directory with `rbm.json` (the description) and `weights.bin`
/// (little-endian: the 8-byte magic `PBITRBM1`, then `UInt32` visible, hidden and classes,
/// then `Float32` weights (visible × hidden, row-major), hidden biases, visible biases).
/// See docs/model-format.md. Both files are written to temporary names and renamed.
public enum RBMDirectory {
    public static let descriptionFile = "rbm.json"
    public static let weightsFile = "weights.bin"
    static let magic = Array("PBITRBM1".utf8)
    static let headerBytes = 8 + 3 * 4

    public static func save(_ model: ClassRBM, to dir: String, epochs: Int, training: RBMTrainingSettings?,
                            log: [RBMEpochRecord]) throws {
        do {
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        } catch {
            throw LearningError.file(path: dir, message: "cannot create the model directory: \(error.localizedDescription)")
        }
        try AtomicFile.write(encodeWeights(model), to: dir + "/" + weightsFile)
        let description = RBMDescription(
            pixels: model.pixels, classes: model.classes, hidden: model.hidden,
            binarizeThreshold: Int(model.binarizer.threshold), epochsCompleted: epochs, training: training, log: log)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // A log can hold no NaN (validated settings, measured times), but never fail a save over one.
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        try AtomicFile.write(try encoder.encode(description), to: dir + "/" + descriptionFile)
    }

    /// The model and its description. Every problem is one `LearningError.file` line naming the file.
    public static func load(_ dir: String) throws(LearningError) -> (model: ClassRBM, description: RBMDescription) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .file(path: dir, message: "no such model directory")
        }
        let jsonPath = dir + "/" + descriptionFile
        guard let json = FileManager.default.contents(atPath: jsonPath) else {
            throw .file(path: jsonPath, message: "missing or unreadable (an RBM model directory holds rbm.json and weights.bin)")
        }
        let d: RBMDescription
        do {
            d = try JSONDecoder().decode(RBMDescription.self, from: json)
        } catch {
            throw .file(path: jsonPath, message: "not a valid RBM description: \(oneLine(error))")
        }
        guard d.format == "pbit-rbm", d.version == 1 else {
            throw .file(path: jsonPath, message: "format \(d.format) version \(d.version) is not pbit-rbm version 1")
        }
        guard (0...255).contains(d.binarizeThreshold) else {
            throw .file(path: jsonPath, message: "binarizeThreshold must be between 0 and 255 (got \(d.binarizeThreshold))")
        }
        var model: ClassRBM
        do {
            model = try ClassRBM(pixels: d.pixels, classes: d.classes, hidden: d.hidden,
                                 binarizer: Binarizer(threshold: UInt8(d.binarizeThreshold)))
        } catch {
            throw .file(path: jsonPath, message: error.description)
        }
        let binPath = dir + "/" + weightsFile
        guard let data = FileManager.default.contents(atPath: binPath) else {
            throw .file(path: binPath, message: "missing or unreadable")
        }
        try decodeWeights(data, path: binPath, into: &model)
        return (model, d)
    }

    static func encodeWeights(_ m: ClassRBM) -> Data {
        var data = Data(magic)
        data.reserveCapacity(headerBytes + 4 * m.parameterCount)
        for n in [m.visible, m.hidden, m.classes] { withUnsafeBytes(of: UInt32(n).littleEndian) { data.append(contentsOf: $0) } }
        for array in [m.weights, m.hiddenBiases, m.visibleBiases] {
            let bits = array.map { $0.bitPattern.littleEndian }
            bits.withUnsafeBytes { data.append(contentsOf: $0) }
        }
        return data
    }

    static func decodeWeights(_ data: Data, path: String, into m: inout ClassRBM) throws(LearningError) {
        let bytes = [UInt8](data)
        guard bytes.count >= headerBytes else {
            throw .file(path: path, message: "truncated: \(bytes.count) bytes, shorter than the \(headerBytes)-byte header")
        }
        guard Array(bytes[0..<8]) == magic else {
            throw .file(path: path, message: "not an RBM weights file (the first 8 bytes are not PBITRBM1)")
        }
        func word(_ k: Int) -> Int {
            (0..<4).reduce(0) { $0 | Int(bytes[8 + 4 * k + $1]) << (8 * $1) }
        }
        let (v, h, c) = (word(0), word(1), word(2))
        guard v == m.visible, h == m.hidden, c == m.classes else {
            throw .file(path: path, message: "holds \(v) visible × \(h) hidden units with \(c) classes, but rbm.json says \(m.visible) × \(m.hidden) with \(m.classes)")
        }
        let expected = headerBytes + 4 * m.parameterCount
        guard bytes.count == expected else {
            throw .file(path: path, message: bytes.count < expected
                ? "truncated: \(bytes.count) bytes, expected \(expected)"
                : "\(bytes.count) bytes, expected \(expected) (data after the last value)")
        }
        var offset = headerBytes
        func read(_ count: Int, _ what: String) throws(LearningError) -> [Float] {
            var out = [Float](repeating: 0, count: count)
            for k in 0..<count {
                let o = offset + 4 * k
                let raw = UInt32(bytes[o]) | UInt32(bytes[o + 1]) << 8 | UInt32(bytes[o + 2]) << 16 | UInt32(bytes[o + 3]) << 24
                let x = Float(bitPattern: raw)
                guard x.isFinite else { throw .file(path: path, message: "\(what) \(k) is not finite (\(x))") }
                out[k] = x
            }
            offset += 4 * count
            return out
        }
        m.weights = try read(m.visible * m.hidden, "weight")
        m.hiddenBiases = try read(m.hidden, "hidden bias")
        m.visibleBiases = try read(m.visible, "visible bias")
    }

    static func oneLine(_ error: Error) -> String {
        let text: String
        switch error {
        case DecodingError.keyNotFound(let key, _): text = "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let c), DecodingError.valueNotFound(_, let c):
            text = "wrong type at '\(c.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted(let c): text = c.debugDescription
        default: text = "\(error)"
        }
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
