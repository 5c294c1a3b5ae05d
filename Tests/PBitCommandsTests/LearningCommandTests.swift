import ArgumentParser
import Foundation
import PBitCommands
import Testing

/// MNIST as CI provides it, beside the repository.
let sharedMNIST: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/datasets/mnist").path

/// The model shipped in the repository.
let shippedModel: String = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("models/mnist-pegasus14").path

@Suite(.serialized) struct LearningCommandTests {
    func run(_ arguments: [String]) -> String? { failure(arguments) }

    static let temp = temporaryDirectory("learning-cli")

    @Test(arguments: [
        (["train", "--output", "/tmp/x", "--epochs", "0"], "--epochs"),
        (["train", "--output", "/tmp/x", "--batch-size", "0"], "--batch-size"),
        (["train", "--output", "/tmp/x", "--learning-rate", "nan"], "--learning-rate"),
        (["train", "--output", "/tmp/x", "--momentum", "1.5"], "--momentum"),
        (["train", "--output", "/tmp/x", "--dataset", "cifar"], "cifar"),
        (["train", "--output", "/tmp/x", "--shift", "-1"], "--shift"),
        (["train", "--output", "/tmp/x", "--shift", "9"], "--shift"),
        (["train", "--output", "/tmp/x", "--tempering-levels", "0"], "--tempering-levels"),
        (["train", "--output", "/tmp/x", "--tempering-lowest-beta", "1"], "--tempering-lowest-beta"),
        (["train", "--output", "/tmp/x", "--tempering-lowest-beta", "nan"], "--tempering-lowest-beta"),
        (["generate", "--model", shippedModel, "--label", "free", "--tempering-levels", "0", "--output", "/tmp/x.png"], "--tempering-levels"),
        (["evaluate", "--model", "/nonexistent/model"], "/nonexistent/model"),
        (["generate", "--model", "/nonexistent/model", "--label", "3", "--output", "/tmp/x.png"], "/nonexistent/model"),
    ])
    func badInputIsOneLineError(arguments: [String], mentions: String) throws {
        let message = try #require(run(arguments), "\(arguments) should fail")
        #expect(message.contains(mentions), "\(message)")
        #expect(!message.contains("\n"), "one line: \(message)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedMNIST)))
    func trainEvaluateGenerateAndResume() throws {
        let dir = Self.temp.appendingPathComponent("model").path
        let common = ["--data", sharedMNIST, "--topology", "pegasus:8", "--limit", "300", "--validation", "100",
                      "--batch-size", "50", "--quiet", "--output", dir]
        #expect(run(["train", "--epochs", "1"] + common) == nil)
        for file in ["couplings.mtx", "biases.mtx", "model.json", "trainer-state.json", "training-log.jsonl"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)")
        }
        // A second train into the same directory must not overwrite it by accident.
        let refused = try #require(run(["train", "--epochs", "1"] + common))
        #expect(refused.contains("--resume"))
        #expect(run(["train", "--epochs", "2", "--resume"] + common) == nil)
        let log = try String(contentsOfFile: dir + "/training-log.jsonl", encoding: .utf8)
        #expect(log.split(separator: "\n").count == 2)
        #expect(run(["evaluate", "--model", dir, "--data", sharedMNIST, "--limit", "64", "--quiet", "--json"]) == nil)
        let png = Self.temp.appendingPathComponent("digits.png").path
        #expect(run(["generate", "--model", dir, "--label", "all", "--count", "2", "--sweeps", "20", "--output", png]) == nil)
        let data = try #require(FileManager.default.contents(atPath: png))
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        if FileManager.default.isExecutableFile(atPath: pbitBinary) {
            // A clamped label shows its own class; free labels show the model's choice (or none).
            for (label, count, extra) in [("3", 5, [String]()), ("free", 40, []), ("free", 32, ["--tempering-levels", "3"])] {
                let (text, status) = try runBinary(["generate", "--model", dir, "--label", label, "--count", "\(count)",
                                                    "--sweeps", "20", "--output", png, "--json"] + extra)
                #expect(status == 0)
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                let histogram = try #require(object["histogram"] as? [Int])
                #expect(histogram.count == 11 && histogram.reduce(0, +) == count, "\(histogram)")
                #expect((object["classes"] as? [Any])?.count == count)
                let acceptance = object["exchangeAcceptance"] as? [[Double]]
                #expect(extra.isEmpty ? acceptance == nil : acceptance?.first?.count == 2)
                if label == "3" { #expect(histogram[3] == count) }
            }
        }
        for label in ["12", "-1", "seven"] {
            let badLabel = try #require(run(["generate", "--model", dir, "--label", label, "--output", png]))
            #expect(badLabel.contains("--label"), "\(badLabel)")
        }
    }
}
