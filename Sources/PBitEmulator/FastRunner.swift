import RandomStreams

/// Runs the SIMD kernels: blocks of 32 replicas (or one chain vectorised across nodes),
/// spread over threads. Block `b` always draws from random stream `b`, so the samples do not
/// depend on how blocks are spread.
enum FastRunner {
    struct Plan: Sendable {
        let tables: KernelTables
        let free: FreeSlots
        let layout: ColoredLayout
        let config: SamplerConfiguration

        /// `−2β·log₂e` for sweep `t` (burn-in included), computed as needed: a schedule of
        /// 10⁹ sweeps needs no 10⁹-entry array.
        func scaledBeta(_ t: Int) -> Float {
            Float(config.schedule.beta(sweep: t, of: config.totalSweeps)) * PBitActivation.minusTwoLog2e
        }
    }

    static func run(_ plan: Plan) -> [PartialMeasurements] {
        let r = plan.config.replicas
        if r == 1 { return [runSingleChain(plan)] }
        let blocks = (r + ReplicaKernel.lanes - 1) / ReplicaKernel.lanes
        let workers = min(plan.config.threads, blocks)
        return parallelMap(workers) { k in
            var partial = PartialMeasurements(nodes: plan.layout.nodeCount, edges: plan.layout.edgeSlots.count)
            var lanes = LaneAccumulator(layout: plan.layout, chunks: ReplicaKernel.chunks)
            for b in chunk(blocks, parts: workers, index: k) {
                runBlock(b, plan, &lanes, &partial)
            }
            lanes.flush(into: &partial)
            lanes.free()
            return partial
        }
    }

    static func runBlock(_ b: Int, _ plan: Plan, _ lanes: inout LaneAccumulator, _ partial: inout PartialMeasurements) {
        let t = plan.tables, cfg = plan.config
        let chunks = ReplicaKernel.chunks
        let state = AlignedBuffer<SIMD16<Float>>(repeating: .zero, count: (t.paddedCount + 1) * chunks)
        defer { state.free() }
        var rng = XoshiroLanes(seed: cfg.seed, stream: UInt64(b))
        for s in 0..<(t.paddedCount * chunks) {
            var m = SIMD16<Float>(repeating: -1)
            m.replace(with: 1, where: rng.nextUnit16() .< 0.5)
            state.pointer[s] = m
        }
        let firstReplica = ReplicaKernel.lanes * b
        let replicas = firstReplica..<min(firstReplica + ReplicaKernel.lanes, cfg.replicas)
        var recorder = LaneRecorder(replicas: replicas, config: cfg)
        for sweep in 0..<cfg.totalSweeps {
            let t0 = now()
            ReplicaKernel.sweep(state: state.pointer, tables: t, free: plan.free, scaledBeta: plan.scaledBeta(sweep), rng: &rng)
            let t1 = now()
            partial.sampleNanos &+= t1 &- t0
            if isMeasured(sweep, cfg) {
                let view = LaneView(state: state.pointer, chunks: chunks, lanes: replicas.count)
                let energy = lanes.measure(view, layout: plan.layout, tables: t)
                recorder.record(energy: energy, view: view, layout: plan.layout)
                partial.measureNanos &+= now() &- t1
            }
        }
        recorder.finish(into: &partial)
    }

    static func runSingleChain(_ plan: Plan) -> PartialMeasurements {
        let t = plan.tables, cfg = plan.config, layout = plan.layout
        var partial = PartialMeasurements(nodes: layout.nodeCount, edges: layout.edgeSlots.count)
        var lanes = LaneAccumulator(layout: layout, chunks: 1)
        let state = AlignedBuffer<Float>(repeating: 0, count: t.paddedCount + 16)
        let rows = AlignedBuffer<SIMD16<Float>>(repeating: .zero, count: t.paddedCount + 1)
        defer { state.free(); rows.free() }
        var rng = XoshiroLanes(seed: cfg.seed, stream: 0)
        for g in 0..<(t.paddedCount / 16) {
            let u = rng.nextUnit16()
            for l in 0..<16 { state.pointer[16 * g + l] = u[l] < 0.5 ? 1 : -1 }
        }
        var recorder = LaneRecorder(replicas: 0..<1, config: cfg)
        for sweep in 0..<cfg.totalSweeps {
            let t0 = now()
            SingleChainKernel.sweep(state: state.pointer, tables: t, scaledBeta: plan.scaledBeta(sweep), rng: &rng)
            let t1 = now()
            partial.sampleNanos &+= t1 &- t0
            if isMeasured(sweep, cfg) {
                // Lane 0 of a one-chunk row view carries the chain; the other lanes stay 0.
                for s in 0..<t.paddedCount { rows.pointer[s][0] = state.pointer[s] }
                let view = LaneView(state: rows.pointer, chunks: 1, lanes: 1)
                let energy = lanes.measure(view, layout: layout, tables: t)
                recorder.record(energy: energy, view: view, layout: layout)
                partial.measureNanos &+= now() &- t1
            }
        }
        recorder.finish(into: &partial)
        lanes.flush(into: &partial)
        lanes.free()
        return partial
    }

    @inline(__always)
    static func isMeasured(_ sweep: Int, _ cfg: SamplerConfiguration) -> Bool {
        sweep >= cfg.burnIn && (sweep - cfg.burnIn) % cfg.measureEvery == 0
    }
}

/// A block's state seen as rows of `chunks` sixteen-lane vectors, of which the first `lanes`
/// lanes are real replicas.
struct LaneView {
    let state: UnsafeMutablePointer<SIMD16<Float>>
    let chunks: Int
    let lanes: Int

