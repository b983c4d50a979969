import Testing
@testable import AMPSim

/// The sender side's radix heap: smallest key first for a Dijkstra's monotone pushes, over reused
/// buffers.
@Suite struct MonotoneNodeQueueTests {
    @Test func popsTheSmallestKeyWithEqualKeysAndZero() {
        var q = MonotoneNodeQueue(capacity: 8)
        defer { q.deallocate() }
        for (k, n) in [(5.0, 1), (0.0, 2), (5.0, 3), (0.5, 4), (1e300, 5), (2.0, 6)] { q.push(k, Int32(n)) }
        var keys: [Double] = [], nodes: Set<Int32> = []
        while let (k, n) = q.pop() { keys.append(k); nodes.insert(n) }
        #expect(keys == [0, 0.5, 2, 5, 5, 1e300])
        #expect(nodes == [1, 2, 3, 4, 5, 6])
        // Reset: empty again over the same buffers.
        q.reset()
        #expect(q.pop() == nil)
        q.push(3, 7)
        #expect(q.pop()! == (3, 7))
    }

    /// Random pushes at or above the last key popped (some exactly equal, some far above), interleaved
    /// with pops, against a sorted reference, over several resets.
    @Test func monotonePushesComeOutSorted() {
        let r = RandomStream(seed: 11)
        var q = MonotoneNodeQueue(capacity: 3000)
        defer { q.deallocate() }
        for _ in 0..<5 {
            q.reset()
            var reference: [Double] = []
            var last = 0.0, pushed = 0
            for step in 0..<4000 {
                if pushed < 3000 && (reference.isEmpty || r.uniformInt(below: 3) > 0) {
                    let choice = r.uniformInt(below: 4)
                    let key = choice == 0 ? last : last + r.uniform() * (choice == 1 ? 1e-12 : choice == 2 ? 1 : 1e9)
                    q.push(key, Int32(step))
                    reference.append(key)
                    pushed += 1
                } else {
                    let smallest = reference.min()!
                    reference.remove(at: reference.firstIndex(of: smallest)!)
                    let popped = q.pop()
                    #expect(popped?.0 == smallest)
                    last = smallest
                }
            }
            while let smallest = reference.min() {
                reference.remove(at: reference.firstIndex(of: smallest)!)
                #expect(q.pop()?.0 == smallest)
            }
            #expect(q.pop() == nil)
        }
    }
}
