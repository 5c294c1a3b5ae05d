import Foundation
import IsingModel
import RandomStreams
import Topologies

/// Sums over replicas of `m_i` and of `m_i m_j` on every edge (graph edge order), and how
/// many replica states went into them: what a Boltzmann machine's gradient needs.
public struct PairStatistics: Sendable, Equatable {
    public var nodeSums: [Double]
    public var edgeSums: [Double]
    public var samples: Int

    public init(nodes: Int, edges: Int) {
        nodeSums = [Double](repeating: 0, count: nodes)
        edgeSums = [Double](repeating: 0, count: edges)
        samples = 0
    }

    public var nodeMeans: [Double] { nodeSums.map { $0 / Double(max(samples, 1)) } }
    public var edgeMeans: [Double] { edgeSums.map { $0 / Double(max(samples, 1)) } }
}

/// Persistent replicas on the SIMD kernel, for learning: the couplings can be replaced in
/// place between sweeps, any nodes can be clamped to values set per replica, and the chains
/// keep their states from one call to the next (persistent contrastive divergence).
///
/// Replicas come in blocks of 32, each with its own random streams, so results do not
/// depend on `threads`.
public final class ReplicaEngine: @unchecked Sendable {
    public let replicas: Int
    public let nodeCount: Int
    public let layout: ColoredLayout
    public var threads: Int
    let tables: KernelTables
    let blocks: Int
    var states: [AlignedBuffer<SIMD16<Float>>]
    private var rngs: [XoshiroLanes]
    private var free: FreeSlots

    public init(model: IsingModel, coloring: Coloring, replicas: Int, seed: UInt64, threads: Int) throws(SamplerError) {
        guard replicas >= 1, replicas <= 1 << 20 else {
            throw .invalid("replicas must be between 1 and 1048576 (got \(replicas))")
        }
        guard threads >= 1 else { throw .invalid("threads must be at least 1 (got \(threads))") }
        guard model.nodeCount >= 1 else { throw .invalid("the model has no p-bits") }
        let coloring = try ColoredLayout.checkedColoring(coloring, for: model.graph)
        self.replicas = replicas
        self.nodeCount = model.nodeCount
        self.threads = threads
        layout = ColoredLayout(model: model, coloring: coloring)
        tables = KernelTables(layout, columnScale: ReplicaKernel.rowBytes)
        blocks = (replicas + ReplicaKernel.lanes - 1) / ReplicaKernel.lanes
        free = FreeSlots(layout)
        rngs = (0..<blocks).map { XoshiroLanes(seed: seed, stream: UInt64($0)) }
        let rows = (layout.paddedCount + 1) * ReplicaKernel.chunks
        states = (0..<blocks).map { _ in AlignedBuffer(repeating: .zero, count: rows) }
        randomize()
    }

    deinit { for s in states { s.free() } }

    // MARK: Parameters and clamping

    /// Replaces `J` (graph edge order) and `h`.
    public func setParameters(edgeCouplings j: [Double], biases h: [Double]) {
        precondition(j.count == layout.edgePositions.count && h.count == nodeCount, "parameter sizes")
        for (e, p) in layout.edgePositions.enumerated() {
            let w = Float(j[e])
            tables.weights[Int(p[0])] = w
            tables.weights[Int(p[1])] = w
            tables.edgeWeights[e] = w
        }
        for v in 0..<nodeCount { tables.biases[Int(layout.internalIndex[v])] = Float(h[v]) }
    }

    /// Nodes that sweeps update; the others keep the values set with `set`. `nil` frees all.
    public func setFree(_ isFree: [Bool]?) {
        free = FreeSlots(layout, isFree: isFree)
    }

    @inline(__always)
    private func address(_ node: Int, _ replica: Int) -> (block: Int, row: Int, lane: Int) {
        let b = replica / ReplicaKernel.lanes, l = replica % ReplicaKernel.lanes
        return (b, Int(layout.internalIndex[node]) * ReplicaKernel.chunks + l / 16, l % 16)
    }

