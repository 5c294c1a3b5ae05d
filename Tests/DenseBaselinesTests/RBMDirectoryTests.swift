import DenseBaselines
import Foundation
import Learning
import Testing

@Suite struct RBMDirectoryTests {
    static let root: String = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pbit-rbm-dir-\(getpid())")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }()

    /// A saved model in a fresh directory `name`.
    func saved(_ name: String) throws -> (dir: String, model: ClassRBM) {
        var m = try tinyRBM(pixels: 6, classes: 3, hidden: 4)
        m.binarizer = Binarizer(threshold: 17)
        let dir = Self.root + "/" + name
        var s = RBMTrainingSettings()
        s.persistent = true
        let log = [RBMEpochRecord(epoch: 1, learningRate: 0.05, reconstructionError: 0.1, validationAccuracy: 0.9, seconds: 1.5)]
        try RBMDirectory.save(m, to: dir, epochs: 1, training: s, log: log)
        return (dir, m)
    }

    @Test func roundTripIsExact() throws {
        let (dir, m) = try saved("round-trip")
        let loaded = try RBMDirectory.load(dir)
        #expect(loaded.model == m)
        #expect(loaded.description.epochsCompleted == 1)
        #expect(loaded.description.training?.persistent == true)
        #expect(loaded.description.log.first?.validationAccuracy == 0.9)
        let size = try FileManager.default.attributesOfItem(atPath: dir + "/weights.bin")[.size] as? Int
        #expect(size == 20 + 4 * m.parameterCount)
    }

    /// Each way a weights file can be broken gives one line naming it.
    @Test(arguments: [
        ("magic", "PBITRBM1"),
        ("sizes", "rbm.json says"),
        ("truncated", "truncated"),
        ("header", "header"),
        ("trailing", "after the last value"),
        ("nan", "weight 5 is not finite (nan)"),
        ("inf", "hidden bias 2 is not finite (inf)"),
        ("missing", "missing"),
    ])
    func brokenWeightsAreNamed(kind: String, mentions: String) throws {
        let (dir, m) = try saved("weights-" + kind)
        let path = dir + "/weights.bin"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        func put(_ value: Float, at index: Int) {
            let raw = value.bitPattern
            for b in 0..<4 { bytes[20 + 4 * index + b] = UInt8((raw >> (8 * UInt32(b))) & 0xFF) }
        }
        switch kind {
        case "magic": bytes[0] = UInt8(ascii: "X")
        case "sizes": bytes[12] = 5
        case "truncated": bytes.removeLast(3)
        case "header": bytes = Array(bytes.prefix(11))
        case "trailing": bytes += [0, 0, 0, 0]
        case "nan": put(.nan, at: 5)
        case "inf": put(.infinity, at: m.visible * m.hidden + 2)
        default: bytes = []
        }
        if kind == "missing" {
            try FileManager.default.removeItem(atPath: path)
        } else {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        }
        let error = try #require(throws: LearningError.self) { try RBMDirectory.load(dir) }
        #expect(error.description.hasPrefix(path), "\(error)")
        #expect(error.description.contains(mentions), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test(arguments: [
        ("not json", "not a valid RBM description"),
        (#"{"format": "pbit-rbm", "version": 1}"#, "missing key"),
        (#"{"format": "pbit-dbm", "version": 1, "pixels": 6, "classes": 3, "hidden": 4, "binarizeThreshold": 0, "epochsCompleted": 0, "log": []}"#, "pbit-rbm version 1"),
        (#"{"format": "pbit-rbm", "version": 1, "pixels": 6, "classes": 3, "hidden": 0, "binarizeThreshold": 0, "epochsCompleted": 0, "log": []}"#, "--hidden"),
        (#"{"format": "pbit-rbm", "version": 1, "pixels": 6, "classes": 3, "hidden": 4, "binarizeThreshold": 300, "epochsCompleted": 0, "log": []}"#, "binarizeThreshold"),
    ])
    func brokenDescriptionsAreNamed(text: String, mentions: String) throws {
        let (dir, _) = try saved("json-\(abs(text.hashValue))")
        let path = dir + "/rbm.json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let error = try #require(throws: LearningError.self) { try RBMDirectory.load(dir) }
        #expect(error.description.hasPrefix(path) && error.description.contains(mentions), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test func missingDirectoryIsNamed() throws {
        let error = try #require(throws: LearningError.self) { try RBMDirectory.load("/nonexistent/rbm") }
        #expect(error.description.hasPrefix("/nonexistent/rbm"))
    }
}
