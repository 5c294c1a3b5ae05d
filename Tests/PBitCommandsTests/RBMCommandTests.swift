import Foundation
import PBitCommands
import Testing

@Suite(.serialized) struct RBMCommandTests {
    static let temp = temporaryDirectory("rbm-cli")

    @Test(arguments: [
        (["rbm", "train", "--output", "/tmp/x", "--hidden", "0"], "--hidden"),
        (["rbm", "train", "--output", "/tmp/x", "--hidden", "-5"], "--hidden"),
        (["rbm", "train", "--output", "/tmp/x", "--epochs", "0"], "--epochs"),
        (["rbm", "train", "--output", "/tmp/x", "--epochs", "-1"], "--epochs"),
        (["rbm", "train", "--output", "/tmp/x", "--epochs=-1"], "--epochs"),
        (["rbm", "train", "--output", "/tmp/x", "--learning-rate", "nan"], "--learning-rate"),
        (["rbm", "train", "--output", "/tmp/x", "--learning-rate", "inf"], "--learning-rate"),
        (["rbm", "train", "--output", "/tmp/x", "--batch-size", "0"], "--batch-size"),
        (["rbm", "train", "--output", "/tmp/x", "--cd-steps", "0"], "--cd-steps"),
        (["rbm", "train", "--output", "/tmp/x", "--momentum", "1"], "--momentum"),
        (["rbm", "train", "--output", "/tmp/x", "--threads", "0"], "--threads"),
        (["rbm", "train", "--output", "/tmp/x", "--threshold", "256"], "--threshold"),
        (["rbm", "train", "--output", "/tmp/x", "--limit", "0"], "--limit"),
        (["rbm", "train", "--output", "/tmp/x", "--dataset", "cifar"], "cifar"),
        (["rbm", "evaluate", "--model", "/nonexistent/rbm"], "/nonexistent/rbm"),
        (["rbm", "evaluate", "--model", "/tmp", "--threads", "0"], "--threads"),
    ])
    func badInputIsOneLineError(arguments: [String], mentions: String) throws {
        let message = try #require(failure(arguments), "\(arguments) should fail")
        #expect(message.contains(mentions), "\(message)")
        #expect(!message.contains("\n"), "one line: \(message)")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: sharedMNIST)))
    func trainEvaluateAndResume() throws {
        let dir = Self.temp.appendingPathComponent("model").path
        let common = ["rbm", "train", "--data", sharedMNIST, "--hidden", "32", "--limit", "500", "--validation", "100",
                      "--batch-size", "50", "--threads", "1", "--quiet", "--output", dir]
        #expect(failure(common + ["--epochs", "1"]) == nil)
        for file in ["rbm.json", "weights.bin"] { #expect(FileManager.default.fileExists(atPath: dir + "/" + file), "\(file)") }
        let refused = try #require(failure(common + ["--epochs", "1"]))
        #expect(refused.contains("--resume"))
        #expect(failure(common + ["--epochs", "2", "--resume"]) == nil)
        let json = try String(contentsOfFile: dir + "/rbm.json", encoding: .utf8)
        #expect(json.contains("\"epochsCompleted\" : 2"))
        #expect(failure(["rbm", "evaluate", "--model", dir, "--data", sharedMNIST, "--limit", "200", "--quiet", "--json"]) == nil)
        let wrong = try #require(failure(["rbm", "evaluate", "--model", dir, "--data", sharedMNIST, "--limit", "0"]))
        #expect(wrong.contains("--limit"))
    }
}