    /// 1 for real lanes, 0 for padding, in chunk `h`.
    func mask(_ h: Int) -> SIMD16<Float> {
        var m = SIMD16<Float>()
        for l in 0..<16 where 16 * h + l < lanes { m[l] = 1 }
        return m
    }

    @inline(__always) func row(_ slot: Int, _ h: Int) -> SIMD16<Float> { state[slot &* chunks &+ h] }

    func value(slot: Int, lane: Int) -> Int8 { state[slot * chunks + lane / 16][lane % 16] > 0 ? 1 : -1 }
}

/// Per-worker sums in sixteen-lane chunks. They are sums of ±1 and 0, exact in `Float` below
/// 2²⁴, so they are flushed to `Int64` every 2²² measurements: exact, and the same whatever
/// order the blocks ran in. (Float avoids SIMD float-to-integer conversions, which generic
/// code does lane by lane.)
struct LaneAccumulator {
    let magnetization: AlignedBuffer<SIMD16<Float>>
    let correlation: AlignedBuffer<SIMD16<Float>>
    let chunks: Int
    var pending = 0
    private var flushed: (mag: [Int64], corr: [Int64])?

    init(layout: ColoredLayout, chunks: Int) {
        self.chunks = chunks
        magnetization = AlignedBuffer(repeating: .zero, count: layout.nodeCount * chunks)
        correlation = AlignedBuffer(repeating: .zero, count: layout.edgeSlots.count * chunks)
    }

    /// Adds the real lanes' `m_i` and `m_i m_j`; returns each lane's energy, chunk by chunk.
    mutating func measure(_ view: LaneView, layout: ColoredLayout, tables t: KernelTables) -> [SIMD16<Float>] {
        var energies: [SIMD16<Float>] = []
        for h in 0..<view.chunks {
            let mask = view.mask(h)
            var field = SIMD16<Float>()
            layout.internalIndex.withUnsafeBufferPointer { slots in
                for v in 0..<slots.count {
                    let m = view.row(Int(slots[v]), h)
                    let a = v &* chunks &+ h
                    magnetization.pointer[a] = magnetization.pointer[a].addingProduct(m, mask)
                    field = field.addingProduct(t.biases[Int(slots[v])], m)
                }
            }
            var coupling = SIMD16<Float>()
            for e in 0..<t.edgeCount {
                let ab = t.edgeSlots[e]
                let p = view.row(Int(ab[0]), h) * view.row(Int(ab[1]), h)
                let a = e &* chunks &+ h
                correlation.pointer[a] = correlation.pointer[a].addingProduct(p, mask)
                coupling = coupling.addingProduct(t.edgeWeights[e], p)
            }
            energies.append(-(field + coupling))
        }
        pending += 1
        if pending >= 1 << 22 { flushPending() }
        return energies
    }

    private mutating func flushPending() {
        var mag = flushed?.mag ?? [Int64](repeating: 0, count: magnetization.count / chunks)
        var corr = flushed?.corr ?? [Int64](repeating: 0, count: correlation.count / chunks)
        for a in 0..<magnetization.count {
            mag[a / chunks] += Self.exactSum(magnetization.pointer[a])
            magnetization.pointer[a] = .zero
        }
        for a in 0..<correlation.count {
            corr[a / chunks] += Self.exactSum(correlation.pointer[a])
            correlation.pointer[a] = .zero
        }
        flushed = (mag, corr)
        pending = 0
    }

    static func exactSum(_ x: SIMD16<Float>) -> Int64 {
        var s: Int64 = 0
        for l in 0..<16 { s += Int64(x[l]) }
        return s
    }

    mutating func flush(into partial: inout PartialMeasurements) {
        flushPending()
        if let f = flushed {
            for v in 0..<f.mag.count { partial.magnetization[v] += f.mag[v] }
            for e in 0..<f.corr.count { partial.correlation[e] += f.corr[e] }
        }
        flushed = nil
    }

    func free() {
        magnetization.free()
        correlation.free()
    }
}

/// Energy traces, lowest states and recorded samples of the real lanes of one block.
struct LaneRecorder {
    let replicas: Range<Int>
    var traces: [[Double]]
    var lowest: [Double]
    var lowestStates: [[Int8]]
    var samples: [[Int8]]
    let track: Bool
    let record: Bool

    init(replicas: Range<Int>, config: SamplerConfiguration) {
        self.replicas = replicas
        traces = Array(repeating: [], count: replicas.count)
        lowest = Array(repeating: .infinity, count: replicas.count)
        lowestStates = Array(repeating: [], count: replicas.count)
        samples = Array(repeating: [], count: replicas.count)
        track = config.trackLowestEnergy
        record = config.recordSamples
    }

    mutating func record(energy: [SIMD16<Float>], view: LaneView, layout: ColoredLayout) {
        for l in 0..<replicas.count {
            let e = Double(energy[l / 16][l % 16])
            traces[l].append(e)
            if track && e < lowest[l] {
                lowest[l] = e
                lowestStates[l] = layout.internalIndex.map { view.value(slot: Int($0), lane: l) }
            }
            if record {
                samples[l].append(contentsOf: layout.internalIndex.map { view.value(slot: Int($0), lane: l) })
            }
        }
    }

    func finish(into partial: inout PartialMeasurements) {
        for (l, r) in replicas.enumerated() {
            partial.traces.append((r, traces[l]))
            if track { partial.lowest.append((r, lowest[l], lowestStates[l])) }
            if record { partial.samples.append((r, samples[l])) }
        }
    }
}
