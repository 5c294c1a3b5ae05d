import Foundation
import IsingModel
import RandomStreams

/// The scalar reference sampler: one chain at a time, every update mode and every hardware
/// knob (lookup-table activation, per-p-bit LFSRs). Replica `r` draws from its own stream, so
/// chunks of replicas can go to any thread without changing the samples.
enum ReferenceRunner {
    struct Plan: Sendable {
        let model: IsingModel
        let config: SamplerConfiguration
        let classes: [[Int]]
    }

    static func run(_ plan: Plan) -> [PartialMeasurements] {
        let cfg = plan.config
        let workers = min(cfg.threads, cfg.replicas)
        // Fixed chunking by replica keeps each replica's stream independent of the workers.
        return parallelMap(workers) { k in
            var partial = PartialMeasurements(nodes: plan.model.nodeCount, edges: plan.model.graph.edgeCount)
            for r in chunk(cfg.replicas, parts: workers, index: k) {
                var chain = Chain(plan: plan, replica: r)
                chain.run(into: &partial)
            }
            return partial
        }
    }

    /// The source of the uniforms `u` behind `r = 2u − 1`.
    struct Uniforms {
        var xoshiro: Xoshiro256StarStar
        var lfsr: [LFSR32]
        let shifts: Int

        mutating func next(for node: Int) -> Double {
            if shifts > 0 { return Double(lfsr[node].nextUnit(shifts: shifts)) }
            return xoshiro.nextOpenUnit()
        }
    }

    struct Chain {
        let plan: Plan
        let replica: Int
        let model: IsingModel
        var state: [Int8]
        var rng: Xoshiro256StarStar
        var uniforms: Uniforms
        let table: ActivationTable?

        init(plan: Plan, replica: Int) {
            self.plan = plan
            self.replica = replica
            model = plan.model
            rng = Xoshiro256StarStar(seed: SplitMix64.streamSeed(plan.config.seed, stream: UInt64(replica), salt: 1))
            var r = rng
            state = (0..<plan.model.nodeCount).map { _ in r.next() >> 63 == 0 ? 1 : -1 }
            let shifts = plan.config.hardware.lfsrShifts ?? 0
            let lfsr = shifts > 0 ? (0..<plan.model.nodeCount).map { _ in LFSR32(seed: UInt32(truncatingIfNeeded: r.next())) } : []
            uniforms = Uniforms(xoshiro: Xoshiro256StarStar(seed: r.next()), lfsr: lfsr, shifts: shifts)
            rng = r
            table = plan.config.hardware.activationTable
        }

        /// The p-bit rule `m = sgn(tanh(βI) − r)`.
        @inline(__always)
        mutating func decide(node i: Int, field: Double, beta: Double) -> Int8 {
            let u = uniforms.next(for: i)
            let a = table?.tanh(beta * field) ?? Foundation.tanh(beta * field)
            return a > 2 * u - 1 ? 1 : -1
        }

        mutating func run(into partial: inout PartialMeasurements) {
            let cfg = plan.config
            var trace: [Double] = []
            var lowest = Double.infinity
            var lowestState: [Int8] = []
            var samples: [Int8] = []
            var asyncState = cfg.mode.isAsynchronous ? AsyncClock(nodes: model.nodeCount, state: state, rng: &rng) : nil
            let edges = model.graph.edges
            for sweep in 0..<cfg.totalSweeps {
                let beta = cfg.schedule.beta(sweep: sweep, of: cfg.totalSweeps)
                let t0 = now()
                switch cfg.mode {
                case .colored:
                    for members in plan.classes {
                        for i in members { state[i] = decide(node: i, field: model.localField(i, state: state), beta: beta) }
                    }
                case .sequential(let randomOrder):
                    if randomOrder {
                        var order = Array(0..<model.nodeCount)
                        order.stableShuffle(using: &rng)
                        for i in order { state[i] = decide(node: i, field: model.localField(i, state: state), beta: beta) }
                    } else {
                        for i in 0..<model.nodeCount {
                            state[i] = decide(node: i, field: model.localField(i, state: state), beta: beta)
                        }
                    }
                case .synchronous:
                    let old = state
                    for i in 0..<model.nodeCount { state[i] = decide(node: i, field: model.localField(i, state: old), beta: beta) }
                case .asynchronous(let delay):
                    if var clock = asyncState {
                        clock.advance(to: Double(sweep + 1), delay: delay, beta: beta, chain: &self)
                        asyncState = clock
                    }
                }
                let t1 = now()
                partial.sampleNanos &+= t1 &- t0
                guard FastRunner.isMeasured(sweep, cfg) else { continue }
                for i in 0..<model.nodeCount { partial.magnetization[i] += Int64(state[i]) }
                for (e, (i, j)) in edges.enumerated() { partial.correlation[e] += Int64(state[i] * state[j]) }
                let energy = model.energy(state)
                trace.append(energy)
                if cfg.trackLowestEnergy && energy < lowest {
                    lowest = energy
                    lowestState = state
                }
                if cfg.recordSamples { samples.append(contentsOf: state) }
                partial.measureNanos &+= now() &- t1
            }
            partial.traces.append((replica, trace))
            if cfg.trackLowestEnergy { partial.lowest.append((replica, lowest, lowestState)) }
            if cfg.recordSamples { partial.samples.append((replica, samples)) }
        }
    }

