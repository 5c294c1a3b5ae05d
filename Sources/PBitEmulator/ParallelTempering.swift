import Foundation
import IsingModel
import RandomStreams
import Topologies

/// Persistent chains with replica exchange (parallel tempering): each chain has partners at
/// lower inverse temperatures `β·levels[k]`, and after every sweep neighbouring levels swap
/// states with probability `min(1, exp((β_k − β_{k+1})(E_k − E_{k+1})))`, which leaves the
/// product of the levels' Boltzmann distributions unchanged. The level-1 chains then sample
/// `p(m) ∝ exp(−βE(m))` exactly, but cross the barriers between modes as the hot levels do.
///
/// Replica layout: level `k` holds replicas `k·W ..< (k+1)·W`, `W = 32·ladders`, whole
/// blocks of the engine, so one sweep runs every level at its own β. Replica `j` of level 0
/// and replica `k·W + j` of level `k` form one ladder position.
public final class TemperedChains {
    public let engine: ReplicaEngine
    /// β multipliers, `levels[0] == 1` (the chains that are read), decreasing.
    public let levels: [Double]
    /// Replicas per level (a multiple of 32).
    public let width: Int
    /// Exchanges tried and accepted between levels `k` and `k + 1`, since the last reseed.
    public private(set) var tried: [Int]
    public private(set) var accepted: [Int]
    var rng: Xoshiro256StarStar
    /// Which pairs try next: (0,1), (2,3), … then (1,2), (3,4), … (deterministic even–odd).
    var parity = 0

    /// At least `chains` cold chains (rounded up to 32); `levels` as above.
    public init(model: IsingModel, coloring: Coloring, chains: Int, levels: [Double], seed: UInt64,
                threads: Int) throws(SamplerError) {
        guard levels.first == 1, levels.allSatisfy({ $0.isFinite && $0 > 0 }),
              zip(levels, levels.dropFirst()).allSatisfy({ $0 > $1 })
        else { throw .invalid("tempering levels must start at 1 and decrease, all positive (got \(levels))") }
        guard chains >= 1 else { throw .invalid("chains must be at least 1 (got \(chains))") }
        width = (chains + ReplicaKernel.lanes - 1) / ReplicaKernel.lanes * ReplicaKernel.lanes
        self.levels = levels
        engine = try ReplicaEngine(model: model, coloring: coloring, replicas: width * levels.count, seed: seed, threads: threads)
        tried = [Int](repeating: 0, count: levels.count - 1)
        accepted = tried
        rng = Self.exchangeStream(seed)
    }

    /// The stream of exchange decisions for `seed` (apart from the engine's streams).
    static func exchangeStream(_ seed: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: SplitMix64.streamSeed(seed, stream: 0, salt: 0x7E3E))
    }

    /// The fraction of exchanges accepted between levels `k` and `k + 1` since the last reseed.
    public var acceptanceRates: [Double] {
        zip(accepted, tried).map { Double($0) / Double(max($1, 1)) }
    }

    /// `levels` linear from 1 down to `lowest`.
    public static func linearLevels(count: Int, lowest: Double) -> [Double] {
        count <= 1 ? [1] : (0..<count).map { 1 - (1 - lowest) * Double($0) / Double(count - 1) }
    }

    /// Restarts the engine's streams and the exchange decisions from `seed` (states are kept).
    public func reseed(_ seed: UInt64) {
        engine.reseed(seed)
        rng = Self.exchangeStream(seed)
        parity = 0
        tried = [Int](repeating: 0, count: levels.count - 1)
        accepted = tried
    }

    /// `count` sweeps at inverse temperature `beta` for level 0, each followed by one round of
    /// exchanges.
    public func sweep(_ count: Int, beta: Double) {
        let blockBetas = (0..<(levels.count * width / ReplicaKernel.lanes)).map {
            beta * levels[$0 * ReplicaKernel.lanes / width]
        }
        for _ in 0..<count {
            engine.sweep(1, blockBetas: blockBetas)
            guard levels.count > 1 else { continue }
            var energy = engine.energies()
            for k in stride(from: parity, to: levels.count - 1, by: 2) {
                let db = beta * (levels[k] - levels[k + 1])
                for j in 0..<width {
                    let a = k * width + j, b = a + width
                    let x = db * (energy[a] - energy[b])
                    tried[k] += 1
                    if x >= 0 || Double.random(in: 0..<1, using: &rng) < Foundation.exp(x) {
                        engine.exchangeStates(a, b)
                        energy.swapAt(a, b)
                        accepted[k] += 1
                    }
                }
            }
            parity ^= 1
        }
    }
}

extension ReplicaEngine {
    /// `E(m) = −Σ_{i<j} J_ij m_i m_j − Σ_i h_i m_i` of every replica.
    public func energies() -> [Double] {
        let workers = min(threads, blocks)
        let box = EngineBox(self)
        let parts = parallelMap(workers) { k -> [(Int, [Double])] in
            chunk(box.engine.blocks, parts: workers, index: k).map { ($0, box.engine.blockEnergies($0)) }
        }
        var out = [Double](repeating: 0, count: replicas)
        for list in parts {
            for (b, e) in list {
                for l in 0..<ReplicaKernel.lanes where b * ReplicaKernel.lanes + l < replicas {
                    out[b * ReplicaKernel.lanes + l] = e[l]
                }
            }
        }
        return out
    }

    private func blockEnergies(_ b: Int) -> [Double] {
        // Rows are two chunks of sixteen lanes (`ReplicaKernel.chunks == 2`).
        let state = states[b].pointer
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>()
        for e in 0..<tables.edgeCount {
            let ab = tables.edgeSlots[e]
            let w = tables.edgeWeights[e]
            let i = 2 &* Int(ab[0]), j = 2 &* Int(ab[1])
            a0 = a0.addingProduct(w, state[i] * state[j])
            a1 = a1.addingProduct(w, state[i &+ 1] * state[j &+ 1])
        }
        for v in 0..<nodeCount {
            let s = Int(layout.internalIndex[v])
            let h = tables.biases[s]
            a0 = a0.addingProduct(h, state[2 &* s])
            a1 = a1.addingProduct(h, state[2 &* s &+ 1])
        }
        return (0..<ReplicaKernel.lanes).map { l in -Double(l < 16 ? a0[l] : a1[l - 16]) }
    }

    /// Exchanges the whole states of replicas `a` and `b`.
    public func exchangeStates(_ a: Int, _ b: Int) {
        let lanes = ReplicaKernel.lanes, chunks = ReplicaKernel.chunks
        let pa = states[a / lanes].pointer, pb = states[b / lanes].pointer
        let (ra, la) = ((a % lanes) / 16, a % 16), (rb, lb) = ((b % lanes) / 16, b % 16)
        for s in 0..<layout.paddedCount {
            let x = pa[s * chunks + ra][la]
            pa[s * chunks + ra][la] = pb[s * chunks + rb][lb]
            pb[s * chunks + rb][lb] = x
        }
    }
}