    /// Sets node `node` of replica `replica` to `value` (±1).
    public func set(node: Int, replica: Int, value: Int8) {
        let a = address(node, replica)
        states[a.block].pointer[a.row][a.lane] = Float(value)
    }

    /// Sets `nodes[k]` of `replica` to `values[k]`.
    public func set(nodes: [Int], replica: Int, values: [Int8]) {
        for (k, v) in nodes.enumerated() { set(node: v, replica: replica, value: values[k]) }
    }

    public func value(node: Int, replica: Int) -> Int8 {
        let a = address(node, replica)
        return states[a.block].pointer[a.row][a.lane] > 0 ? 1 : -1
    }

    /// The state of one replica in node order.
    public func state(replica: Int) -> [Int8] { (0..<nodeCount).map { value(node: $0, replica: replica) } }

    /// Random ±1 values (from each block's own stream) on `nodes`, or on every node.
    public func randomize(nodes: [Int]? = nil) {
        let slots = (nodes ?? Array(0..<nodeCount)).map { Int(layout.internalIndex[$0]) }
        for b in 0..<blocks {
            for s in slots {
                for h in 0..<ReplicaKernel.chunks {
                    var m = SIMD16<Float>(repeating: -1)
                    m.replace(with: 1, where: rngs[b].nextUnit16() .< 0.5)
                    states[b].pointer[s * ReplicaKernel.chunks + h] = m
                }
            }
        }
    }

    // MARK: Sampling

    /// `count` sweeps of the free nodes at inverse temperature `beta`.
    public func sweep(_ count: Int, beta: Double) {
        sweep(betas: Array(repeating: beta, count: count))
    }

    /// One sweep per entry of `betas` (an annealing schedule).
    public func sweep(betas: [Double]) {
        let scaled = betas.map { Float($0) * PBitActivation.minusTwoLog2e }
        sweepBlocks(sweeps: scaled.count) { _, t in scaled[t] }
    }

    /// `count` sweeps in which block `b` (replicas `32b ..< 32b + 32`) runs at `blockBetas[b]`:
    /// the replicas of a tempering ladder, each level its own blocks.
    public func sweep(_ count: Int, blockBetas: [Double]) {
        precondition(blockBetas.count == blocks, "one β per block of 32 replicas")
        let scaled = blockBetas.map { Float($0) * PBitActivation.minusTwoLog2e }
        sweepBlocks(sweeps: count) { b, _ in scaled[b] }
    }

    /// Runs `sweeps` sweeps of every block, sweep `t` of block `b` at `scaledBeta(b, t)`.
    private func sweepBlocks(sweeps: Int, scaledBeta: @Sendable (Int, Int) -> Float) {
        let workers = min(threads, blocks)
        let box = EngineBox(self)
        let results = parallelMap(workers) { k -> [(Int, XoshiroLanes)] in
            let e = box.engine
            var out: [(Int, XoshiroLanes)] = []
            for b in chunk(e.blocks, parts: workers, index: k) {
                var rng = e.rngs[b]
                let state = e.states[b].pointer
                for t in 0..<sweeps {
                    ReplicaKernel.sweep(state: state, tables: e.tables, free: e.free, scaledBeta: scaledBeta(b, t), rng: &rng)
                }
                out.append((b, rng))
            }
            return out
        }
        for list in results { for (b, rng) in list { rngs[b] = rng } }
    }

    /// Adds the current states of replicas `0..<count` (default all) to `stats`.
    /// Sums are formed per block and added in block order: the same for any thread count.
    public func accumulate(into stats: inout PairStatistics, replicas count: Int? = nil) {
        let n = min(count ?? replicas, replicas)
        // Only the blocks holding those replicas: a tempering ladder reads its cold level alone.
        let used = (n + ReplicaKernel.lanes - 1) / ReplicaKernel.lanes
        let workers = max(1, min(threads, used))
        let box = EngineBox(self)
        let partials = parallelMap(workers) { k -> [(nodes: [Double], edges: [Double])] in
            chunk(used, parts: workers, index: k).map { box.engine.blockSums($0, replicas: n) }
        }
        for list in partials {
            for p in list {
                for v in 0..<nodeCount { stats.nodeSums[v] += p.nodes[v] }
                for e in 0..<p.edges.count { stats.edgeSums[e] += p.edges[e] }
            }
        }
        stats.samples += n
    }

