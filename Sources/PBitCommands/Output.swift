import Foundation

/// JSON for scripts: sorted keys, so output diffs cleanly.
enum JSONOutput {
    static func string(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value), let s = String(data: data, encoding: .utf8)
        else { return "{}" }
        return s
    }

    /// One compact line, for JSON-lines logs.
    static func line(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(value), let s = String(data: data, encoding: .utf8) else { return "{}" }
        return s
    }

    static func print(_ value: some Encodable) {
        Swift.print(string(value))
    }
}

/// Errors shown as one line, `pbit: error: ...`, by ArgumentParser.
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}
