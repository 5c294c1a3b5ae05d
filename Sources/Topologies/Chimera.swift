/// Chimera C(m, n, t), as dwave-networkx's `chimera_graph(m, n, t)` builds it.
///
/// A node is `(i, j, u, k)`: cell row `i < m`, column `j < n`, shore `u ∈ {0,1}`, index
/// `k < t`; linear index `((i·n + j)·2 + u)·t + k`. Each cell is a complete bipartite
/// `K_{t,t}` between its shores; vertical qubits (`u = 0`) couple to the cell below,
/// horizontal ones (`u = 1`) to the cell on the right.
public enum Chimera {
    public static func linearIndex(i: Int, j: Int, u: Int, k: Int, n: Int, t: Int) -> Int {
        ((i * n + j) * 2 + u) * t + k
    }

    public static func coordinates(linear q: Int, n: Int, t: Int) -> [Int] {
        let k = q % t, r = q / t
        let u = r % 2, r2 = r / 2
        return [r2 / n, r2 % n, u, k]
    }

    /// Chimera is bipartite: `(i + j + u) mod 2` is a proper 2-colouring.
    public static func color(_ c: [Int]) -> Int { (c[0] + c[1] + c[2]) & 1 }

    public static func topology(m: Int, n: Int? = nil, t: Int = 4) throws(TopologyError) -> Topology {
        let n = n ?? m
        guard m >= 1, m <= 128, n >= 1, n <= 128 else {
            throw .invalidSize("Chimera sizes m and n must be between 1 and 128 (got \(m), \(n))")
        }
        guard t >= 1, t <= 32 else {
            throw .invalidSize("Chimera tile size t must be between 1 and 32 (got \(t))")
        }
        func q(_ i: Int, _ j: Int, _ u: Int, _ k: Int) -> Int {
            linearIndex(i: i, j: j, u: u, k: k, n: n, t: t)
        }
        var edges: [(Int, Int)] = []
        for i in 0..<m {
            for j in 0..<n {
                for k0 in 0..<t {
                    for k1 in 0..<t { edges.append((q(i, j, 0, k0), q(i, j, 1, k1))) }
                    if j + 1 < n { edges.append((q(i, j, 1, k0), q(i, j + 1, 1, k0))) }
                    if i + 1 < m { edges.append((q(i, j, 0, k0), q(i + 1, j, 0, k0))) }
                }
            }
        }
        return Topology.fromLinearEdges(
            family: .chimera(m: m, n: n, t: t), edges: edges, keepAll: m * n * 2 * t)
    }
}
