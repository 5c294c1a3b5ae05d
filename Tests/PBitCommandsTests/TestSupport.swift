import ArgumentParser
import Foundation
import PBitCommands

/// Parses and runs `arguments` as the `pbit` command would; returns the error message it
/// would print, or nil when the command succeeded.
func failure(_ arguments: [String]) -> String? {
    do {
        var command = try PBitMain.parseAsRoot(arguments)
        try command.run()
        return nil
    } catch {
        return PBitMain.message(for: error)
    }
}

/// A fresh temporary directory per test process and name.
func temporaryDirectory(_ name: String) -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pbit-\(name)-\(getpid())")
    try? FileManager.default.removeItem(at: url)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
