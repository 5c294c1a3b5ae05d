import RandomStreams

/// The sweep kernel vectorised across replicas: thirty-two independent chains share every
/// instruction, lane `l` of a row being chain `l` of the block.
///
/// A state row is two `SIMD16<Float>` chunks (128 bytes): `state[2s]` and `state[2s + 1]`
/// hold the values (±1) of internal slot `s` for lanes 0–15 and 16–31; the row of `zeroSlot`
/// stays zero for the ELL padding. One weight broadcast feeds the FMAs of both chunks. The tables' columns
/// are byte offsets of rows (`KernelTables(layout, columnScale: 128)`). A sweep visits the
/// colours in turn; within a colour no node reads another node of the same colour, so
/// visiting its nodes in order is the same as updating them all at once, as hardware does.
enum ReplicaKernel {
    static let lanes = 32
    static let chunks = 2
    static let rowBytes: Int32 = 128

    /// One sweep over the free slots `free[starts[c] ..< starts[c + 1]]`, colour by colour;
    /// slots not listed (clamped data, padding) keep their values.
    @inline(always)
    static func sweep(
        state: UnsafeMutablePointer<SIMD16<Float>>,
        tables t: KernelTables,
        free: FreeSlots,
        scaledBeta: Float,
        rng: inout XoshiroLanes
    ) {
        let width = t.width
        let biases = t.biases
        let starts = free.starts
        let slots = free.slots
        let rows = UnsafeRawPointer(state)
        for c in 0..<free.colorCount {
            var i = starts[c]
            let hi = starts[c &+ 1]
            while i < hi {
                let s = Int(slots[i])
                // Slot k of node s sits at ((group · width + k) · 16 + lane).
                let at = ((s &>> 4) &* width) &* 16 &+ (s & 15)
                var w = t.weights + at
                var col = t.columns + at
                // Two slots per step, so each half of the row has two FMA chains.
                var a0 = SIMD16<Float>(repeating: biases[s]), b0 = a0
                var a1 = SIMD16<Float>(), b1 = SIMD16<Float>()
                var k = 0
                while k < width {
                    let o0 = Int(col[0]), o1 = Int(col[16])
                    a0 = a0.addingProduct(w[0], rows.load(fromByteOffset: o0, as: SIMD16<Float>.self))
                    b0 = b0.addingProduct(w[0], rows.load(fromByteOffset: o0 &+ 64, as: SIMD16<Float>.self))
                    a1 = a1.addingProduct(w[16], rows.load(fromByteOffset: o1, as: SIMD16<Float>.self))
                    b1 = b1.addingProduct(w[16], rows.load(fromByteOffset: o1 &+ 64, as: SIMD16<Float>.self))
                    w += 32
                    col += 32
                    k &+= 2
                }
                let u0 = rng.nextUnit16()
                state[2 &* s] = PBitActivation.decide(field: a0 + a1, scaledBeta: scaledBeta, uniform: u0)
                let u1 = rng.nextUnit16()
                state[2 &* s &+ 1] = PBitActivation.decide(field: b0 + b1, scaledBeta: scaledBeta, uniform: u1)
                i &+= 1
            }
        }
    }
}

/// The single-chain kernel: vectorised across the sixteen nodes of a group, all of one
/// colour. Neighbour states are gathered one by one; weights and biases load sixteen at once.
enum SingleChainKernel {
    @inline(always)
    static func sweep(
        state: UnsafeMutablePointer<Float>,
        tables t: KernelTables,
        scaledBeta: Float,
        rng: inout XoshiroLanes
    ) {
        let width = t.width
        let groups = t.paddedCount &>> 4
        var w = UnsafeRawPointer(t.weights)
        var col = UnsafeRawPointer(t.columns)
        let biases = UnsafeRawPointer(t.biases)
        let out = UnsafeMutableRawPointer(state)
        var g = 0
        while g < groups {
            var acc0 = biases.loadUnaligned(fromByteOffset: g &* 64, as: SIMD16<Float>.self)
            var acc1 = SIMD16<Float>()
            var k = 0
            while k < width {
                let w0 = w.loadUnaligned(as: SIMD16<Float>.self)
                let c0 = col.loadUnaligned(as: SIMD16<Int32>.self)
                let w1 = w.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                let c1 = col.loadUnaligned(fromByteOffset: 64, as: SIMD16<Int32>.self)
                acc0 = acc0.addingProduct(w0, gather(state, c0))
                acc1 = acc1.addingProduct(w1, gather(state, c1))
                w += 128
                col += 128
                k &+= 2
            }
            let u = rng.nextUnit16()
            let m = PBitActivation.decide(field: acc0 + acc1, scaledBeta: scaledBeta, uniform: u)
            out.storeBytes(of: m, toByteOffset: g &* 64, as: SIMD16<Float>.self)
            g &+= 1
        }
    }

    @inline(always)
    static func gather(_ p: UnsafeMutablePointer<Float>, _ i: SIMD16<Int32>) -> SIMD16<Float> {
        var v = SIMD16<Float>()
        for l in 0..<16 { v[l] = p[Int(i[l])] }
        return v
    }
}
