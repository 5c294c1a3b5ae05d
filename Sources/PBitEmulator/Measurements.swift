/// What one worker measured over its chains; merged in a fixed order afterwards.
struct PartialMeasurements: Sendable {
    /// Sums of `m_i` over measured sweeps and the worker's replicas (exact integers).
    var magnetization: [Int64]
    /// Sums of `m_i m_j` per edge.
    var correlation: [Int64]
    /// `(replica, energy trace)`.
    var traces: [(Int, [Double])] = []
    /// `(replica, lowest energy, its state)`.
    var lowest: [(Int, Double, [Int8])] = []
    /// `(replica, measured states flattened)`.
    var samples: [(Int, [Int8])] = []
    var measureNanos: UInt64 = 0
    var sampleNanos: UInt64 = 0

    init(nodes: Int, edges: Int) {
        magnetization = [Int64](repeating: 0, count: nodes)
        correlation = [Int64](repeating: 0, count: edges)
    }
}
