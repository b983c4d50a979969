/// A radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990) of (key, node) pairs for a Dijkstra over
/// non-negative Double keys that never pushes below the last key popped: push in O(1), pop moving each
/// pair down buckets at most 64 times. Buffers are allocated once (`init(capacity:)`, freed by
/// `deallocate()`) and reused: a push or pop never allocates.
///
/// Guarantees: `pop` returns a pair with the smallest key queued, provided no key pushed is negative or
/// below the last key popped (a Dijkstra's relaxations with costs >= 0 satisfy this). Among equal keys
/// the order is unspecified (a Dijkstra's distances do not depend on it). At most `capacity` pushes
/// between two `reset()`s.
/// Why: a non-negative Double's bit pattern orders as the Double does; bucket 0 holds the pairs keyed
/// exactly `last`, bucket j >= 1 those whose key first differs from `last` at bit j - 1, so every pair of
/// a lower bucket is keyed below every pair of a higher one.
struct MonotoneNodeQueue {
    let keys: UnsafeMutablePointer<Double>
    let nodes: UnsafeMutablePointer<Int32>
    /// The next pair of the same bucket (-1 at the end).
    let next: UnsafeMutablePointer<Int32>
    /// Buckets 0 ... 64: the first pair of each, -1 when empty (for j >= 1 valid only when bit j - 1 of
    /// `mask` is set).
    let heads: UnsafeMutablePointer<Int32>
    let capacity: Int
    /// Bit j - 1: bucket j >= 1 is not empty.
    var mask: UInt64 = 0
    var used = 0
    var last: UInt64 = 0

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        keys = .allocate(capacity: self.capacity)
        nodes = .allocate(capacity: self.capacity)
        next = .allocate(capacity: self.capacity)
        heads = .filled(-1, count: 65)
    }

    func deallocate() {
        keys.deallocate()
        nodes.deallocate()
        next.deallocate()
        heads.deallocate()
    }

    /// Empties the queue.
    mutating func reset() {
        heads[0] = -1
        mask = 0
        used = 0
        last = 0
    }

    @inline(__always) mutating func link(_ slot: Int, bits: UInt64) {
        if bits == last {
            next[slot] = heads[0]
            heads[0] = Int32(slot)
            return
        }
        let j = 64 - (bits ^ last).leadingZeroBitCount
        let bit: UInt64 = 1 << UInt64(j - 1)
        next[slot] = mask & bit != 0 ? heads[j] : -1
        heads[j] = Int32(slot)
        mask |= bit
    }

    @inline(__always) mutating func push(_ key: Double, _ node: Int32) {
        precondition(used < capacity && key.sign == .plus && key.bitPattern >= last, "MonotoneNodeQueue: push beyond capacity or below the last key")
        keys[used] = key
        nodes[used] = node
        link(used, bits: key.bitPattern)
        used += 1
    }

    @inline(__always) mutating func pop() -> (Double, Int32)? {
        if heads[0] < 0 {
            guard mask != 0 else { return nil }
            // Empty the lowest non-empty bucket: `last` becomes its smallest key, its pairs move lower.
            let j = mask.trailingZeroBitCount + 1
            mask &= ~(UInt64(1) << UInt64(j - 1))
            var k = Int(heads[j])
            var least = UInt64.max
            while k >= 0 {
                least = min(least, keys[k].bitPattern)
                k = Int(next[k])
            }
            last = least
            k = Int(heads[j])
            while k >= 0 {
                let after = Int(next[k])
                link(k, bits: keys[k].bitPattern)
                k = after
            }
        }
        let k = Int(heads[0])
        heads[0] = next[k]
        return (keys[k], nodes[k])
    }
}
