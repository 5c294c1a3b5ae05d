import Foundation
import Testing
import PBitCommands

/// `pbit plot` and `pbit sample --compare-exact`, through the real binary.
@Suite struct PlotAndExactTests {
    static let temp = temporaryDirectory("plot")

    func json(_ arguments: [String]) throws -> [String: Any] {
        let (text, status) = try runBinary(arguments)
        #expect(status == 0, "\(arguments)")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func plotDrawsOneLinePerKeyAndADotPerRecord() throws {
        let log = Self.temp.appendingPathComponent("log.jsonl").path
        let lines = (1...5).map { #"{"epoch":\#($0),"validationAccuracy":0.\#(5 + $0),"gradientRMS":0.1}"# }
        try (lines.joined(separator: "\n") + "\n").write(toFile: log, atomically: true, encoding: .utf8)
        let svg = Self.temp.appendingPathComponent("curve.svg").path
        #expect(failure(["plot", log, "--y", "validationAccuracy,gradientRMS", "--output", svg]) == nil)
        let chart = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(chart.hasPrefix("<svg") && chart.hasSuffix("</svg>\n"))
        #expect(chart.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(chart.components(separatedBy: "<circle").count - 1 == 10)
        let missing = try #require(failure(["plot", log, "--y", "loss", "--output", svg]))
        #expect(missing.contains("loss") && missing.contains(log), "\(missing)")
        let bad = Self.temp.appendingPathComponent("bad.jsonl").path
        try "{\"epoch\": 1}\nnot json\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let message = try #require(failure(["plot", bad, "--output", svg]))
        #expect(message.contains(bad) && message.contains("line 2"), "\(message)")
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: pbitBinary)))
    func compareExactSeparatesSamplingNoiseFromFixedPointBias() throws {
        let base = ["sample", "--topology", "chimera:1:2", "--sweeps", "20000", "--compare-exact", "--json"]
        // Ideal arithmetic: the sampled statistics agree with enumeration within sampling noise.
        let ideal = try json(base)
        let se = try #require(ideal["standardError"] as? Double)
        let error = try #require(ideal["exactError"] as? [String: Double])
        #expect(try #require(error["magnetizationMean"]) < 4 * se, "\(error) vs \(se)")
        #expect(ideal["fixedPointError"] == nil)
        // One fraction bit: a bias that enumeration shows without sampling, and the sampler sees too.
        let coarse = try json(base + ["--fixed-point", "s2.1"])
        let bias = try #require(coarse["fixedPointError"] as? [String: Double])
        #expect(try #require(bias["magnetizationMax"]) > 0.1)
        let sampled = try #require(coarse["exactError"] as? [String: Double])
        #expect(abs(try #require(sampled["magnetizationMean"]) - bias["magnetizationMean"]!) < 4 * se)
        let hardware = try #require(coarse["hardware"] as? [String: Any])
        #expect((hardware["fixedPoint"] as? [String: Int])?["fractionBits"] == 1)
    }

    @Test func compareExactRefusesLargeModels() throws {
        let message = try #require(failure(["sample", "--topology", "pegasus:4", "--compare-exact"]))
        #expect(message.contains("--compare-exact") && message.contains("24"), "\(message)")
    }
}
