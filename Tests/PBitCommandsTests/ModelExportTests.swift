import Foundation
import Testing

/// `pbit sample --export-model/--export-bias` writes the model it samples; reading the files
/// back with `--model/--bias` must give the same model, checked through the real binary.
@Suite struct ModelExportTests {
    static let temp = temporaryDirectory("model-export")

    func path(_ name: String) -> String { Self.temp.appendingPathComponent(name).path }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let (text, status) = try runBinary(arguments + ["--json"])
        #expect(status == 0, "\(arguments)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// The file's data lines (comments name the model's source, which differs between runs).
    func dataLines(_ path: String) throws -> [Substring] {
        let bytes = try #require(FileManager.default.contents(atPath: path), "\(path) was not written")
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("%") || $0.hasPrefix("%%") }
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func exportedModelSamplesIdenticallyAndExportsAgainUnchanged() throws {
        // Sequential mode visits nodes in index order, so it does not depend on the colouring
        // (native for a topology, DSATUR for a file): the same seed must give the same chain.
        let run = ["--mode", "sequential", "--replicas", "2", "--sweeps", "30", "--burn-in", "5", "--seed", "3", "--threads", "1"]
        let (j1, h1, j2, h2) = (path("J1.mtx"), path("h1.mtx"), path("J2.mtx"), path("h2.mtx"))
        let direct = try json(["sample", "--topology", "pegasus:3", "--couplings", "gaussian", "--model-seed", "11",
                               "--export-model", j1, "--export-bias", h1] + run)
        let fromFiles = try json(["sample", "--model", j1, "--bias", h1, "--export-model", j2, "--export-bias", h2] + run)

        #expect(direct["nodes"] as? Int == fromFiles["nodes"] as? Int)
        #expect(direct["edges"] as? Int == fromFiles["edges"] as? Int)
        for key in ["energyMean", "energyStandardError", "autocorrelationTime"] {
            let a = try #require(direct[key] as? Double), b = try #require(fromFiles[key] as? Double)
            #expect(a == b, "\(key): \(a) vs \(b)")
        }
        #expect(direct["magnetization"] as? [Double] == fromFiles["magnetization"] as? [Double])
        #expect(direct["correlations"] as? [[Double]] == fromFiles["correlations"] as? [[Double]])

        // Export → read → export is the identity on the data, and the header is what --model expects.
        let jLines = try dataLines(j1), hLines = try dataLines(h1)
        #expect(jLines == (try dataLines(j2)))
        #expect(hLines == (try dataLines(h2)))
        let nodes = try #require(direct["nodes"] as? Int), edges = try #require(direct["edges"] as? Int)
        #expect(jLines.first == "%%MatrixMarket matrix coordinate real symmetric")
        #expect(jLines.dropFirst().first == "\(nodes) \(nodes) \(edges)")
        #expect(jLines.count == 2 + edges)
        #expect(hLines.count == 2 + nodes)
        // Gaussian biases: no node has h exactly 0, so the biases were really written.
        #expect(!hLines.dropFirst(2).contains("0.0"))
    }

    @Test func unwritableExportPathIsAOneLineError() throws {
        let target = "/nonexistent-dir/J.mtx"
        let message = try #require(failure(["sample", "--topology", "pegasus:2", "--sweeps", "1", "--export-model", target]))
        #expect(message.contains(target), "\(message)")
        #expect(!message.contains("\n"), "one line: \(message)")
    }
}
