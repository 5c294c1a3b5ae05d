/// Pegasus P(m), as dwave-networkx's `pegasus_graph(m)` builds it with its defaults
/// (`fabric_only=True`, offsets index 0).
///
/// A node is `(u, w, k, z)`: orientation `u ∈ {0,1}`, major offset `w < m`, minor offset
/// `k < 12`, parallel offset `z < m-1`; its linear index is `((u·m + w)·12 + k)·(m-1) + z`.
/// Edges:
/// - external: `(u,w,k,z) ~ (u,w,k,z+1)`;
/// - odd: `(u,w,2k',z) ~ (u,w,2k'+1,z)`;
/// - internal: `(0,w,k,z) ~ (1, z + [kk < S0[k]], kk, w - [k < S1[kk]])` for the offset
///   lists `S0`, `S1` below, restricted to the fabric.
/// Fabric-only drops qubits at the two edges of the lattice that would have no internal
/// couplers (the first `min S` minor offsets at `w = 0`, the last `12 - max S` at `w = m-1`).
public enum Pegasus {
    static let verticalOffsets = [2, 2, 2, 2, 10, 10, 10, 10, 6, 6, 6, 6]
    static let horizontalOffsets = [6, 6, 6, 6, 2, 2, 2, 2, 10, 10, 10, 10]

    public static func linearIndex(u: Int, w: Int, k: Int, z: Int, m: Int) -> Int {
        ((u * m + w) * 12 + k) * (m - 1) + z
    }

    public static func coordinates(linear q: Int, m: Int) -> [Int] {
        let m1 = m - 1
        let z = q % m1, r = q / m1
        let k = r % 12, r2 = r / 12
        return [r2 / m, r2 % m, k, z]
    }

    /// Proper 4-colouring: orientation picks a pair of colours, the parity of `k ⊕ z` one of
    /// them. Odd edges change `k`'s parity, external edges `z`'s, internal edges `u`.
    public static func color(_ c: [Int]) -> Int { 2 * c[0] + ((c[2] ^ c[3]) & 1) }

    public static func topology(m: Int) throws(TopologyError) -> Topology {
        guard m >= 2, m <= 64 else {
            throw .invalidSize("Pegasus size m must be between 2 and 64 (got \(m))")
        }
        let m1 = m - 1
        let s0 = verticalOffsets, s1 = horizontalOffsets
        // fabric bounds indexed by orientation u
        let start = [s1.min() ?? 0, s0.min() ?? 0]
        let end = [12 - (s1.max() ?? 0), 12 - (s0.max() ?? 0)]
        func inFabric(_ u: Int, _ w: Int, _ k: Int) -> Bool {
            if w == 0 && k < start[u] { return false }
            if w == m1 && k >= 12 - end[u] { return false }
            return true
        }
        func q(_ u: Int, _ w: Int, _ k: Int, _ z: Int) -> Int {
            linearIndex(u: u, w: w, k: k, z: z, m: m)
        }
        var edges: [(Int, Int)] = []
        for u in 0..<2 {
            for w in 0..<m {
                for k in 0..<12 where inFabric(u, w, k) {
                    for z in 0..<(m1 - 1) { edges.append((q(u, w, k, z), q(u, w, k, z + 1))) }
                    if k % 2 == 0 {
                        for z in 0..<m1 { edges.append((q(u, w, k, z), q(u, w, k + 1, z))) }
                    }
                }
            }
        }
        for w in 0..<m {
            for kk in 0..<12 {
                let lo = w == 0 ? s1[kk] : 0
                let hi = w < m1 ? 12 : s1[kk]
                guard lo < hi else { continue }
                for k in lo..<hi {
                    for z in 0..<m1 {
                        let w1 = z + (kk < s0[k] ? 1 : 0)
                        let z1 = w - (k < s1[kk] ? 1 : 0)
                        guard inFabric(0, w, k), inFabric(1, w1, kk) else { continue }
                        edges.append((q(0, w, k, z), q(1, w1, kk, z1)))
                    }
                }
            }
        }
        return Topology.fromLinearEdges(family: .pegasus(m: m), edges: edges, keepAll: nil)
    }
}
