/// The search's priority queue: a radix heap (Ahuja, Mehlhorn, Orlin, Tarjan 1990) over the keys' bits
/// in front of a binary heap. A push is O(1) — most pushed entries are never popped, because a search
/// ends as soon as the sender's route is known — and a pop moves entries down buckets at most 64 times
/// each.
///
/// Guarantees: `pop` returns the entry that comes first in `SearchBuffers.precedes` (the A* key, then the
/// labels' order) among all queued entries, exactly as one binary heap over all of them would, so the
/// search's routes do not change. Why: a non-negative Double's bit pattern orders as the Double does;
/// bucket 0 (the binary heap, ordered by `precedes`) holds every entry keyed at most `lastBits`, and
/// bucket j >= 1 the entries whose key differs from `lastBits` first at bit j - 1 (so keyed above
/// every entry of bucket 0 and of lower buckets). When bucket 0 is empty, the lowest non-empty bucket
/// is emptied: `lastBits` becomes its smallest key and its entries move to bucket 0 or lower buckets.
/// A key below `lastBits` (only by rounding: A* keys do not fall along a route) or negative goes to
/// bucket 0, where `precedes` still orders it first.
extension SearchBuffers {
    /// The key's bits, ordered as the key for keys >= 0; 0 for negative keys (they belong in bucket 0).
    @inline(__always) static func orderedBits(_ key: Double) -> UInt64 {
        key > 0 ? key.bitPattern : 0
    }

    @inline(__always) func push(_ entry: HeapEntry) {
        let bits = Self.orderedBits(entry.key)
        if bits <= lastBits {
            heapPush(entry)
            return
        }
        link(entry, bits: bits, at: poolCount)
        poolCount += 1
    }

    /// Puts pool slot `slot` (holding `entry`, or about to) at the front of its bucket, whose least key
    /// it updates.
    @inline(__always) func link(_ entry: HeapEntry, bits: UInt64, at slot: Int) {
        let j = 64 - (bits ^ lastBits).leadingZeroBitCount
        pool[slot] = entry
        let bit: UInt64 = 1 << UInt64(j - 1)
        if bucketMask & bit != 0 {
            poolNext[slot] = bucketHead[j]
            bucketLeast[j] = min(bucketLeast[j], bits)
        } else {
            poolNext[slot] = -1
            bucketLeast[j] = bits
        }
        bucketHead[j] = Int32(slot)
        bucketMask |= bit
    }

    @inline(__always) func pop() -> HeapEntry? {
        if heapCount == 0 {
            guard bucketMask != 0 else { return nil }
            refill()
        }
        return heapPop()
    }

    /// Empties the lowest non-empty bucket: `lastBits` becomes its smallest key; its entries keyed at
    /// that go to bucket 0, the others to lower buckets.
    func refill() {
        let j = bucketMask.trailingZeroBitCount + 1
        bucketMask &= ~(UInt64(1) << UInt64(j - 1))
        let head = Int(bucketHead[j])
        lastBits = bucketLeast[j]
        var k = head
        while k >= 0 {
            let next = Int(poolNext[k])
            let entry = pool[k]
            let bits = Self.orderedBits(entry.key)
            if bits <= lastBits { heapPush(entry) } else { link(entry, bits: bits, at: k) }
            k = next
        }
    }

    /// Drops every queued entry.
    @inline(__always) func clearQueue() {
        heapCount = 0
        bucketMask = 0
        poolCount = 0
        lastBits = 0
    }

    /// How many queued entries satisfy `predicate` (any order).
    func countQueued(where predicate: (HeapEntry) -> Bool) -> Int {
        var count = 0
        for i in 0..<heapCount where predicate(heap[i]) { count += 1 }
        var mask = bucketMask
        while mask != 0 {
            let j = mask.trailingZeroBitCount + 1
            mask &= mask - 1
            var k = Int(bucketHead[j])
            while k >= 0 {
                if predicate(pool[k]) { count += 1 }
                k = Int(poolNext[k])
            }
        }
        return count
    }
}
