import Foundation

/// A one-line progress display on a terminal (standard error), silent when piped or disabled.
final class Progress {
    let enabled: Bool
    private var lastLength = 0

    init(enabled: Bool) {
        self.enabled = enabled && isatty(STDERR_FILENO) != 0
    }

    func update(_ text: String) {
        guard enabled else { return }
        let pad = max(0, lastLength - text.count)
        FileHandle.standardError.write(Data(("\r" + text + String(repeating: " ", count: pad)).utf8))
        lastLength = text.count
    }

    /// `done` of `total` with the rate and the time left.
    func update(_ label: String, done: Int, total: Int, started: Date, unit: String) {
        guard enabled else { return }
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        update("\(label) \(done)/\(total) \(unit), \(fmt(rate, 1)) \(unit)/s, ETA \(Self.clock(eta))")
    }

    func finish() {
        guard enabled, lastLength > 0 else { return }
        FileHandle.standardError.write(Data(("\r" + String(repeating: " ", count: lastLength) + "\r").utf8))
        lastLength = 0
    }

    static func clock(_ s: Double) -> String {
        let t = Int(s.rounded())
        return t >= 3600 ? String(format: "%d:%02d:%02d", t / 3600, t / 60 % 60, t % 60)
            : String(format: "%d:%02d", t / 60, t % 60)
    }
}
