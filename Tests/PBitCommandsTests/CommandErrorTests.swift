import ArgumentParser
import Foundation
import Testing
import PBitCommands

/// Bad input gets a one-line error naming the flag or file, and no crash.
@Suite struct CommandErrorTests {
    static let temp = temporaryDirectory("cli-tests")

    func write(_ name: String, _ text: String) -> String {
        let path = Self.temp.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test(arguments: [
        (["sample", "--topology", "pegasus:4", "--replicas", "0"], "--replicas"),
        (["sample", "--topology", "pegasus:4", "--replicas", "-3"], "--replicas"),
        (["sample", "--topology", "pegasus:4", "--beta", "nan"], "--beta"),
        (["sample", "--topology", "pegasus:4", "--beta", "inf"], "--beta"),
        (["sample", "--topology", "pegasus:4", "--sweeps", "0"], "--sweeps"),
        (["sample", "--topology", "pegasus:4", "--threads", "0"], "--threads"),
        (["sample", "--topology", "pegasus:4", "--mode", "sideways"], "sideways"),
        (["sample", "--topology", "hexagon:3"], "hexagon:3"),
        (["sample", "--topology", "pegasus:1"], "Pegasus"),
        (["sample", "--topology", "pegasus:4", "--fixed-point", "s4"], "s4"),
        (["sample", "--topology", "pegasus:4", "--lut-size", "1"], "lookup-table"),
        (["sample", "--topology", "pegasus:4", "--mode", "asynchronous", "--delay", "-1"], "--delay"),
        (["sample", "--model", "/nonexistent/J.mtx"], "/nonexistent/J.mtx"),
        (["topology", "pegasus", "1"], "Pegasus"),
        (["topology", "--from", "/nonexistent/g.mtx"], "/nonexistent/g.mtx"),
        (["bench", "--replicas", "0"], "--replicas"),
        (["bench", "--seconds", "1e13"], "--seconds"),
        (["sample", "--topology", "pegasus:4", "--lut-size", "64", "--beta", "1e18"], "--beta"),
        (["sample", "--topology", "pegasus:4", "--sweeps", "9223372036854775807", "--burn-in", "1"], "--sweeps"),
        (["anneal", "--topology", "pegasus:4", "--schedule", "linear", "--beta-end", "1e300"], "beta"),
    ])
    func badInputIsOneLineError(arguments: [String], mentions: String) throws {
        let message = try #require(failure(arguments), "\(arguments) should fail")
        #expect(message.contains(mentions), "\(message)")
        #expect(!message.contains("\n"), "one line: \(message)")
    }

    @Test func biasFileOfTheWrongSizeIsNamed() throws {
        let j = write("j.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 2\n2 1 0.5\n3 2 -1\n")
        let h = write("h.txt", "0.1\n0.2\n")
        let message = try #require(failure(["sample", "--model", j, "--bias", h, "--sweeps", "10"]))
        #expect(message.contains(h) && message.contains("2 biases") && message.contains("3 nodes"), "\(message)")
    }

    @Test func nonFiniteWeightInAFileIsNamed() throws {
        let j = write("nan.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 1\n2 1 nan\n")
        let message = try #require(failure(["sample", "--model", j]))
        #expect(message.contains(j) && message.contains("not finite"), "\(message)")
    }

    @Test func emptyAndHugeModelsAreRejected() throws {
        let empty = write("empty.mtx", "%%MatrixMarket matrix coordinate real symmetric\n0 0 0\n")
        let noPbits = try #require(failure(["sample", "--model", empty, "--dump", Self.temp.appendingPathComponent("d.txt").path]))
        #expect(noPbits.contains("no p-bits"), "\(noPbits)")
        let huge = write("huge.mtx", "%%MatrixMarket matrix coordinate real symmetric\n2147483647 2147483647 0\n")
        let tooBig = try #require(failure(["topology", "--from", huge]))
        #expect(tooBig.contains(huge) && tooBig.contains("exceeds"), "\(tooBig)")
        let big = write("big.mtx", "%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n2 1 1e300\n")
        let magnitude = try #require(failure(["sample", "--model", big]))
        #expect(magnitude.contains(big) && magnitude.contains("not supported"), "\(magnitude)")
    }

    @Test func sampleRunsOnAFileModel() throws {
        let j = write("ok.mtx", "%%MatrixMarket matrix coordinate real symmetric\n3 3 2\n2 1 0.5\n3 2 -1\n")
        #expect(failure(["sample", "--model", j, "--sweeps", "20", "--replicas", "4", "--json"]) == nil)
    }
}
