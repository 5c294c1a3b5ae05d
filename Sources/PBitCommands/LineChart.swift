import Foundation

/// A small SVG line chart: one polyline (with a dot per point) per series, each axis linear or
/// logarithmic, a legend on the right. `pbit bench --chart` and `pbit plot` draw with it.
struct LineChart {
    struct Series {
        var label: String
        var points: [(x: Double, y: Double)]
        var dashed = false
    }

    var title: String
    var xLabel: String
    var yLabel = ""
    var logX = false
    var logY = false
    var series: [Series] = []
    /// Tick positions on x; nil: about six evenly spaced (linear) or the decades (log).
    var xTicks: [Double]? = nil

    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
                         "#17becf", "#7f7f7f", "#bcbd22"]

    /// Linear ticks at a 1, 2 or 5 step giving about `count` intervals over `[lo, hi]`.
    static func niceTicks(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        let span = max(hi - lo, 1e-12)
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var t = floor(lo / step) * step
        let end = ceil(hi / step) * step
        while t <= end + step * 1e-9 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return ticks
    }

    static func label(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        let s = String(format: "%.6g", v)
        return s
    }

    var svg: String {
        let width = 760.0, height = 460.0
        let left = 80.0, right = 260.0, top = 30.0, bottom = 50.0
        let plotW = width - left - right, plotH = height - top - bottom
        let usable = series.map { s in
            Series(label: s.label, points: s.points.filter {
                $0.x.isFinite && $0.y.isFinite && (!logX || $0.x > 0) && (!logY || $0.y > 0)
            }, dashed: s.dashed)
        }
        let xs = usable.flatMap { $0.points.map(\.x) }, ys = usable.flatMap { $0.points.map(\.y) }
        guard let xMin = xs.min(), let xMax = xs.max(), let yMin = ys.min(), let yMax = ys.max() else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"
        }
        // Axis ranges: decades for log axes, rounded ticks for linear ones.
        let xTickValues: [Double], yTickValues: [Double]
        let x0: Double, x1: Double, y0: Double, y1: Double
        if logX {
            x0 = log10(xMin); x1 = max(log10(xMax), x0 + 1)
            xTickValues = xTicks ?? stride(from: floor(x0), through: ceil(x1), by: 1).map { pow(10, $0) }
        } else {
            let t = Self.niceTicks(xMin, xMax == xMin ? xMin + 1 : xMax)
            x0 = xTicks == nil ? (t.first ?? xMin) : xMin; x1 = xTicks == nil ? (t.last ?? xMax) : max(xMax, xMin + 1)
            xTickValues = xTicks ?? t
        }
        if logY {
            y0 = floor(log10(yMin)); y1 = max(ceil(log10(yMax)), y0 + 1)
            yTickValues = stride(from: y0, through: y1, by: 1).map { pow(10, $0) }
        } else {
            let t = Self.niceTicks(yMin, yMax == yMin ? yMin + 1 : yMax)
            y0 = t.first ?? yMin; y1 = t.last ?? yMax
            yTickValues = t
        }
        func x(_ v: Double) -> Double { left + ((logX ? log10(v) : v) - x0) / (x1 - x0) * plotW }
        func y(_ v: Double) -> Double { top + (1 - ((logY ? log10(max(v, 1e-300)) : v) - y0) / (y1 - y0)) * plotH }
        var out = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(left)" y="18" font-size="14">\(Self.escape(title))</text>

            """
        for v in yTickValues {
            out += "<line x1=\"\(left)\" y1=\"\(y(v))\" x2=\"\(left + plotW)\" y2=\"\(y(v))\" stroke=\"#ddd\"/>\n"
            out += "<text x=\"\(left - 8)\" y=\"\(y(v) + 4)\" text-anchor=\"end\">\(Self.label(v))</text>\n"
        }
        for v in xTickValues where v >= (logX ? pow(10, x0) : x0) * (1 - 1e-9) && v <= (logX ? pow(10, x1) : x1) * (1 + 1e-9) {
            out += "<line x1=\"\(x(v))\" y1=\"\(top)\" x2=\"\(x(v))\" y2=\"\(top + plotH)\" stroke=\"#eee\"/>\n"
            out += "<text x=\"\(x(v))\" y=\"\(top + plotH + 18)\" text-anchor=\"middle\">\(Self.label(v))</text>\n"
        }
        out += "<text x=\"\(left + plotW / 2)\" y=\"\(height - 10)\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
        if !yLabel.isEmpty {
            out += "<text transform=\"translate(16,\(top + plotH / 2)) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
        }
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotW)\" height=\"\(plotH)\" fill=\"none\" stroke=\"#444\"/>\n"
        for (k, s) in usable.enumerated() {
            let color = Self.colors[k % Self.colors.count]
            let dash = s.dashed ? " stroke-dasharray=\"5,3\"" : ""
            let points = s.points.sorted { $0.x < $1.x }.map { "\(x($0.x)),\(y($0.y))" }.joined(separator: " ")
            out += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            for p in s.points { out += "<circle cx=\"\(x(p.x))\" cy=\"\(y(p.y))\" r=\"3\" fill=\"\(color)\"/>\n" }
            let ly = top + 14 + Double(k) * 16
            out += "<line x1=\"\(left + plotW + 12)\" y1=\"\(ly - 4)\" x2=\"\(left + plotW + 32)\" y2=\"\(ly - 4)\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>\n"
            out += "<text x=\"\(left + plotW + 38)\" y=\"\(ly)\">\(Self.escape(s.label))</text>\n"
        }
        return out + "</svg>\n"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
