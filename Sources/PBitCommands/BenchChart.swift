import Foundation

/// An SVG chart of flips/ns against replicas (log–log), one line per sampler, topology and
/// thread count: what `pbit bench --chart` writes.
enum BenchChart {
    static func svg(_ records: [BenchRecord]) -> String {
        let width = 760.0, height = 460.0
        let left = 70.0, right = 230.0, top = 30.0, bottom = 50.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = records.map { Double($0.replicas) }, ys = records.map(\.flipsPerNanosecond).filter { $0 > 0 }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        }
        let lx0 = log10(xMin), lx1 = max(log10(xMax), lx0 + 1)
        let ly0 = floor(log10(yMin)), ly1 = max(ceil(log10(yMax)), ly0 + 1)
        func x(_ v: Double) -> Double { left + (log10(v) - lx0) / (lx1 - lx0) * plotW }
        func y(_ v: Double) -> Double { top + (1 - (log10(max(v, 1e-9)) - ly0) / (ly1 - ly0)) * plotH }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="18" font-size="14">Sampler throughput (flips/ns) against replicas</text>

            """
        // Grid: decades on y, measured replica counts on x.
        var decade = ly0
        while decade <= ly1 {
            let v = pow(10, decade)
            out += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(left + plotW)\" y2=\"\(y(v))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(left - 8)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(v < 1 ? String(v) : String(Int(v)))</text>\n"
            decade += 1
        }
        for r in Set(records.map(\.replicas)).sorted() {
            out += "<line x1=\"\(x(Double(r)))\" y1=\"\(top)\" x2=\"\(x(Double(r)))\" y2=\"\(top + plotH)\" stroke=\"#eee\"/>\n"
            out += "<text x=\"\(x(Double(r)))\" y=\"\(top + plotH + 18)\" text-anchor=\"middle\">\(r)</text>\n"
        }
        out += "<text x=\"\(left + plotW / 2)\" y=\"\(height - 10)\" text-anchor=\"middle\">replicas</text>\n"
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"#444\"/>\n"
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf", "#7f7f7f", "#bcbd22"]
        var groups: [(String, [BenchRecord])] = []
        for r in records {
            let key = "\(r.sampler) \(r.topology) T=\(r.threads)"
            if let k = groups.firstIndex(where: { $0.0 == key }) { groups[k].1.append(r) } else { groups.append((key, [r])) }
        }
        for (k, (key, rs)) in groups.enumerated() {
            let color = colors[k % colors.count]
            let dash = rs.first?.threads == 1 ? " stroke-dasharray=\"5,3\"" : ""
            let points = rs.sorted { $0.replicas < $1.replicas }
                .map { "\(x(Double($0.replicas))),\(y($0.flipsPerNanosecond))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            for p in rs { out += "<circle cx=\"\(x(Double(p.replicas)))\" cy=\"\(y(p.flipsPerNanosecond))\" r=\"3\" fill=\"\(color)\"/>\n" }
            let ly = top + 14 + Double(k) * 16
            out += "<line x1=\"\(left + plotW + 12)\" y1=\"\(ly - 4)\" x2=\"\(left + plotW + 32)\" y2=\"\(ly - 4)\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            out += "<text x=\"\(left + plotW + 38)\" y=\"\(ly)\">\(key)</text>\n"
        }
        return out + "</svg>\n"
    }
}
