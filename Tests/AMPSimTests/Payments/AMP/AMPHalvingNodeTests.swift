import Testing
@testable import AMPSim

@Suite struct AMPHalvingNodeTests {
    /// Splits every node down to `depth` and returns the leaves.
    static func fullTree(root: AMPHalvingNode, depth: UInt32, stream: RandomStream) -> [AMPHalvingNode] {
        var level = [root]
        for _ in 0..<depth {
            level = level.flatMap { node -> [AMPHalvingNode] in
                let (left, right) = node.split(random: Bytes32(random: stream))
                return [left, right]
            }
        }
        return level
    }

    @Test func fullTreeOfDepthEightXorsBackToRoot() {
        let stream = RandomStream(seed: 8)
        let rootSeed = Bytes32(random: stream)
        let leaves = Self.fullTree(root: .root(seed: rootSeed, amountMsat: 1_000_003), depth: 8, stream: stream)
        #expect(leaves.count == 256)
        #expect(leaves.reduce(Bytes32.zero) { $0 ^ $1.seed } == rootSeed)
        #expect(leaves.reduce(0) { $0 + $1.amountMsat } == 1_000_003)
        #expect(Set(leaves.map(\.index)) == Set(0..<256))
        #expect(leaves.allSatisfy { $0.depth == 8 })
    }

    /// Irregular trees: only some parts fail and split, down to depth 8.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func randomTreesXorBackToRoot(seed: UInt64) {
        let stream = RandomStream(seed: seed)
        let rootSeed = Bytes32(random: stream)
        var leaves = [AMPHalvingNode.root(seed: rootSeed, amountMsat: 5_000_000)]
        for _ in 0..<200 {
            let candidates = leaves.indices.filter { leaves[$0].depth < 8 }
            guard !candidates.isEmpty else { break }
            let pick = candidates[Int(stream.uniformInt(below: UInt64(candidates.count)))]
            let (left, right) = leaves.remove(at: pick).split(random: Bytes32(random: stream))
            leaves.append(left)
            leaves.append(right)
            #expect(leaves.reduce(Bytes32.zero) { $0 ^ $1.seed } == rootSeed)
        }
        #expect(leaves.contains { $0.depth == 8 })
        #expect(leaves.reduce(0) { $0 + $1.amountMsat } == 5_000_000)
        #expect(Set(leaves.map(\.index)).count == leaves.count)
    }

    @Test func childIndicesFollowTheScheme() {
        let node = AMPHalvingNode(seed: .zero, index: 5, depth: 3, amountMsat: 11)
        let (left, right) = node.split(random: Bytes32(repeating: 0xab))
        #expect(left.index == 5 && left.depth == 4 && left.amountMsat == 5)
        #expect(right.index == 5 + 8 && right.depth == 4 && right.amountMsat == 6)
        #expect(left.seed ^ right.seed == node.seed)
    }
}
