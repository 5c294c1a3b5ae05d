/// Integrated autocorrelation time by Sokal's automatic window: `τ = 1 + 2 Σ_{t=1}^{W} ρ(t)`
/// with the smallest `W ≥ c·τ(W)` (`c = 5`), `ρ` averaged over the chains.
/// Each chain is centred on its own mean. Returns 1 for constant or too-short traces. The
/// window stops at `maximumWindow` lags, which bounds the work for trending traces (annealing);
/// there the result is a lower bound.
public enum Autocorrelation {
    public static let maximumWindow = 2000

    public static func integratedTime(_ chains: [[Double]], windowFactor c: Double = 5) -> Double {
        let usable = chains.filter { $0.count >= 4 }
        guard let length = usable.map(\.count).min() else { return 1 }
        let centred = usable.map { x -> [Double] in
            let mean = x.reduce(0, +) / Double(x.count)
            return x.prefix(length).map { $0 - mean }
        }
        func autocovariance(_ t: Int) -> Double {
            var s = 0.0
            for x in centred {
                var a = 0.0
                for i in 0..<(length - t) { a += x[i] * x[i + t] }
                s += a / Double(length)
            }
            return s / Double(centred.count)
        }
        let c0 = autocovariance(0)
        guard c0 > 0 else { return 1 }
        var tau = 1.0
        var t = 1
        while t < min(length / 2, maximumWindow) {
            tau += 2 * autocovariance(t) / c0
            if Double(t) >= c * tau { break }
            t += 1
        }
        return max(tau, 1)
    }
}
