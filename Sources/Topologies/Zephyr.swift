/// Zephyr Z(m, t), as dwave-networkx's `zephyr_graph(m, t)` builds it.
///
/// A node is `(u, w, k, j, z)`: orientation `u ∈ {0,1}`, `w < 2m+1`, `k < t`, `j ∈ {0,1}`,
/// `z < m`; its linear index is `(((u·(2m+1) + w)·t + k)·2 + j)·m + z`. Edges:
/// - external: `(u,w,k,j,z) ~ (u,w,k,j,z+1)`;
/// - odd: `(u,w,k,0,z) ~ (u,w,k,1,z-a)` for `a ∈ {0,1}`;
/// - internal: `(0, 2w+1+a(2i-1), k, j, z) ~ (1, 2z+1+b(2j-1), h, i, w)` for all
///   `w, z < m`, `h, k < t` and `i, j, a, b ∈ {0,1}`.
public enum Zephyr {
    public static func linearIndex(u: Int, w: Int, k: Int, j: Int, z: Int, m: Int, t: Int) -> Int {
        (((u * (2 * m + 1) + w) * t + k) * 2 + j) * m + z
    }

    public static func coordinates(linear q: Int, m: Int, t: Int) -> [Int] {
        let z = q % m, r1 = q / m
        let j = r1 % 2, r2 = r1 / 2
        let k = r2 % t, r3 = r2 / t
        let w = r3 % (2 * m + 1), u = r3 / (2 * m + 1)
        return [u, w, k, j, z]
    }

    /// Proper 4-colouring: colour `j + 2·⌊((w + 2(z+u) + j) mod 4) / 2⌋`. External edges move
    /// `z` by one (the high bit flips), odd edges flip `j` (the low bit), and an internal edge
    /// between the two orientations lands on the other colour pair.
    public static func color(_ c: [Int]) -> Int {
        let u = c[0], w = c[1], j = c[3], z = c[4]
        return j + ((w + 2 * (z + u) + j) & 2)
    }

    public static func topology(m: Int, t: Int) throws(TopologyError) -> Topology {
        guard m >= 1, m <= 64 else {
            throw .invalidSize("Zephyr grid size m must be between 1 and 64 (got \(m))")
        }
        guard t >= 1, t <= 32 else {
            throw .invalidSize("Zephyr tile size t must be between 1 and 32 (got \(t))")
        }
        let big = 2 * m + 1
        func q(_ u: Int, _ w: Int, _ k: Int, _ j: Int, _ z: Int) -> Int {
            linearIndex(u: u, w: w, k: k, j: j, z: z, m: m, t: t)
        }
        var edges: [(Int, Int)] = []
        for u in 0..<2 {
            for w in 0..<big {
                for k in 0..<t {
                    for j in 0..<2 {
                        for z in 0..<(m - 1) { edges.append((q(u, w, k, j, z), q(u, w, k, j, z + 1))) }
                    }
                    for a in 0..<2 {
                        for z in a..<m { edges.append((q(u, w, k, 0, z), q(u, w, k, 1, z - a))) }
                    }
                }
            }
        }
        for w in 0..<m {
            for z in 0..<m {
                for h in 0..<t {
                    for k in 0..<t {
                        for i in 0..<2 {
                            for j in 0..<2 {
                                for a in 0..<2 {
                                    for b in 0..<2 {
                                        edges.append((q(0, 2 * w + 1 + a * (2 * i - 1), k, j, z),
                                                      q(1, 2 * z + 1 + b * (2 * j - 1), h, i, w)))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Topology.fromLinearEdges(
            family: .zephyr(m: m, t: t), edges: edges, keepAll: 4 * t * m * big)
    }
}
