import Testing
@testable import AMPSim

/// The search's radix queue pops exactly what one binary heap over all queued entries would: the first
/// entry in `SearchBuffers.precedes`, with ties on the key broken by the labels' order, keys below the
/// last popped one (rounding) first, and clearing dropping everything.
@Suite struct SearchBuffersQueueTests {
    typealias Entry = SearchBuffers.HeapEntry

    static func entry(_ key: Double, cost: Double = 0, probability: Double = 1, hops: Int32 = 0, direction: Int32 = 0, node: Int32 = 0) -> Entry {
        Entry(key: key, cost: cost, probability: probability, hopCount: hops, nextDirection: direction, node: node)
    }

    static func drain(_ b: SearchBuffers) -> [Entry] {
        var out: [Entry] = []
        while let e = b.pop() { out.append(e) }
        return out
    }

    @Test func popsInKeyThenLabelOrder() {
        let b = SearchBuffers(nodes: 4, edges: 16)
        b.nextGeneration()
        // Equal keys: the higher probability, then fewer hops, then the lower direction first.
        for e in [Self.entry(3.5, cost: 1, probability: 0.5, node: 1), Self.entry(0.25, node: 2), Self.entry(3.5, cost: 1, probability: 0.9, node: 3),
                  Self.entry(1e9, node: 4), Self.entry(3.5, cost: 1, probability: 0.9, hops: 2, node: 5), Self.entry(0, node: 6),
                  Self.entry(3.5, cost: 1, probability: 0.9, hops: 2, direction: -1, node: 7)] {
            b.push(e)
        }
        #expect(Self.drain(b).map(\.node) == [6, 2, 3, 7, 5, 1, 4])
    }

    @Test func aKeyBelowTheLastPoppedComesNextAndClearingEmpties() {
        let b = SearchBuffers(nodes: 4, edges: 16)
        b.nextGeneration()
        for (k, n) in [(10.0, 1), (20.0, 2), (30.0, 3)] { b.push(Self.entry(k, node: Int32(n))) }
        #expect(b.pop()?.node == 1)
        b.push(Self.entry(9.999999999, node: 9))   // below the last popped key, as rounding can give
        b.push(Self.entry(-1, node: 8))            // negative: first of all
        b.push(Self.entry(25, node: 7))
        #expect(Self.drain(b).map(\.node) == [8, 9, 2, 7, 3])
        for k in [5.0, 1.0, 7.0] { b.push(Self.entry(k)) }
        #expect(b.countQueued { $0.key > 2 } == 2)
        b.clearQueue()
        #expect(b.pop() == nil)
        #expect(b.countQueued { _ in true } == 0)
    }

    /// Random pushes and pops (directions unique, so the order is total; A*-like: pushes at or above the last popped key, some exactly equal, some
    /// a rounding step below) against a sorted reference, over several searches of one buffer.
    @Test func randomSequencesMatchASortedReference() {
        let r = RandomStream(seed: 20)
        let b = SearchBuffers(nodes: 8, edges: 4000)
        for _ in 0..<30 {
            b.nextGeneration()
            var reference: [Entry] = []
            var last = 0.0, pushed = 0
            for step in 0..<1500 {
                if pushed < 4000 && (reference.isEmpty || r.uniformInt(below: 3) > 0) {
                    let choice = r.uniformInt(below: 10)
                    let key = choice == 0 ? last : choice == 1 ? last.nextDown : last + r.uniform() * (choice < 5 ? 1 : 1e6)
                    let e = Self.entry(key, cost: Double(r.uniformInt(below: 4)), probability: Double(r.uniformInt(below: 3)) / 2,
                                       hops: Int32(r.uniformInt(below: 3)), direction: Int32(step), node: Int32(step))
                    b.push(e)
                    reference.append(e)
                    pushed += 1
                } else {
                    let i = reference.indices.min { SearchBuffers.precedes(reference[$0], reference[$1]) }!
                    let expected = reference.remove(at: i)
                    let got = b.pop()
                    #expect(got?.node == expected.node)
                    last = max(last, got?.key ?? last)
                }
            }
            let rest = reference.sorted { SearchBuffers.precedes($0, $1) }.map(\.node)
            #expect(Self.drain(b).map(\.node) == rest)
        }
    }
}
