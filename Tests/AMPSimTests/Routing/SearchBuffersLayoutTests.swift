import Testing
@testable import AMPSim

/// A node's label and the stamps a scan reads with it share one 64-byte line: the label is 64 bytes,
/// the labels start on a 64-byte boundary, each stamp column reads and writes its own field of its own
/// node, and replacing a label (`set`) keeps the node's stamps.
@Suite struct SearchBuffersLayoutTests {
    /// The four stamp columns, in the order of their fields in `Label`.
    static func columns(_ b: SearchBuffers) -> [SearchBuffers.StampColumn] {
        [b.nodeResultStamp, b.boundStamp, b.historyNextStamp, b.receiverNextStamp]
    }

    @Test func aLabelIsOneAlignedCacheLine() {
        #expect(MemoryLayout<SearchBuffers.Label>.stride == 64)
        let b = SearchBuffers(nodes: 5, edges: 8)
        #expect(UInt(bitPattern: b.labels) % 64 == 0)
    }

    @Test func eachStampColumnIsItsOwnFieldOfItsOwnNode() {
        let b = SearchBuffers(nodes: 5, edges: 8)
        for (column, (node, value)) in zip(Self.columns(b), [(3, 7), (3, 11), (2, 13), (4, 17)] as [(Int, UInt32)]) {
            column[node] = value
        }
        #expect(b.labels[3].resultStamp == 7 && b.labels[3].boundStamp == 11)
        #expect(b.labels[2].historyNextStamp == 13 && b.labels[4].receiverNextStamp == 17)
        // Nothing else moved: the neighbours' stamps and the labels' own fields are untouched.
        #expect(b.nodeResultStamp[2] == 0 && b.nodeResultStamp[4] == 0 && b.boundStamp[2] == 0 && b.boundStamp[4] == 0)
        #expect(b.historyNextStamp[3] == 0 && b.receiverNextStamp[3] == 0)
        #expect(b.labels[3].seen == 0 && b.labels[3].hopCount == 0 && b.labels[3].cost == 0)
    }

    @Test func replacingALabelKeepsTheStamps() {
        let b = SearchBuffers(nodes: 3, edges: 4)
        for (i, column) in Self.columns(b).enumerated() { column[1] = UInt32(2 * (i + 1)) }
        b.labels[1].set(cost: 5.5, weight: 1.5, probability: 0.25, amountIn: 1_000, cltv: 80, nextDirection: 9, seen: 10, hopCount: 3)
        let l = b.labels[1]
        #expect(l.cost == 5.5 && l.weight == 1.5 && l.probability == 0.25 && l.amountIn == 1_000)
        #expect(l.cltv == 80 && l.nextDirection == 9 && l.seen == 10 && l.hopCount == 3)
        #expect(Self.columns(b).map { $0[1] } == [2, 4, 6, 8])
        #expect(l.resultStamp == 2 && l.boundStamp == 4 && l.historyNextStamp == 6 && l.receiverNextStamp == 8)
    }
}
