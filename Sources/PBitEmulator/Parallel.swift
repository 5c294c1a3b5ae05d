import Dispatch

/// Runs `body(k)` for `k in 0..<count` on up to `count` threads and returns the results in
/// order of `k`. Work is split by the caller into chunks whose content does not depend on the
/// thread count, so results are the same for any number of threads.
func parallelMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    guard count > 1 else { return (0..<count).map(body) }
    let slots = ResultSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { k in slots.set(k, body(k)) }
    return slots.take()
}

/// Disjoint per-index writes from concurrent workers.
private final class ResultSlots<T>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<T?>
    init(_ n: Int) {
        buffer = .allocate(capacity: n)
        buffer.initialize(repeating: nil)
    }
    func set(_ k: Int, _ v: T) { buffer[k] = v }
    func take() -> [T] {
        let out = buffer.compactMap { $0 }
        buffer.deinitialize()
        buffer.deallocate()
        return out
    }
}

/// Splits `0..<count` into `parts` contiguous ranges of near-equal size.
func chunk(_ count: Int, parts: Int, index k: Int) -> Range<Int> {
    (count * k / parts)..<(count * (k + 1) / parts)
}

/// Monotonic nanoseconds.
@inline(__always) func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
