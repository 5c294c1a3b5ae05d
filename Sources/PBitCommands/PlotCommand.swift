import ArgumentParser
import Foundation
import Topologies

struct PlotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Draw an SVG line chart from JSON records: a training log, or the --json output of other commands.",
        discussion: """
            Each FILE holds JSON lines (one object per line, as training-log.jsonl), a JSON array
            of objects, or one object (as `pbit sample --json` prints). Keys may be paths into
            nested objects, e.g. exactError.correlationMax. Records without a number at --x or a
            --y key are left out of that line.

            Examples:
              pbit plot runs/p14/training-log.jsonl --output curve.svg
              pbit plot fp-*.json --x hardware.fixedPoint.fractionBits --y exactError.correlationMax \\
                  --log-y --output fp.svg
            """)

    @Argument(help: "JSON or JSON-lines files.")
    var files: [String]

    @Option(help: "Key of the x value.")
    var x = "epoch"

    @Option(help: "Comma-separated keys of the y values: one line each.")
    var y = "validationAccuracy"

    @Option(help: "SVG file to write.")
    var output: String

    @Option(help: "Chart title (default: the y keys against the x key).")
    var title: String?

    @Option(name: .customLong("y-label"), help: "Label of the y axis.")
    var yLabel = ""

    @Flag(name: .customLong("log-x"), help: "Logarithmic x axis.")
    var logX = false

    @Flag(name: .customLong("log-y"), help: "Logarithmic y axis.")
    var logY = false

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one JSON or JSON-lines file") }
    }

    func run() throws {
        let records = try files.flatMap(Self.records)
        let keys = y.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !keys.isEmpty else { throw CLIError("--y is empty") }
        var chart = LineChart(title: title ?? "\(keys.joined(separator: ", ")) against \(x)", xLabel: x,
                              yLabel: yLabel, logX: logX, logY: logY)
        for key in keys {
            let points = records.compactMap { r -> (x: Double, y: Double)? in
                guard let px = Self.number(r, x), let py = Self.number(r, key) else { return nil }
                return (px, py)
            }
            chart.series.append(.init(label: key, points: points))
        }
        guard chart.series.contains(where: { !$0.points.isEmpty }) else {
            throw CLIError("no record has numbers at --x \(x) and --y \(y) in \(files.joined(separator: ", "))")
        }
        try AtomicFile.write(chart.svg, to: output)
        print("wrote \(chart.series.map(\.points.count).reduce(0, +)) points in \(chart.series.count) lines to \(output)")
    }

    /// The objects in a file: a whole-file JSON value (object or array of objects), else one per line.
    static func records(_ path: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else { throw CLIError("\(path): cannot read the file") }
        if let value = try? JSONSerialization.jsonObject(with: data) {
            if let object = value as? [String: Any] { return [object] }
            if let array = value as? [Any] { return array.compactMap { $0 as? [String: Any] } }
        }
        var out: [[String: Any]] = []
        for (k, line) in String(decoding: data, as: UTF8.self).split(separator: "\n").enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw CLIError("\(path): line \(k + 1) is not a JSON object")
            }
            out.append(object)
        }
        return out
    }

    /// The number at a dotted key path, or nil.
    static func number(_ object: [String: Any], _ path: String) -> Double? {
        var value: Any? = object
        for part in path.split(separator: ".") { value = (value as? [String: Any])?[String(part)] }
        return (value as? NSNumber)?.doubleValue
    }
}
