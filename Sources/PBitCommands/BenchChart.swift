import Foundation

/// An SVG chart of flips/ns against replicas (log–log), one line per sampler, topology and
/// thread count (dashed: one thread): what `pbit bench --chart` writes.
enum BenchChart {
    static func svg(_ records: [BenchRecord]) -> String {
        var chart = LineChart(title: "Sampler throughput (flips/ns) against replicas", xLabel: "replicas",
                              logX: true, logY: true)
        chart.xTicks = Set(records.map { Double($0.replicas) }).sorted()
        for r in records {
            let key = "\(r.sampler) \(r.topology) T=\(r.threads)"
            let point = (x: Double(r.replicas), y: r.flipsPerNanosecond)
            if let k = chart.series.firstIndex(where: { $0.label == key }) {
                chart.series[k].points.append(point)
            } else {
                chart.series.append(.init(label: key, points: [point], dashed: r.threads == 1))
            }
        }
        return chart.svg
    }
}
