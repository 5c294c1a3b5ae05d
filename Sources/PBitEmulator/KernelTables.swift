import Foundation

/// The layout's arrays copied into 32-byte-aligned memory that the kernels read through
/// plain pointers (no array bounds checks, retains or exclusivity checks in the hot loop).
final class KernelTables: @unchecked Sendable {
    let width: Int
    let paddedCount: Int
    /// `classStarts[c] ..< classStarts[c + 1]` is colour `c`'s range of internal slots.
    let classStarts: UnsafeMutablePointer<Int>
    let colorCount: Int
    let weights: UnsafeMutablePointer<Float>
    let columns: UnsafeMutablePointer<Int32>
    let biases: UnsafeMutablePointer<Float>
    let edgeSlots: UnsafeMutablePointer<SIMD2<Int32>>
    let edgeWeights: UnsafeMutablePointer<Float>
    let edgeCount: Int

    /// `columnScale` multiplies the stored neighbour slots: the byte size of a state row lets
    /// the replica kernel use them as byte offsets, saving a shift per coupling.
    init(_ layout: ColoredLayout, columnScale: Int32 = 1) {
        width = layout.width
        paddedCount = layout.paddedCount
        classStarts = Self.copy(layout.classStart)
        colorCount = layout.colorCount
        weights = Self.copy(layout.weights)
        columns = Self.copy(columnScale == 1 ? layout.columns : layout.columns.map { $0 &* columnScale })
        biases = Self.copy(layout.biases)
        edgeSlots = Self.copy(layout.edgeSlots)
        edgeWeights = Self.copy(layout.edgeWeights)
        edgeCount = layout.edgeSlots.count
    }

    static func copy<T>(_ a: [T]) -> UnsafeMutablePointer<T> {
        let p = UnsafeMutableRawPointer.allocate(
            byteCount: max(a.count, 1) * MemoryLayout<T>.stride, alignment: 64
        ).bindMemory(to: T.self, capacity: max(a.count, 1))
        a.withUnsafeBufferPointer { src in
            if let base = src.baseAddress { p.initialize(from: base, count: a.count) }
        }
        return p
    }

    deinit {
        weights.deallocate(); columns.deallocate(); biases.deallocate(); classStarts.deallocate()
        edgeSlots.deallocate(); edgeWeights.deallocate()
    }
}

/// Zero-initialised aligned buffer owned by the caller.
@usableFromInline
struct AlignedBuffer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int

    init(repeating value: T, count: Int) {
        self.count = count
        pointer = UnsafeMutableRawPointer.allocate(
            byteCount: max(count, 1) * MemoryLayout<T>.stride, alignment: 64
        ).bindMemory(to: T.self, capacity: max(count, 1))
        pointer.initialize(repeating: value, count: max(count, 1))
    }

    func free() { pointer.deallocate() }
}

/// The slots a sweep updates, grouped by colour: clamped nodes and padding are left out.
final class FreeSlots: @unchecked Sendable {
    let slots: UnsafeMutablePointer<Int32>
    let starts: UnsafeMutablePointer<Int>
    let colorCount: Int
    let count: Int

    /// Every real node of the layout, or only those with `isFree[node]`.
    init(_ layout: ColoredLayout, isFree: [Bool]? = nil) {
        var list: [Int32] = []
        var starts = [0]
        for c in 0..<layout.colorCount {
            for s in layout.classStart[c]..<layout.classStart[c + 1] {
                let v = Int(layout.node[s])
                if v >= 0 && (isFree?[v] ?? true) { list.append(Int32(s)) }
            }
            starts.append(list.count)
        }
        slots = KernelTables.copy(list)
        self.starts = KernelTables.copy(starts)
        colorCount = layout.colorCount
        count = list.count
    }

    deinit {
        slots.deallocate()
        starts.deallocate()
    }
}