    /// Sums over the real lanes (`< replicas`) of block `b`.
    func blockSums(_ b: Int, replicas n: Int) -> (nodes: [Double], edges: [Double]) {
        let view = LaneView(state: states[b].pointer, chunks: ReplicaKernel.chunks,
                            lanes: max(0, min(ReplicaKernel.lanes, n - b * ReplicaKernel.lanes)))
        let masks = (0..<view.chunks).map(view.mask)
        var nodes = [Double](repeating: 0, count: nodeCount)
        var edges = [Double](repeating: 0, count: tables.edgeCount)
        for v in 0..<nodeCount {
            let s = Int(layout.internalIndex[v])
            var acc = SIMD16<Float>()
            for h in 0..<view.chunks { acc = acc.addingProduct(view.row(s, h), masks[h]) }
            nodes[v] = Double(acc.sum())
        }
        for e in 0..<tables.edgeCount {
            let ab = tables.edgeSlots[e]
            var acc = SIMD16<Float>()
            for h in 0..<view.chunks {
                acc = acc.addingProduct(view.row(Int(ab[0]), h) * view.row(Int(ab[1]), h), masks[h])
            }
            edges[e] = Double(acc.sum())
        }
        return (nodes, edges)
    }

    /// Restarts every block's random streams from `seed` (states are kept). Learning reseeds
    /// at each epoch, so a run resumed from a checkpoint continues exactly as it would have.
    public func reseed(_ seed: UInt64) {
        rngs = (0..<blocks).map { XoshiroLanes(seed: seed, stream: UInt64($0)) }
    }

    /// Local fields `I_v = Σ_j J_vj m_j + h_v` of `nodes` in every replica's current state,
    /// as `fields[replica · nodes.count + k]`.
    public func localFields(nodes: [Int]) -> [Double] {
        var out = [Double](repeating: 0, count: replicas * nodes.count)
        let chunks = ReplicaKernel.chunks, width = tables.width
        for (k, v) in nodes.enumerated() {
            let s = Int(layout.internalIndex[v])
            let at = ((s >> 4) * width) * 16 + (s & 15)
            for b in 0..<blocks {
                let state = states[b].pointer
                for h in 0..<chunks {
                    var field = SIMD16<Float>(repeating: tables.biases[s])
                    for slot in 0..<width {
                        let row = Int(tables.columns[at + slot * 16]) / Int(ReplicaKernel.rowBytes)
                        field = field.addingProduct(tables.weights[at + slot * 16], state[row * chunks + h])
                    }
                    for l in 0..<16 {
                        let r = b * ReplicaKernel.lanes + h * 16 + l
                        guard r < replicas else { break }
                        out[r * nodes.count + k] = Double(field[l])
                    }
                }
            }
        }
        return out
    }

    /// Adds `tanh(β·I_v)` of each replica to `sums[replica · nodes.count + k]`: the expected
    /// value of p-bit `nodes[k]` given its neighbours, a lower-variance read-out than its
    /// sampled value.
    public func accumulateExpectations(nodes: [Int], beta: Double, into sums: inout [Double]) {
        let fields = localFields(nodes: nodes)
        for i in 0..<fields.count { sums[i] += _tanh(beta * fields[i]) }
    }

    /// Adds each replica's current values of `nodes` to `sums[replica · nodes.count + k]`.
    public func accumulate(nodes: [Int], into sums: inout [Double]) {
        for r in 0..<replicas {
            for (k, v) in nodes.enumerated() { sums[r * nodes.count + k] += Double(value(node: v, replica: r)) }
        }
    }
}

/// Lets concurrent workers read the engine; each writes only its own blocks.
struct EngineBox: @unchecked Sendable {
    let engine: ReplicaEngine
    init(_ e: ReplicaEngine) { engine = e }
}

@inline(__always) private func _tanh(_ x: Double) -> Double { Foundation.tanh(x) }
