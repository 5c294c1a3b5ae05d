import Foundation
import IsingModel
import Topologies

/// A sparse Boltzmann machine: couplings on the edges of a graph, biases, and which nodes
/// hold pixels and labels. Saved as a directory:
///
/// - `couplings.mtx`: Matrix Market coordinate real symmetric, 1-based (the graph is its pattern);
/// - `biases.mtx`: Matrix Market array, one bias per node;
/// - `model.json`: node count, roles, β and settings (see `docs/model-format.md`).
public struct DBMModel: Sendable, Equatable {
    public var graph: SparseGraph
    /// `J` in `graph.edges` order.
    public var couplings: [Double]
    public var biases: [Double]
    public var layout: DBMLayout
    public var beta: Double
    public var topology: String?
    public var binarizer: Binarizer
    public var training: TrainingConfiguration?
    public var epochsCompleted: Int

    public init(graph: SparseGraph, couplings: [Double], biases: [Double], layout: DBMLayout,
                beta: Double = 1, topology: String? = nil, binarizer: Binarizer = Binarizer(),
                training: TrainingConfiguration? = nil, epochsCompleted: Int = 0) {
        self.graph = graph
        self.couplings = couplings
        self.biases = biases
        self.layout = layout
        self.beta = beta
        self.topology = topology
        self.binarizer = binarizer
        self.training = training
        self.epochsCompleted = epochsCompleted
    }

    public var nodeCount: Int { graph.nodeCount }
    public var parameterCount: Int { couplings.count + biases.count }

    public func isingModel() throws -> IsingModel {
        do { return try IsingModel(graph: graph, edgeCouplings: couplings, biases: biases) } catch {
            throw LearningError.invalid("\(error)")
        }
    }
}

/// `model.json`.
struct ModelManifest: Codable {
    var format = "pbit-dbm"
    var version = 1
    var nodes: Int
    var edges: Int?
    var visible: [Int]
    var labels: [[Int]]
    var beta: Double
    var topology: String?
    var binarizeThreshold: Int?
    var epochsCompleted: Int?
    var training: TrainingConfiguration?
}

public enum ModelDirectory {
    /// Writes the three files, each to a temporary name first, so an interrupted save leaves
    /// the previous complete files in place.
    public static func save(_ m: DBMModel, to dir: String) throws {
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let matrix = MatrixMarket.SymmetricMatrix(
            size: m.nodeCount,
            entries: zip(m.graph.edges, m.couplings).map { MatrixMarket.Entry(i: $0.0.0, j: $0.0.1, value: $0.1) },
            hasValues: true)
        try MatrixMarket.write(matrix, to: path(dir, "couplings.mtx"), comment: "pbit sparse DBM couplings")
        try MatrixMarket.write(vector: m.biases, to: path(dir, "biases.mtx"), comment: "pbit sparse DBM biases")
        let manifest = ModelManifest(
            nodes: m.nodeCount, edges: m.graph.edgeCount, visible: m.layout.visible, labels: m.layout.labels,
            beta: m.beta, topology: m.topology, binarizeThreshold: Int(m.binarizer.threshold),
            epochsCompleted: m.epochsCompleted, training: m.training)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicFile.write(encoder.encode(manifest), to: path(dir, "model.json"))
    }

    public static func load(_ dir: String) throws -> DBMModel {
        let manifestPath = path(dir, "model.json")
        guard FileManager.default.fileExists(atPath: manifestPath) else {
            throw LearningError.file(path: dir, message: "not a model directory (no model.json)")
        }
        let manifest: ModelManifest
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: manifestPath))
            manifest = try JSONDecoder().decode(ModelManifest.self, from: data)
        } catch {
            throw LearningError.file(path: manifestPath, message: "cannot read the model description: \(error.localizedDescription)")
        }
        guard manifest.nodes >= 1 else { throw LearningError.file(path: manifestPath, message: "nodes must be positive") }
        guard (manifest.epochsCompleted ?? 0) >= 0 else {
            throw LearningError.file(path: manifestPath, message: "epochsCompleted must not be negative")
        }
        guard manifest.beta.isFinite, manifest.beta > 0 else {
            throw LearningError.file(path: manifestPath, message: "beta must be positive and finite")
        }
        let couplingPath = path(dir, "couplings.mtx")
        let matrix = try MatrixMarket.readSymmetric(path: couplingPath)
        guard matrix.size == manifest.nodes else {
            throw LearningError.file(path: couplingPath, message: "is \(matrix.size)×\(matrix.size) but model.json has \(manifest.nodes) nodes")
        }
        let biasPath = path(dir, "biases.mtx")
        let biases = try MatrixMarket.readVector(path: biasPath)
        guard biases.count == manifest.nodes else {
            throw LearningError.file(path: biasPath, message: "has \(biases.count) biases but model.json has \(manifest.nodes) nodes")
        }
        let graph = matrix.graph()
        let hiddenSet = Set(0..<manifest.nodes).subtracting(manifest.visible).subtracting(manifest.labels.flatMap { $0 })
        let layout = DBMLayout(visible: manifest.visible, labels: manifest.labels, hidden: hiddenSet.sorted())
        do { try layout.validate(nodes: manifest.nodes) } catch {
            throw LearningError.file(path: manifestPath, message: "\(error)")
        }
        let threshold = manifest.binarizeThreshold ?? 0
        guard (0...255).contains(threshold) else {
            throw LearningError.file(path: manifestPath, message: "binarizeThreshold must be 0...255")
        }
        return DBMModel(graph: graph, couplings: matrix.entries.map(\.value), biases: biases, layout: layout,
                        beta: manifest.beta, topology: manifest.topology,
                        binarizer: Binarizer(threshold: UInt8(threshold)),
                        training: manifest.training, epochsCompleted: manifest.epochsCompleted ?? 0)
    }

    static func path(_ dir: String, _ name: String) -> String {
        URL(fileURLWithPath: dir).appendingPathComponent(name).path
    }
}
