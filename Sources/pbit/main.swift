import Foundation
import PBitCommands

// Errors are one line on standard error (`pbit: error: …`) with ArgumentParser's exit code;
// help and version requests print as usual.
do {
    var command = try PBitMain.parseAsRoot()
    try command.run()
} catch {
    let code = PBitMain.exitCode(for: error)
    if code == .success { PBitMain.exit(withError: error) }
    let message = PBitMain.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    FileHandle.standardError.write(Data("pbit: error: \(message)\n".utf8))
    exit(code.rawValue)
}
