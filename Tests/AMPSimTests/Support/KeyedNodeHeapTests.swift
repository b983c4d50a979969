import Testing
@testable import AMPSim

/// The shared (key, node) heap: smallest key first, equal keys in an order fixed by the pushes and
/// pops alone, a copy of the empty heap starting fresh over the same buffers.
@Suite struct KeyedNodeHeapTests {
    @Test func popsByKeyAndEqualKeysInAFixedOrder() {
        let empty = KeyedNodeHeap(capacity: 8)
        defer { empty.deallocate() }
        var heap = empty
        for (k, n) in [(5.0, 1), (1.0, 2), (5.0, 3), (0.5, 4), (5.0, 5), (2.0, 6)] { heap.push(k, Int32(n)) }
        var popped: [Int32] = []
        while let (_, n) = heap.pop() { popped.append(n) }
        #expect(popped == [4, 2, 6, 1, 5, 3])
        // A copy of the empty heap is empty again, over the same memory.
        var again = empty
        #expect(again.pop() == nil)
        again.push(3, 7)
        #expect(again.keys == empty.keys && again.pop()! == (3, 7))
    }

    @Test func randomPushesAndPopsComeOutSorted() {
        let r = RandomStream(seed: 7)
        var heap = KeyedNodeHeap(capacity: 500)
        defer { heap.deallocate() }
        var reference: [Double] = []
        for step in 0..<2000 {
            if reference.count < 500 && (reference.isEmpty || r.uniformInt(below: 2) == 0) {
                let key = Double(r.uniformInt(below: 50))
                heap.push(key, Int32(step))
                reference.append(key)
            } else {
                let smallest = reference.min()!
                reference.remove(at: reference.firstIndex(of: smallest)!)
                #expect(heap.pop()?.0 == smallest)
            }
        }
        #expect(heap.count == reference.count)
    }
}