    /// Poisson clocks with synapse delay. Every p-bit fires at rate 1 per sweep; when it fires
    /// at time `t` it reads each neighbour's value at `t − delay` from a short history of that
    /// neighbour's changes.
    struct AsyncClock {
        static let depth = 32
        var queue: [(Double, Int32)] = []
        /// Per node: ring of `(time, value)` changes, newest at `head`.
        var times: [Double]
        var values: [Int8]
        var head: [Int]
        var filled: [Int]

        init(nodes n: Int, state: [Int8], rng: inout Xoshiro256StarStar) {
            times = [Double](repeating: -.infinity, count: n * Self.depth)
            values = [Int8](repeating: 0, count: n * Self.depth)
            head = [Int](repeating: 0, count: n)
            filled = [Int](repeating: 1, count: n)
            for i in 0..<n {
                values[i * Self.depth] = state[i]
                push((Self.exponential(&rng), Int32(i)))
            }
        }

        static func exponential(_ rng: inout Xoshiro256StarStar) -> Double { -Foundation.log(rng.nextOpenUnit()) }

        func value(of j: Int, at time: Double) -> Int8 {
            var k = head[j]
            for _ in 0..<filled[j] {
                if times[j * Self.depth + k] <= time { return values[j * Self.depth + k] }
                k = (k + Self.depth - 1) % Self.depth
            }
            // Older than the history keeps: the oldest value known.
            return values[j * Self.depth + (head[j] + Self.depth - filled[j] + 1) % Self.depth]
        }

        mutating func change(_ i: Int, to v: Int8, at time: Double) {
            head[i] = (head[i] + 1) % Self.depth
            times[i * Self.depth + head[i]] = time
            values[i * Self.depth + head[i]] = v
            filled[i] = min(filled[i] + 1, Self.depth)
        }

        mutating func advance(to end: Double, delay: Double, beta: Double, chain: inout Chain) {
            let g = chain.model.graph
            while let (time, node) = queue.first, time < end {
                pop()
                let i = Int(node)
                var field = chain.model.biases[i]
                for k in g.offsets[i]..<g.offsets[i + 1] {
                    let j = Int(g.neighbors[k])
                    let mj = delay == 0 ? chain.state[j] : value(of: j, at: time - delay)
                    field += chain.model.couplings[k] * Double(mj)
                }
                let v = chain.decide(node: i, field: field, beta: beta)
                if v != chain.state[i] {
                    chain.state[i] = v
                    change(i, to: v, at: time)
                }
                push((time + Self.exponential(&chain.rng), node))
            }
        }

        // Binary min-heap on time.
        mutating func push(_ x: (Double, Int32)) {
            queue.append(x)
            var i = queue.count - 1
            while i > 0 {
                let p = (i - 1) / 2
                guard queue[i].0 < queue[p].0 else { break }
                queue.swapAt(i, p)
                i = p
            }
        }

        mutating func pop() {
            let last = queue.removeLast()
            guard !queue.isEmpty else { return }
            queue[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < queue.count && queue[l].0 < queue[m].0 { m = l }
                if r < queue.count && queue[r].0 < queue[m].0 { m = r }
                if m == i { break }
                queue.swapAt(i, m)
                i = m
            }
        }
    }
}

extension UpdateMode {
    var isAsynchronous: Bool {
        if case .asynchronous = self { return true }
        return false
    }
}
