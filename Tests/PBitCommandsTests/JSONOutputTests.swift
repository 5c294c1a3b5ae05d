import Foundation
import Testing

/// The built `pbit` next to the test bundle (`.build/<config>/pbit`).
let pbitBinary: String = URL(fileURLWithPath: CommandLine.arguments[0])
    .deletingLastPathComponent().appendingPathComponent("pbit").path

/// Runs the real binary and returns its standard output and exit status.
func runBinary(_ arguments: [String]) throws -> (String, Int32) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: pbitBinary)
    p.arguments = arguments
    let out = Pipe()
    p.standardOutput = out
    p.standardError = Pipe()
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), p.terminationStatus)
}

/// The keys scripts rely on, from the real binary.
@Suite struct JSONOutputTests {
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func sampleJSONHasTheDocumentedKeys() throws {
        let (text, status) = try runBinary(["sample", "--topology", "pegasus:4", "--sweeps", "20", "--replicas", "4", "--json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        for key in ["nodes", "replicas", "sweeps", "magnetization", "correlations", "energyMean",
                    "wallSeconds", "flipsPerNanosecond", "emulated"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let nodes = try #require(object["nodes"] as? Int)
        #expect((object["magnetization"] as? [Double])?.count == nodes)
        let first = try #require((object["correlations"] as? [[Double]])?.first)
        #expect(first.count == 3 && first[0] < first[1])
        let emulated = try #require(object["emulated"] as? [String: Double])
        #expect(Set(emulated.keys) == ["clockHz", "seconds", "flipsPerNanosecond"])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func topologyJSONHasTheDocumentedKeys() throws {
        let (text, status) = try runBinary(["topology", "pegasus", "14", "--json"])
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["nodes"] as? Int == 4264)
        #expect(object["edges"] as? Int == 30404)
        #expect(object["maxDegree"] as? Int == 15)
        #expect(object["colors"] as? Int == 4)
        #expect(object["colorClassSizes"] as? [Int] == [1066, 1066, 1066, 1066])
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func benchWritesJSONRecordsAndAnSVGChart() throws {
        let svg = temporaryDirectory("bench-chart").appendingPathComponent("chart.svg").path
        let (text, status) = try runBinary(["bench", "--topologies", "pegasus:4", "--replicas", "8,64", "--threads", "1,2",
                                            "--samplers", "sparse,dense", "--repeats", "1", "--seconds", "0.01",
                                            "--json", "--chart", svg])
        #expect(status == 0)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(records.count == 8)
        for r in records {
            for key in ["sampler", "topology", "replicas", "threads", "flipsPerNanosecond"] { #expect(r[key] != nil, "\(key)") }
        }
        let bytes = try #require(FileManager.default.contents(atPath: svg))
        let chart = String(decoding: bytes, as: UTF8.self)
        #expect(chart.hasPrefix("<svg") && chart.hasSuffix("</svg>\n"))
        // One line per sampler and thread count, one point per record.
        #expect(chart.components(separatedBy: "<polyline").count - 1 == 4)
        #expect(chart.components(separatedBy: "<circle").count - 1 == 8)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func errorsAreOneLineWithNonZeroExit() throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pbitBinary)
        p.arguments = ["sample", "--mode", "sideways"]
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus != 0)
        #expect(text.hasPrefix("pbit: error:") && text.filter { $0 == "\n" }.count == 1, "\(text)")
    }
}
